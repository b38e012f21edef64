import { requestEmailChangeSchema } from '@commons/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { FormAlert, StatusMessage } from '../../ui/feedback';
import { TextField } from '../../ui/field';
import { useForm } from '../../ui/use-form';
import { RequestEmailChangeDocument } from '../documents';
import { PasswordField } from './password-field';

const FIELDS = ['newEmail', 'currentPassword'] as const;

/** A new address, confirmed by a link sent to it; the old address is told once it changes. */
export function ChangeEmailForm({ email }: { email: string }) {
  const { t } = useTranslation();
  const form = useForm(FIELDS);
  const { errors } = form;
  const [newEmail, setNewEmail] = useState('');
  const [currentPassword, setCurrentPassword] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [{ fetching }, request] = useMutation(RequestEmailChangeDocument);

  async function submit() {
    setStatus(null);
    const input = { newEmail, currentPassword };
    const result = await form.submit({
      check: () => form.validate(requestEmailChangeSchema, input),
      send: () => request({ input }),
    });
    if (!result?.data) return;
    setCurrentPassword('');
    setStatus(t('account.email.sent', { email: newEmail }));
  }

  return (
    <form {...form.formProps(submit)} aria-labelledby="change-email-title">
      <h3 id="change-email-title">{t('account.email.title')}</h3>
      <p>{t('account.email.current', { email })}</p>
      <FormAlert messages={errors.form} />
      <TextField
        label={t('account.fields.newEmail')}
        name="newEmail"
        type="email"
        autoComplete="email"
        {...form.field('newEmail', newEmail, setNewEmail)}
        required
      />
      <PasswordField
        kind="current"
        name="emailCurrentPassword"
        {...form.field('currentPassword', currentPassword, setCurrentPassword)}
      />
      <button type="submit" className="button" disabled={fetching}>
        {t('account.email.submit')}
      </button>
      <StatusMessage>{status}</StatusMessage>
    </form>
  );
}
