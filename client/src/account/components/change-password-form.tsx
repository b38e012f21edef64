import { changePasswordSchema } from '@commons/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { FormAlert, StatusMessage } from '../../ui/feedback';
import { useForm } from '../../ui/use-form';
import { ChangePasswordDocument } from '../documents';
import { PasswordField } from './password-field';

const FIELDS = ['currentPassword', 'newPassword'] as const;

/** The current password and a new one; her other devices are signed out. */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const form = useForm(FIELDS);
  const { errors } = form;
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [{ fetching }, change] = useMutation(ChangePasswordDocument);

  async function submit() {
    setStatus(null);
    const input = { currentPassword, newPassword };
    const result = await form.submit({
      check: () => form.validate(changePasswordSchema, input),
      send: () => change({ input }),
    });
    if (!result?.data) return;
    setCurrentPassword('');
    setNewPassword('');
    setStatus(t('account.password.changed', { count: result.data.changePassword }));
  }

  return (
    <form {...form.formProps(submit)} aria-labelledby="change-password-title">
      <h3 id="change-password-title">{t('account.password.title')}</h3>
      <FormAlert messages={errors.form} />
      <PasswordField
        kind="current"
        name="currentPassword"
        {...form.field('currentPassword', currentPassword, setCurrentPassword)}
      />
      <PasswordField kind="new" name="newPassword" {...form.field('newPassword', newPassword, setNewPassword)} />
      <button type="submit" className="button" disabled={fetching}>
        {t('account.password.submit')}
      </button>
      <StatusMessage>{status}</StatusMessage>
    </form>
  );
}
