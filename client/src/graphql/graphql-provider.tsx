import { createContext, Fragment, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { type Client, Provider } from 'urql';
import { createGraphqlClient } from './client';
import type { StartAnswers } from './start-data';

/** A GraphQL client, where it says that the session has ended, and how to say the app has started. */
export interface GraphqlStart {
  client: Client;
  sessionLost: EventTarget;
  startedUp: () => void;
}

/**
 * The first client, made before the app renders so start-up can send its first queries at once
 * (with `fetch` in place of the browser's, for the server's drawing of a page).
 */
export function startGraphql(startAnswers?: StartAnswers, fetch?: typeof globalThis.fetch): GraphqlStart {
  const sessionLost = new EventTarget();
  const client = createGraphqlClient({
    onSessionLost: () => sessionLost.dispatchEvent(new Event('lost')),
    startAnswers,
    fetch,
  });
  return { client, sessionLost, startedUp: () => startAnswers?.startedUp() };
}

const ResetContext = createContext<() => void>(() => undefined);
const StartedUpContext = createContext<() => void>(() => undefined);

/** Paths a signed-out person may be on without being sent to sign in. */
const PUBLIC_PATHS = ['/sign-in', '/invite/', '/setup'];

/**
 * Provides the GraphQL client. A fresh client (with an empty cache) replaces it whenever the
 * person changes: on sign-in, sign-out, and when the server says the session has ended.
 */
export function GraphqlProvider({ children, start }: { children: ReactNode; start?: GraphqlStart }) {
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  // Each client says here when the server has ended the session; the effect below answers.
  const [sessionLost] = useState(() => start?.sessionLost ?? new EventTarget());
  const makeClient = useCallback(
    (): ReturnType<typeof createGraphqlClient> =>
      createGraphqlClient({ onSessionLost: () => sessionLost.dispatchEvent(new Event('lost')) }),
    [sessionLost],
  );
  const [current, setCurrent] = useState(() => ({ client: start?.client ?? makeClient(), generation: 0 }));
  const reset = useCallback(
    () => setCurrent((last) => ({ client: makeClient(), generation: last.generation + 1 })),
    [makeClient],
  );
  useEffect(() => {
    const onLost = () => {
      reset();
      if (PUBLIC_PATHS.some((path) => pathname.startsWith(path))) return;
      void navigate(`/sign-in?next=${encodeURIComponent(pathname + search)}`, { replace: true });
    };
    sessionLost.addEventListener('lost', onLost);
    return () => sessionLost.removeEventListener('lost', onLost);
  }, [sessionLost, reset, navigate, pathname, search]);

  return (
    <ResetContext.Provider value={reset}>
      <StartedUpContext.Provider value={start?.startedUp ?? noop}>
        <Provider value={current.client}>
          {/* Everything below starts afresh with the new client: no hook keeps the last person's answers (who was signed in, above all). */}
          <Fragment key={current.generation}>{children}</Fragment>
        </Provider>
      </StartedUpContext.Provider>
    </ResetContext.Provider>
  );
}

const noop = () => undefined;

/**
 * Drawn beside a page, after it: once the page and everything in it have mounted (and asked their
 * queries), the app has started, and the answers in the page no longer stand for the server's.
 */
export function PageDrawn() {
  const startedUp = useContext(StartedUpContext);
  useEffect(() => startedUp(), [startedUp]);
  return null;
}

/** Replaces the GraphQL client and its cache; call when the signed-in person changes. */
export function useResetGraphqlClient(): () => void {
  return useContext(ResetContext);
}
