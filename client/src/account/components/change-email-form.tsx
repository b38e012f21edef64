import { requestEmailChangeSchema } from '@commons/shared';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { type FormErrors, NO_ERRORS, toFormErrors, validateWith } from '../../graphql/errors';
import { FormAlert, StatusMessage } from '../../ui/feedback';
import { focusFirstInvalid, TextField } from '../../ui/field';
import { RequestEmailChangeDocument } from '../documents';

const FIELDS = ['newEmail', 'currentPassword'] as const;

/** A new address, confirmed by a link sent to it; the old address is told once it changes. */
export function ChangeEmailForm({ email }: { email: string }) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [newEmail, setNewEmail] = useState('');
  const [currentPassword, setCurrentPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors<(typeof FIELDS)[number]>>(NO_ERRORS);
  const [status, setStatus] = useState<string | null>(null);
  const [{ fetching }, request] = useMutation(RequestEmailChangeDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setStatus(null);
    const input = { newEmail, currentPassword };
    const invalid = validateWith(requestEmailChangeSchema, input, FIELDS, t);
    if (invalid) {
      setErrors(invalid);
      focusFirstInvalid(formRef.current);
      return;
    }
    const result = await request({ input });
    if (result.error || !result.data) {
      setErrors(toFormErrors(result.error, FIELDS, t));
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors(NO_ERRORS);
    setCurrentPassword('');
    setStatus(t('account.email.sent', { email: newEmail }));
  }

  return (
    <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate aria-labelledby="change-email-title">
      <h3 id="change-email-title">{t('account.email.title')}</h3>
      <p>{t('account.email.current', { email })}</p>
      <FormAlert messages={errors.form} />
      <TextField
        label={t('account.fields.newEmail')}
        name="newEmail"
        type="email"
        autoComplete="email"
        value={newEmail}
        onChange={(e) => setNewEmail(e.target.value)}
        error={errors.fields.newEmail}
        required
      />
      <TextField
        label={t('account.fields.currentPassword')}
        name="emailCurrentPassword"
        type="password"
        autoComplete="current-password"
        value={currentPassword}
        onChange={(e) => setCurrentPassword(e.target.value)}
        error={errors.fields.currentPassword}
        required
      />
      <button type="submit" className="button" disabled={fetching}>
        {t('account.email.submit')}
      </button>
      <StatusMessage>{status}</StatusMessage>
    </form>
  );
}
