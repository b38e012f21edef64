import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { describeError } from '../../graphql/errors';
import { useNetwork } from '../../networks/network-context';
import { FormAlert, StatusMessage } from '../../ui/feedback';
import { CheckboxField } from '../../ui/field';
import { PageHeading } from '../../ui/page-heading';
import { NotificationList } from '../components/notification-list';
import { NotificationPreferences } from '../components/notification-preferences';
import { MarkAllNotificationsReadDocument, NOTIFICATION_CONTEXT } from '../documents';
import '../notifications.css';

/** The member's notices in this network, newest first, and what she wants to be told about. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const { network } = useNetwork();
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('unread') === '1';
  const [counts, setCounts] = useState<{ total: number; unread: number } | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [marking, markAll] = useMutation(MarkAllNotificationsReadDocument);

  async function markAllRead() {
    setStatus(null);
    setProblems([]);
    const result = await markAll({ networkId: network.id }, NOTIFICATION_CONTEXT);
    if (result.error) setProblems([describeError(result.error, t)]);
    else setStatus(t('notifications.markedAll', { count: result.data?.markAllNotificationsRead ?? 0 }));
  }

  return (
    <div className="notifications-page">
      <PageHeading>{t('notifications.title')}</PageHeading>
      <p className="lead">{t('notifications.intro', { network: network.name })}</p>
      <div className="notifications-toolbar">
        <CheckboxField
          label={t('notifications.unreadOnly')}
          checked={unreadOnly}
          onChange={(e) => setParams(e.target.checked ? { unread: '1' } : {}, { replace: true })}
        />
        <p className="notifications-toolbar__count">
          {counts ? t('notifications.summary', { count: counts.total, unread: counts.unread }) : ''}
        </p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void markAllRead()}
          disabled={marking.fetching || !counts?.unread}
        >
          {t('notifications.markAll')}
        </button>
      </div>
      <FormAlert messages={problems} />
      <StatusMessage>{status}</StatusMessage>
      <NotificationList
        key={String(unreadOnly)}
        networkId={network.id}
        networkSlug={network.slug}
        unreadOnly={unreadOnly}
        onCounts={setCounts}
      />
      <NotificationPreferences />
    </div>
  );
}
