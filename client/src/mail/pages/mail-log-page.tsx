import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { EmailStatus } from '../../gql/graphql';
import { useFormatDateTime } from '../../i18n/format';
import { useNetwork } from '../../networks/network-context';
import { Card } from '../../ui/card';
import { FormAlert, Loading, QueryError, StatusMessage } from '../../ui/feedback';
import { CheckboxField, SelectField, TextField } from '../../ui/field';
import { PageHeading } from '../../ui/page-heading';
import { useForm } from '../../ui/use-form';

const MailSettingsDocument = graphql(`
  query MailSettings($networkId: ID!) {
    mailSettings(networkId: $networkId) {
      transport
      reportDueDay
      reportReminderDays
      requireTwoFactorForLeads
    }
    memberMailSummary(networkId: $networkId) {
      userId
      name
      email
      sent
      failed
      bounced
      queued
      lastAt
    }
  }
`);

const SetMailSettingsDocument = graphql(`
  mutation SetMailSettings($networkId: ID!, $input: MailSettingsInput!) {
    setMailSettings(networkId: $networkId, input: $input) {
      transport
      reportDueDay
      reportReminderDays
      requireTwoFactorForLeads
    }
  }
`);

const EmailLogDocument = graphql(`
  query EmailLog($networkId: ID!, $status: EmailStatus, $userId: ID, $first: Int!) {
    emailLog(networkId: $networkId, status: $status, userId: $userId, first: $first) {
      totalCount
      nodes {
        id
        kind
        toAddress
        userName
        subject
        text
        status
        attempts
        lastError
        createdAt
        sentAt
      }
    }
  }
`);

const STATUSES: EmailStatus[] = ['QUEUED', 'SENDING', 'SENT', 'FAILED', 'BOUNCED'];

