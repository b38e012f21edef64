import { resetPasswordSchema } from '@commons/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation } from 'urql';
import { toFormErrors } from '../../graphql/errors';
import { FormAlert } from '../../ui/feedback';
import { PageHeading } from '../../ui/page-heading';
import { aboveForm, useForm } from '../../ui/use-form';
import { PasswordField } from '../components/password-field';
import { ResetPasswordDocument } from '../documents';

const FIELDS = ['newPassword', 'token'] as const;

/** The page a reset link opens: a new password, then signing in with it. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const form = useForm(FIELDS);
  const { errors } = form;
  const [newPassword, setNewPassword] = useState('');
  const [done, setDone] = useState(false);
  const [{ fetching }, reset] = useMutation(ResetPasswordDocument);

  async function submit() {
    const input = { token, newPassword };
    // A bad link is no field of the form: it is said above it.
    const result = await form.submit({
      check: () => {
        const invalid = form.validate(resetPasswordSchema, input);
        return invalid && aboveForm(invalid, 'token');
      },
      send: () => reset({ input }),
      onError: (error) => aboveForm(toFormErrors(error, FIELDS, t), 'token'),
    });
    if (result) setDone(true);
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
        <form {...form.formProps(submit)} className="panel">
          <FormAlert messages={errors.form} />
          <PasswordField kind="new" name="newPassword" {...form.field('newPassword', newPassword, setNewPassword)} />
          <button type="submit" className="button" disabled={fetching}>
            {t('account.reset.submit')}
          </button>
        </form>
      )}
    </div>
  );
}
