import { THREAD_SERVER_EVENTS } from '@commons/shared';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import type { ThreadSubjectType } from '../../gql/graphql';
import { useRealtime } from '../../realtime/realtime-provider';
import { UnreadThreadsCountDocument } from '../documents';
import { onThreadEvent } from '../thread-events';
import '../threads.css';

/**
 * How many unread messages the member has in the threads of a network she follows, kept current:
 * asked again when one of them has new activity or her read marker moves (from any of her tabs),
 * and after the connection comes back.
 */
export function useUnreadThreadsCount(networkId: string): number {
  return useUnreadThreads(networkId).total;
}

export interface UnreadThreadsState {
  total: number;
  /** Unread messages by what the threads are about: change ideas, resources, groups, sites. */
  bySubject: Partial<Record<ThreadSubjectType, number>>;
}

/** The member's unread messages in a network's threads, in all and by kind of subject, kept current. */
export function useUnreadThreads(networkId: string): UnreadThreadsState {
  const connection = useRealtime();
  const [{ data }, reexecute] = useQuery({
    query: UnreadThreadsCountDocument,
    variables: { networkId },
    requestPolicy: 'cache-and-network',
  });

  useEffect(() => {
    if (!connection) return;
    const refresh = (payload: { networkId: string }) => {
      if (payload.networkId === networkId) reexecute({ requestPolicy: 'network-only' });
    };
    const offs = [
      onThreadEvent(connection, THREAD_SERVER_EVENTS.activity, refresh),
      onThreadEvent(connection, THREAD_SERVER_EVENTS.unread, refresh),
      connection.onConnect((info) => {
        if (info.reconnected) reexecute({ requestPolicy: 'network-only' });
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [connection, networkId, reexecute]);

  const bySubject: UnreadThreadsState['bySubject'] = {};
  for (const { unread, thread } of data?.unreadThreads.threads ?? [])
    bySubject[thread.subjectType] = (bySubject[thread.subjectType] ?? 0) + unread;
  return { total: data?.unreadThreads.totalUnread ?? 0, bySubject };
}

/** A badge for the navigation: the member's unread messages in threads, said in words to screen readers. */
export function UnreadThreadsBadge({ networkId }: { networkId: string }) {
  return <UnreadCountBadge count={useUnreadThreadsCount(networkId)} />;
}

/** A count of unread messages as a badge, said in words to screen readers; nothing at zero. */
export function UnreadCountBadge({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <span className="badge thread-panel__unread">
      <span aria-hidden="true">{count > 99 ? '99+' : count}</span>
      <span className="visually-hidden">{t('threads.badge.label', { count })}</span>
    </span>
  );
}
