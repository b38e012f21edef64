import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import type { BeginTwoFactorEnrolmentMutation } from '../../gql/graphql';
import { toFormErrors } from '../../graphql/errors';
import { FormAlert, Loading, QueryError, StatusMessage } from '../../ui/feedback';
import { TextField } from '../../ui/field';
import { useForm } from '../../ui/use-form';
import {
  AccountSecurityDocument,
  BeginTwoFactorDocument,
  DisableTwoFactorDocument,
  EnableTwoFactorDocument,
} from '../documents';
import { PasswordField } from './password-field';

type Enrolment = BeginTwoFactorEnrolmentMutation['beginTwoFactorEnrolment'];

/**
 * Two-factor sign-in: enrol an authenticator app (QR code, or the secret typed in), confirm with
 * a code, then keep the recovery codes, shown only this once. Turning it off needs the password
 * and a code.
 */
export function TwoFactorSection() {
  const { t } = useTranslation();
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: AccountSecurityDocument,
    requestPolicy: 'cache-and-network',
  });
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [, begin] = useMutation(BeginTwoFactorDocument);
  const refresh = () => reexecute({ requestPolicy: 'network-only' });

  if (!data) return error ? <QueryError error={error} onRetry={refresh} /> : fetching ? <Loading /> : null;
  const security = data.accountSecurity;

  async function start() {
    setStatus(null);
    setRecoveryCodes(null);
    const result = await begin({});
    if (result.error || !result.data) setProblems(toFormErrors(result.error, [], t).form);
    else setEnrolment(result.data.beginTwoFactorEnrolment);
  }

  return (
    <section aria-labelledby="two-factor-title">
      <h3 id="two-factor-title">{t('account.twoFactor.title')}</h3>
      <p>
        {security.twoFactorEnabled
          ? t('account.twoFactor.on', { count: security.recoveryCodesLeft })
          : t('account.twoFactor.off')}
      </p>
      <FormAlert messages={problems} />
      {recoveryCodes && (
        <div className="panel" role="region" aria-labelledby="recovery-codes-title">
          <h4 id="recovery-codes-title">{t('account.twoFactor.recoveryTitle')}</h4>
          <p>{t('account.twoFactor.recoveryHint')}</p>
          <ul className="recovery-codes" data-testid="recovery-codes">
            {recoveryCodes.map((code) => (
              <li key={code}>
                <code>{code}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {!security.twoFactorEnabled && !enrolment && (
        <button type="button" className="button" onClick={() => void start()}>
          {t('account.twoFactor.start')}
        </button>
      )}
      {!security.twoFactorEnabled && enrolment && (
        <EnrolForm
          enrolment={enrolment}
          onEnabled={(codes) => {
            setEnrolment(null);
            setRecoveryCodes(codes);
            setStatus(t('account.twoFactor.enabled'));
            refresh();
          }}
        />
      )}
      {security.twoFactorEnabled && (
        <DisableForm
          onDisabled={() => {
            setRecoveryCodes(null);
            setStatus(t('account.twoFactor.disabled'));
            refresh();
          }}
        />
      )}
      <StatusMessage>{status}</StatusMessage>
    </section>
  );
}

const ENROL_FIELDS = ['code'] as const;
const DISABLE_FIELDS = ['currentPassword', 'code'] as const;

function EnrolForm({ enrolment, onEnabled }: { enrolment: Enrolment; onEnabled: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const form = useForm(ENROL_FIELDS);
  const { errors } = form;
  const [code, setCode] = useState('');
  const [{ fetching }, enable] = useMutation(EnableTwoFactorDocument);
  const qr = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qrSvg)}`;

  async function submit() {
    const result = await form.submit({ send: () => enable({ input: { code } }) });
    if (result?.data) onEnabled(result.data.enableTwoFactor);
  }

  return (
    <form {...form.formProps(submit)} className="panel">
      <p>{t('account.twoFactor.scan')}</p>
      <img src={qr} width={200} height={200} alt={t('account.twoFactor.qrAlt')} />
      <p>
        {t('account.twoFactor.secretLabel')} <code data-testid="two-factor-secret">{enrolment.secret}</code>
      </p>
      <FormAlert messages={errors.form} />
      <TextField
        label={t('account.fields.code')}
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        {...form.field('code', code, setCode)}
        required
      />
      <button type="submit" className="button" disabled={fetching}>
        {t('account.twoFactor.confirm')}
      </button>
    </form>
  );
}

function DisableForm({ onDisabled }: { onDisabled: () => void }) {
  const { t } = useTranslation();
  const form = useForm(DISABLE_FIELDS);
  const { errors } = form;
  const [currentPassword, setCurrentPassword] = useState('');
  const [code, setCode] = useState('');
  const [{ fetching }, disable] = useMutation(DisableTwoFactorDocument);

  async function submit() {
    const result = await form.submit({ send: () => disable({ input: { currentPassword, code } }) });
    if (result?.data) onDisabled();
  }

  return (
    <form {...form.formProps(submit)} aria-labelledby="two-factor-off-title">
      <h4 id="two-factor-off-title">{t('account.twoFactor.turnOff')}</h4>
      <FormAlert messages={errors.form} />
      <PasswordField
        kind="current"
        name="disableCurrentPassword"
        {...form.field('currentPassword', currentPassword, setCurrentPassword)}
      />
      <TextField
        label={t('account.fields.codeOrRecovery')}
        name="disableCode"
        autoComplete="one-time-code"
        {...form.field('code', code, setCode)}
        required
      />
      <button type="submit" className="button button--secondary" disabled={fetching}>
        {t('account.twoFactor.turnOff')}
      </button>
    </form>
  );
}
