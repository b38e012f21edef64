import { requestPasswordResetSchema } from '@commons/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { FormAlert } from '../../ui/feedback';
import { TextField } from '../../ui/field';
import { PageHeading } from '../../ui/page-heading';
import { useForm } from '../../ui/use-form';
import { RequestPasswordResetDocument } from '../documents';

const FIELDS = ['email'] as const;

/** Asks for a reset link by email. The answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const form = useForm(FIELDS);
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [{ fetching }, request] = useMutation(RequestPasswordResetDocument);

  async function submit() {
    const result = await form.submit({
      check: () => form.validate(requestPasswordResetSchema, { email }),
      send: () => request({ input: { email } }),
    });
    if (result) setSent(true);
  }

  return (
    <div className="narrow">
      <PageHeading>{t('account.forgot.title')}</PageHeading>
      {sent ? (
        <p role="status">{t('account.forgot.sent', { email })}</p>
      ) : (
        <>
          <p className="lead">{t('account.forgot.intro')}</p>
          <form {...form.formProps(submit)} className="panel">
            <FormAlert messages={form.errors.form} />
            <TextField
              label={t('auth.fields.email')}
              name="email"
              type="email"
              autoComplete="email"
              {...form.field('email', email, setEmail)}
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
