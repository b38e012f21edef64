import { EMAIL_FREQUENCIES, type EmailFrequency, NOTIFICATION_KINDS, type NotificationKind } from '@commons/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { describeError } from '../../graphql/errors';
import { FormAlert, Loading, QueryError, StatusMessage } from '../../ui/feedback';
import { CheckboxField, SelectField } from '../../ui/field';
import { NotificationPreferencesDocument, SetNotificationPreferenceDocument } from '../documents';

interface Choice {
  inApp: boolean;
  emailFrequency: EmailFrequency;
}

/**
 * For each kind of notice: shown in Commons, and by email right away, in a daily or weekly digest,
 * or not at all (what was read in Commons is never emailed). Each change is saved at once
 * and confirmed politely. The choices hold in every network of the member.
 */
export function NotificationPreferences() {
  const { t } = useTranslation();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: NotificationPreferencesDocument });
  const [saving, save] = useMutation(SetNotificationPreferenceDocument);
  const [status, setStatus] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const byKind = new Map(data?.notificationPreferences.map((p) => [p.kind, p]));

  async function change(kind: NotificationKind, choice: Choice) {
    setStatus(null);
    setProblems([]);
    const result = await save({
      kind,
      inApp: choice.inApp,
      email: choice.emailFrequency !== 'OFF',
      emailFrequency: choice.emailFrequency,
    });
    if (result.error) setProblems([describeError(result.error, t)]);
    else setStatus(t('notifications.preferences.saved', { kind: t(`notifications.preferences.kinds.${kind}.name`) }));
  }

  return (
    <section className="notification-preferences" aria-labelledby="notification-preferences">
      <h2 id="notification-preferences">{t('notifications.preferences.title')}</h2>
      <p>{t('notifications.preferences.intro')}</p>
      {fetching && !data && <Loading />}
      {error && <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      <FormAlert messages={problems} />
      {data && (
        <div className="preference-grid">
          {NOTIFICATION_KINDS.map((kind) => {
            const choice = byKind.get(kind) ?? { inApp: true, emailFrequency: 'OFF' as const };
            return (
              <fieldset key={kind} className="preference">
                <legend className="preference__name">{t(`notifications.preferences.kinds.${kind}.name`)}</legend>
                <p className="field__hint">{t(`notifications.preferences.kinds.${kind}.hint`)}</p>
                <CheckboxField
                  label={t('notifications.preferences.inApp')}
                  checked={choice.inApp}
                  disabled={saving.fetching}
                  onChange={(e) =>
                    void change(kind, { inApp: e.target.checked, emailFrequency: choice.emailFrequency })
                  }
                  hint={choice.inApp ? undefined : t('notifications.preferences.offHint')}
                />
                <SelectField
                  label={t('notifications.preferences.email')}
                  name={`email-${kind}`}
                  value={choice.emailFrequency}
                  disabled={saving.fetching}
                  onChange={(e) =>
                    void change(kind, { inApp: choice.inApp, emailFrequency: e.target.value as EmailFrequency })
                  }
                  options={EMAIL_FREQUENCIES.map((frequency) => ({
                    value: frequency,
                    label: t(`notifications.preferences.frequency.${frequency}`),
                  }))}
                />
              </fieldset>
            );
          })}
        </div>
      )}
      <StatusMessage>{status}</StatusMessage>
    </section>
  );
}
