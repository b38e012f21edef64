import { type Seq } from '@commons/shared';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { RealtimeConnection } from '../../realtime/realtime-connection';
import { type Arrival, ThreadController, type ThreadSnapshot } from '../thread-controller';
import type { ThreadMessage } from '../thread-state';

export interface LoadedThread {
  id: string;
  messages: ThreadMessage[];
  lastReadSeq: Seq;
  unread: number;
}

const noSubscription = () => () => undefined;

/**
 * The thread, live over the tab's connection: a controller made for this thread and connection
 * (and stopped when either changes or the panel goes), and what it holds now. Without a
 * connection yet, the loaded history as it is.
 */
export function useLiveThread(
  thread: LoadedThread,
  connection: RealtimeConnection | null,
  viewerId: string,
  onArrival: (arrival: Arrival) => void,
): { controller: ThreadController | null; snapshot: ThreadSnapshot } {
  const [controller, setController] = useState<ThreadController | null>(null);
  const loaded = useRef(thread);
  const arrival = useRef(onArrival);
  useLayoutEffect(() => {
    arrival.current = onArrival;
  });

  useEffect(() => {
    if (!connection) return;
    const started = new ThreadController({
      connection,
      threadId: loaded.current.id,
      viewerId,
      messages: loaded.current.messages,
      lastReadSeq: loaded.current.lastReadSeq,
      unread: loaded.current.unread,
      onArrival: (a) => arrival.current(a),
    });
    started.start();
    setController(started);
    return () => {
      started.stop();
      setController((current) => (current === started ? null : current));
    };
  }, [connection, viewerId]);

  const still = useMemo<ThreadSnapshot>(
    () => ({
      messages: thread.messages,
      pending: [],
      presence: [],
      typing: [],
      unread: thread.unread,
      lastReadSeq: thread.lastReadSeq,
      syncing: false,
      revoked: false,
      live: false,
    }),
    [thread],
  );
  const snapshot = useSyncExternalStore(
    controller?.subscribe ?? noSubscription,
    controller?.getSnapshot ?? (() => still),
  );
  return { controller, snapshot };
}