/** Network admins: how email leaves, the reminder and two-factor settings, and what each member was sent. */
export function MailLogPage() {
  const { t } = useTranslation();
  const { network } = useNetwork();
  const formatDateTime = useFormatDateTime();
  const [status, setStatus] = useState<EmailStatus | ''>('');
  const [userId, setUserId] = useState('');
  const [settings, refreshSettings] = useQuery({ query: MailSettingsDocument, variables: { networkId: network.id } });
  const [log, refreshLog] = useQuery({
    query: EmailLogDocument,
    variables: { networkId: network.id, status: status || null, userId: userId || null, first: 50 },
    requestPolicy: 'cache-and-network',
  });

  return (
    <>
      <PageHeading>{t('mail.log.title')}</PageHeading>
      <p className="lead">
        {settings.data?.mailSettings.transport === 'OUTBOX' ? t('mail.log.outbox') : t('mail.log.smtp')}
      </p>
      {settings.error && (
        <QueryError error={settings.error} onRetry={() => refreshSettings({ requestPolicy: 'network-only' })} />
      )}
      {settings.data && <SettingsForm networkId={network.id} settings={settings.data.mailSettings} />}

      <Card title={t('mail.log.members')}>
        {settings.data && settings.data.memberMailSummary.length === 0 && <p>{t('mail.log.none')}</p>}
        {settings.data && settings.data.memberMailSummary.length > 0 && (
          <table className="table">
            <caption className="visually-hidden">{t('mail.log.members')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('mail.log.member')}</th>
                <th scope="col">{t('mail.status.SENT')}</th>
                <th scope="col">{t('mail.status.FAILED')}</th>
                <th scope="col">{t('mail.status.BOUNCED')}</th>
                <th scope="col">{t('mail.status.QUEUED')}</th>
              </tr>
            </thead>
            <tbody>
              {settings.data.memberMailSummary.map((row) => (
                <tr key={row.userId}>
                  <th scope="row">
                    <button type="button" className="link-button" onClick={() => setUserId(row.userId)}>
                      {row.name}
                    </button>{' '}
                    <span className="muted">{row.email}</span>
                  </th>
                  <td>{row.sent}</td>
                  <td>{row.failed}</td>
                  <td>{row.bounced}</td>
                  <td>{row.queued}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>

      <Card title={t('mail.log.emails')}>
        <div className="toolbar">
          <SelectField
            label={t('mail.log.statusFilter')}
            name="status"
            value={status}
            onChange={(e) => setStatus(e.target.value as EmailStatus | '')}
            options={[
              { value: '', label: t('mail.log.allStatuses') },
              ...STATUSES.map((value) => ({ value, label: t(`mail.status.${value}`) })),
            ]}
          />
          {userId && (
            <button type="button" className="button button--secondary" onClick={() => setUserId('')}>
              {t('mail.log.allMembers')}
            </button>
          )}
        </div>
        {log.error && <QueryError error={log.error} onRetry={() => refreshLog({ requestPolicy: 'network-only' })} />}
        {!log.data && log.fetching && <Loading />}
        {log.data && (
          <>
            <p>{t('mail.log.count', { count: log.data.emailLog.totalCount })}</p>
            <ul className="mail-log">
              {log.data.emailLog.nodes.map((email) => (
                <li key={email.id} className="panel">
                  <details>
                    <summary>
                      <strong>{email.subject}</strong> — {email.userName ?? email.toAddress} ·{' '}
                      {t(`mail.status.${email.status}`)} · {formatDateTime(email.sentAt ?? email.createdAt)}
                    </summary>
                    <p>
                      {t('mail.log.to', { address: email.toAddress })} · {t(`mail.kind.${email.kind}`)} ·{' '}
                      {t('mail.log.attempts', { count: email.attempts })}
                    </p>
                    {email.lastError && <p className="field__error">{email.lastError}</p>}
                    <pre className="mail-log__text">{email.text}</pre>
                  </details>
                </li>
              ))}
            </ul>
          </>
        )}
      </Card>
    </>
  );
}

interface Settings {
  transport: string;
  reportDueDay: number;
  reportReminderDays: number;
  requireTwoFactorForLeads: boolean;
}

const SETTING_FIELDS = ['reportDueDay', 'reportReminderDays', 'requireTwoFactorForLeads'] as const;

function SettingsForm({ networkId, settings }: { networkId: string; settings: Settings }) {
  const { t } = useTranslation();
  const [dueDay, setDueDay] = useState(String(settings.reportDueDay));
  const [reminderDays, setReminderDays] = useState(String(settings.reportReminderDays));
  const [requireTwoFactor, setRequireTwoFactor] = useState(settings.requireTwoFactorForLeads);
  const form = useForm(SETTING_FIELDS);
  const { errors } = form;
  // Saved says so only while the fields still hold what was saved.
  const current = `${dueDay}|${reminderDays}|${requireTwoFactor}`;
  const [savedAs, setSavedAs] = useState<string | null>(null);
  const saved = savedAs === current;
  const [{ fetching }, save] = useMutation(SetMailSettingsDocument);

  async function submit() {
    const input = {
      reportDueDay: Number(dueDay),
      reportReminderDays: Number(reminderDays),
      requireTwoFactorForLeads: requireTwoFactor,
    };
    if (await form.submit({ send: () => save({ networkId, input }) })) setSavedAs(current);
  }

  return (
    <Card title={t('mail.settings.title')}>
      <form {...form.formProps(submit)}>
        <FormAlert messages={errors.form} />
        <TextField
          label={t('mail.settings.dueDay')}
          hint={t('mail.settings.dueDayHint')}
          name="reportDueDay"
          type="number"
          min={1}
          max={28}
          {...form.field('reportDueDay', dueDay, setDueDay)}
        />
        <TextField
          label={t('mail.settings.reminderDays')}
          hint={t('mail.settings.reminderDaysHint')}
          name="reportReminderDays"
          type="number"
          min={0}
          max={27}
          {...form.field('reportReminderDays', reminderDays, setReminderDays)}
        />
        <CheckboxField
          label={t('mail.settings.requireTwoFactor')}
          hint={errors.fields.requireTwoFactorForLeads ?? t('mail.settings.requireTwoFactorHint')}
          checked={requireTwoFactor}
          onChange={(e) => setRequireTwoFactor(e.target.checked)}
        />
        <button type="submit" className="button" disabled={fetching}>
          {t('mail.settings.save')}
        </button>
        <StatusMessage>{saved ? t('mail.settings.saved') : null}</StatusMessage>
      </form>
    </Card>
  );
}
