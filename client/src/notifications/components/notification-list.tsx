import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { useRealtimeConnected, useServerEvent } from '../../realtime/realtime-provider';
import { Loading, QueryError } from '../../ui/feedback';
import { NOTIFICATION_CONTEXT, NOTIFICATIONS_PAGE_SIZE, NotificationsDocument } from '../documents';
import { NotificationItem } from './notification-item';

interface ListProps {
  networkId: string;
  networkSlug: string;
  unreadOnly: boolean;
  /** Told the counts of the first page: all notices and unread ones. */
  onCounts: (counts: { total: number; unread: number }) => void;
}

/**
 * The member's notices in a network, newest first, page after page ("Show more" moves focus to the
 * first one it adds). Every loaded page is asked again when a notice arrives or the connection
 * comes back, so the pages stay in step. Give it a `key` per filter.
 */
export function NotificationList({ networkId, networkSlug, unreadOnly, onCounts }: ListProps) {
  const { t } = useTranslation();
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return (
    <section aria-labelledby="notification-list" className="notification-list">
      <h2 id="notification-list" className="visually-hidden">
        {t('notifications.listTitle')}
      </h2>
      {cursors.map((after, index) => (
        <NotificationPage
          key={after ?? 'first'}
          variables={{ networkId, first: NOTIFICATIONS_PAGE_SIZE, after, unreadOnly }}
          networkSlug={networkSlug}
          focusFirst={index > 0}
          isLast={index === cursors.length - 1}
          onCounts={index === 0 ? onCounts : undefined}
          onMore={(cursor) => setCursors((list) => [...list, cursor])}
        />
      ))}
    </section>
  );
}

interface PageProps {
  variables: { networkId: string; first: number; after: string | null; unreadOnly: boolean };
  networkSlug: string;
  focusFirst: boolean;
  isLast: boolean;
  onCounts?: ListProps['onCounts'];
  onMore: (cursor: string) => void;
}

function NotificationPage({ variables, networkSlug, focusFirst, isLast, onCounts, onMore }: PageProps) {
  const { t } = useTranslation();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: NotificationsDocument,
    variables,
    context: NOTIFICATION_CONTEXT,
  });
  const firstLink = useRef<HTMLAnchorElement | null>(null);
  const focused = useRef(false);
  const page = data?.notifications;
  const report = useRef(onCounts);
  useLayoutEffect(() => {
    report.current = onCounts;
  });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });

  useServerEvent('notification:new', (event) => {
    if (event.networkId === variables.networkId) refresh();
  });
  useRealtimeConnected(({ reconnected }) => {
    if (reconnected) refresh();
  });

  useEffect(() => {
    if (!page) return;
    report.current?.({ total: page.totalCount, unread: page.unreadCount });
    if (focusFirst && !focused.current) {
      focused.current = true;
      firstLink.current?.focus();
    }
  }, [page, focusFirst]);

  if (!page) {
    if (error) return <QueryError error={error} onRetry={refresh} />;
    return fetching ? <Loading /> : null;
  }
  if (!variables.after && page.nodes.length === 0) {
    return <p className="panel">{variables.unreadOnly ? t('notifications.noneUnread') : t('notifications.none')}</p>;
  }
  return (
    <>
      <ol className="notifications">
        {page.nodes.map((notification, i) => (
          <NotificationItem
            key={notification.id}
            notification={notification}
            networkSlug={networkSlug}
            linkRef={i === 0 ? (el) => void (firstLink.current = el) : undefined}
          />
        ))}
      </ol>
      {isLast && page.pageInfo.hasNextPage && page.pageInfo.endCursor && (
        <p className="results__more">
          <button type="button" className="button button--secondary" onClick={() => onMore(page.pageInfo.endCursor!)}>
            {t('notifications.showMore')}
          </button>
        </p>
      )}
    </>
  );
}
