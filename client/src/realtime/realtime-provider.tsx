import { SERVER_EVENTS, type ServerEventName, type ServerEventPayloads } from '@commons/shared';
import {
  createContext,
  type ReactNode,
  startTransition,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useViewer } from '../auth/viewer';
import { useResetGraphqlClient } from '../graphql/graphql-provider';
import type { ConnectInfo, RealtimeConnection, RealtimeOptions, RealtimeStatus } from './realtime-connection';
import { rememberSessionEnded, signInAfterSessionEnded, type SessionEndedReason } from './session-ended';

const RealtimeContext = createContext<RealtimeConnection | null>(null);

/**
 * Opens the tab's one live connection while a member is signed in (a new one when the member
 * changes) and closes it when she signs out. When the server ends the session (signed out in
 * another tab, revoked from another device) the app forgets the member and shows the sign-in page
 * with the reason; when a membership ends or a request to join a site is answered, it reloads who
 * she is (and reconnects, when the membership ended).
 */
export function RealtimeProvider({ children, options }: { children: ReactNode; options?: RealtimeOptions }) {
  const { viewer, refresh } = useViewer();
  const endSession = useEndSessionHere();
  const userId = viewer?.id ?? null;
  const [connection, setConnection] = useState<RealtimeConnection | null>(null);
  const latest = useRef({ refresh, endSession, options });
  useLayoutEffect(() => {
    latest.current = { refresh, endSession, options };
  });

  useEffect(() => {
    if (!userId) return;
    // socket.io's client loads with the first signed-in page, not with the sign-in page.
    let closed = false;
    let close = () => {
      closed = true;
    };
    void import('./realtime-connection').then(({ RealtimeConnection }) => {
      if (closed) return;
      const opened = new RealtimeConnection(latest.current.options);
      const offEnded = opened.on(SERVER_EVENTS.sessionEnded, ({ reason }) => {
        if (reason === 'deactivated') latest.current.refresh();
        else latest.current.endSession(reason);
      });
      // A request to join a site was answered: her site (and what it opens to her) may have changed.
      const offAnswered = opened.on(SERVER_EVENTS.notificationNew, ({ kind }) => {
        if (kind === 'SITE_REQUEST_CONFIRMED' || kind === 'SITE_REQUEST_DECLINED') latest.current.refresh();
      });
      // A refused handshake usually means the session expired meanwhile: asking again who is signed
      // in finds out, and a signed-out viewer closes this connection.
      const offRefused = opened.onRefused((code) => {
        if (code === 'UNAUTHENTICATED') latest.current.refresh();
      });
      // Not urgent: what shows the live state (the bell, threads) may draw it in slices.
      startTransition(() => setConnection(opened));
      opened.connect();
      close = () => {
        offEnded();
        offAnswered();
        offRefused();
        opened.close();
        setConnection((current) => (current === opened ? null : current));
      };
    });
    return () => close();
  }, [userId]);

  return <RealtimeContext.Provider value={connection}>{children}</RealtimeContext.Provider>;
}

/**
 * Forgets the member on this device and shows the sign-in page saying why, to return here after.
 * Resetting the client starts the app below it afresh, so no page still holds her as signed in.
 */
function useEndSessionHere(): (reason: SessionEndedReason) => void {
  const navigate = useNavigate();
  const location = useLocation();
  const resetClient = useResetGraphqlClient();
  const here = useRef(location);
  useLayoutEffect(() => {
    here.current = location;
  });
  return useCallback(
    (reason: SessionEndedReason) => {
      rememberSessionEnded(reason);
      resetClient();
      void navigate(signInAfterSessionEnded(here.current), { replace: true });
    },
    [resetClient, navigate],
  );
}

/** The live connection, or null while nobody is signed in. */
export function useRealtime(): RealtimeConnection | null {
  return useContext(RealtimeContext);
}

/** Calls `handler` for each `event` the server sends while the component is mounted. */
export function useServerEvent<E extends ServerEventName>(
  event: E,
  handler: (payload: ServerEventPayloads[E]) => void,
): void {
  const connection = useRealtime();
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });
  useEffect(() => connection?.on(event, (payload) => latest.current(payload)), [connection, event]);
}

/** Calls `handler` on every connection of the live link; `reconnected` says it is a comeback (catch up then). */
export function useRealtimeConnected(handler: (info: ConnectInfo) => void): void {
  const connection = useRealtime();
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });
  useEffect(() => connection?.onConnect((info) => latest.current(info)), [connection]);
}

/** The live connection's status ('idle' while nobody is signed in). */
export function useRealtimeStatus(): RealtimeStatus {
  const connection = useRealtime();
  const subscribe = useCallback(
    (listener: () => void) => connection?.subscribeStatus(listener) ?? (() => undefined),
    [connection],
  );
  return useSyncExternalStore(subscribe, () => connection?.getStatus() ?? 'idle');
}
