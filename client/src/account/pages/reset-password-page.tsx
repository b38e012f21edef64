import { resetPasswordSchema } from '@commons/shared';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation } from 'urql';
import { type FormErrors, NO_ERRORS, toFormErrors, validateWith } from '../../graphql/errors';
import { FormAlert } from '../../ui/feedback';
import { focusFirstInvalid, TextField } from '../../ui/field';
import { PageHeading } from '../../ui/page-heading';
import { ResetPasswordDocument } from '../documents';

const FIELDS = ['newPassword', 'token'] as const;

/** The page a reset link opens: a new password, then signing in with it. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const formRef = useRef<HTMLFormElement>(null);
  const [newPassword, setNewPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors<(typeof FIELDS)[number]>>(NO_ERRORS);
  const [done, setDone] = useState(false);
  const [{ fetching }, reset] = useMutation(ResetPasswordDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = { token, newPassword };
    const invalid = validateWith(resetPasswordSchema, input, FIELDS, t);
    const result = invalid ? null : await reset({ input });
    if (invalid || !result || result.error) {
      const found = invalid ?? toFormErrors(result?.error, FIELDS, t);
      // A bad link is no field of the form: say it above it.
      setErrors({
        fields: { newPassword: found.fields.newPassword },
        form: [...found.form, ...(found.fields.token ? [found.fields.token] : [])],
      });
      focusFirstInvalid(formRef.current);
      return;
    }
    setDone(true);
  }

  return (
    <div className="narrow">
      <PageHeading>{t('account.reset.title')}</PageHeading>
      {done ? (
        <>
          <p role="status">{t('account.reset.done')}</p>
          <p>
            <Link to="/sign-in">{t('account.reset.signIn')}</Link>
          </p>
        </>
      ) : (
        <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate className="panel">
          <FormAlert messages={errors.form} />
          <TextField
            label={t('account.fields.newPassword')}
            name="newPassword"
            type="password"
            autoComplete="new-password"
            hint={t('account.fields.newPasswordHint')}
            value={newPassword}
            onChange={(e) => setNewPassword(e.target.value)}
            error={errors.fields.newPassword}
            required
          />
          <button type="submit" className="button" disabled={fetching}>
            {t('account.reset.submit')}
          </button>
        </form>
      )}
    </div>
  );
}
