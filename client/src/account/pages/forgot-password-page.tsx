import { requestPasswordResetSchema } from '@commons/shared';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { type FormErrors, NO_ERRORS, toFormErrors, validateWith } from '../../graphql/errors';
import { FormAlert } from '../../ui/feedback';
import { focusFirstInvalid, TextField } from '../../ui/field';
import { PageHeading } from '../../ui/page-heading';
import { RequestPasswordResetDocument } from '../documents';

/** Asks for a reset link by email. The answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<FormErrors<'email'>>(NO_ERRORS);
  const [sent, setSent] = useState(false);
  const [{ fetching }, request] = useMutation(RequestPasswordResetDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const invalid = validateWith(requestPasswordResetSchema, { email }, ['email'], t);
    if (invalid) {
      setErrors(invalid);
      focusFirstInvalid(formRef.current);
      return;
    }
    const result = await request({ input: { email } });
    if (result.error) {
      setErrors(toFormErrors(result.error, ['email'], t));
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors(NO_ERRORS);
    setSent(true);
  }

  return (
    <div className="narrow">
      <PageHeading>{t('account.forgot.title')}</PageHeading>
      {sent ? (
        <p role="status">{t('account.forgot.sent', { email })}</p>
      ) : (
        <>
          <p className="lead">{t('account.forgot.intro')}</p>
          <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate className="panel">
            <FormAlert messages={errors.form} />
            <TextField
              label={t('auth.fields.email')}
              name="email"
              type="email"
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              error={errors.fields.email}
              required
            />
            <button type="submit" className="button" disabled={fetching}>
              {t('account.forgot.submit')}
            </button>
          </form>
        </>
      )}
      <p>
        <Link to="/sign-in">{t('account.backToSignIn')}</Link>
      </p>
    </div>
  );
}
