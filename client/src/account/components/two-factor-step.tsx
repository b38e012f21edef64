import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { type FormErrors, NO_ERRORS, toFormErrors } from '../../graphql/errors';
import { FormAlert } from '../../ui/feedback';
import { focusFirstInvalid, TextField } from '../../ui/field';
import { PageHeading } from '../../ui/page-heading';
import { CompleteTwoFactorSignInDocument } from '../documents';

/** The second step of signing in to an account with two-factor: a code from the app, or a recovery code. */
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
  const formRef = useRef<HTMLFormElement>(null);
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FormErrors<'code'>>(NO_ERRORS);
  const [{ fetching }, complete] = useMutation(CompleteTwoFactorSignInDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await complete({ input: { challenge, code } });
    if (result.error || !result.data) {
      const found = toFormErrors(result.error, ['code', 'challenge'] as const, t);
      setErrors({
        fields: { code: found.fields.code },
        form: [...found.form, ...(found.fields.challenge ? [found.fields.challenge] : [])],
      });
      focusFirstInvalid(formRef.current);
      return;
    }
    onSignedIn();
  }

  return (
    <div className="narrow">
      <PageHeading>{t('account.twoFactorStep.title')}</PageHeading>
      <p className="lead">{t('account.twoFactorStep.intro')}</p>
      <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate className="panel">
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
        <button type="submit" className="button" disabled={fetching}>
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
