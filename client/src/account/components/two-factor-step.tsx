import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../../graphql/request';
import { FormAlert } from '../../ui/feedback';
import { TextField } from '../../ui/field';
import { PageHeading } from '../../ui/page-heading';
import { aboveForm, useForm } from '../../ui/use-form';
import { CompleteTwoFactorSignInDocument } from '../documents';

// The challenge is sent but has no control: its problem (expired, used) is said above the form.
const FIELDS = ['code', 'challenge'] as const;

/**
 * The second step of signing in to an account with two-factor: a code from the app, or a recovery
 * code. Part of the sign-in page, which sends with `request` (it loads without the GraphQL client).
 */
export function TwoFactorStep({
  challenge,
  onSignedIn,
  onRestart,
}: {
  challenge: string;
  onSignedIn: () => void;
  onRestart: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm(FIELDS);
  const [code, setCode] = useState('');
  const [sending, setSending] = useState(false);
  const errors = aboveForm(form.errors, 'challenge');

  async function submit() {
    setSending(true);
    const result = await form.submit({
      send: () => request(CompleteTwoFactorSignInDocument, { input: { challenge, code } }),
    });
    if (result?.data) onSignedIn();
    else setSending(false);
  }

  return (
    <div className="narrow">
      <PageHeading>{t('account.twoFactorStep.title')}</PageHeading>
      <p className="lead">{t('account.twoFactorStep.intro')}</p>
      <form {...form.formProps(submit)} className="panel">
        <FormAlert messages={errors.form} />
        <TextField
          label={t('account.fields.codeOrRecovery')}
          name="code"
          autoComplete="one-time-code"
          inputMode="text"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={errors.fields.code}
          required
        />
        <button type="submit" className="button" disabled={sending}>
          {t('account.twoFactorStep.submit')}
        </button>
        <p>
          <button type="button" className="link-button" onClick={onRestart}>
            {t('account.twoFactorStep.restart')}
          </button>
        </p>
      </form>
    </div>
  );
}
