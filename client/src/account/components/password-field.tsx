import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/field';

interface PasswordFieldProps {
  /** The member's current password, or a new one (with the rule for it as a hint). */
  kind: 'current' | 'new';
  name: string;
  value: string;
  onChange: (event: { target: { value: string } }) => void;
  error?: string;
}

/**
 * The password boxes of the account forms: labelled, filled by password managers, and required.
 * Takes `form.field(...)` for its value, change and error.
 */
export function PasswordField({ kind, ...input }: PasswordFieldProps) {
  const { t } = useTranslation();
  return (
    <TextField
      label={kind === 'current' ? t('account.fields.currentPassword') : t('account.fields.newPassword')}
      type="password"
      autoComplete={kind === 'current' ? 'current-password' : 'new-password'}
      hint={kind === 'new' ? t('account.fields.newPasswordHint') : undefined}
      required
      {...input}
    />
  );
}
