import { THREAD_SERVER_EVENTS } from '@commons/shared';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
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
  const connection = useRealtime();
  const [{ data }, reexecute] = useQuery({ query: UnreadThreadsCountDocument, variables: { networkId }, requestPolicy: 'cache-and-network' });

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

  return data?.unreadThreads.totalUnread ?? 0;
}

/** A badge for the navigation: the member's unread messages in threads, said in words to screen readers. */
export function UnreadThreadsBadge({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const count = useUnreadThreadsCount(networkId);
  if (count === 0) return null;
  return (
    <span className="badge thread-panel__unread">
      <span aria-hidden="true">{count > 99 ? '99+' : count}</span>
      <span className="visually-hidden">{t('threads.badge.label', { count })}</span>
    </span>
  );
}
