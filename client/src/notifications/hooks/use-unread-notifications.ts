import { startTransition, useEffect, useReducer } from 'react';
import { useQuery } from 'urql';
import { useRealtimeConnected, useServerEvent } from '../../realtime/realtime-provider';
import { NOTIFICATION_CONTEXT, UnreadNotificationCountDocument } from '../documents';
import { initialUnread, type UnreadState, unreadReducer } from '../unread-count';

/**
 * The member's unread count in a network, kept live: loaded once, then moved by the server's
 * `notification:new` and `notifications:unread` events, and asked again after a reconnection
 * (events sent while the connection was down are gone). Give its component a `key` per network.
 */
export function useUnreadNotifications(networkId: string): UnreadState {
  const [{ data }, reexecute] = useQuery({
    query: UnreadNotificationCountDocument,
    variables: { networkId },
    requestPolicy: 'cache-and-network',
    context: NOTIFICATION_CONTEXT,
  });
  const [state, dispatch] = useReducer(unreadReducer, networkId, initialUnread);

  useEffect(() => {
    // A transition, as the answer that moved it was: the count is drawn with the rest of the page.
    if (data) startTransition(() => dispatch({ type: 'fetched', networkId, count: data.unreadNotificationCount }));
  }, [data, networkId]);

  useServerEvent('notification:new', (event) =>
    dispatch({ type: 'arrived', networkId: event.networkId, count: event.unreadCount }),
  );
  useServerEvent('notifications:unread', (event) =>
    dispatch({ type: 'changed', networkId: event.networkId, count: event.unreadCount }),
  );
  useRealtimeConnected(({ reconnected }) => {
    if (reconnected) reexecute({ requestPolicy: 'network-only' });
  });

  return state;
}
