import { createContext, Fragment, type ReactNode, useCallback, useContext, useLayoutEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Provider } from 'urql';
import { createGraphqlClient } from './client';

const ResetContext = createContext<() => void>(() => undefined);

/** Paths a signed-out person may be on without being sent to sign in. */
const PUBLIC_PATHS = ['/sign-in', '/invite/', '/setup'];

/**
 * Provides the GraphQL client. A fresh client (with an empty cache) replaces it whenever the
 * person changes: on sign-in, sign-out, and when the server says the session has ended.
 */
export function GraphqlProvider({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  const location = useLocation();
  const here = useRef(location);
  useLayoutEffect(() => {
    here.current = location;
  });

  const replaceRef = useRef<() => void>(() => undefined);
  const makeClient = useCallback(
    (): ReturnType<typeof createGraphqlClient> =>
      createGraphqlClient({
        onSessionLost: () => {
          replaceRef.current();
          const { pathname, search } = here.current;
          if (PUBLIC_PATHS.some((path) => pathname.startsWith(path))) return;
          void navigate(`/sign-in?next=${encodeURIComponent(pathname + search)}`, { replace: true });
        },
      }),
    [navigate],
  );
  const [current, setCurrent] = useState(() => ({ client: makeClient(), generation: 0 }));
  const reset = useCallback(() => setCurrent((last) => ({ client: makeClient(), generation: last.generation + 1 })), [makeClient]);
  useLayoutEffect(() => {
    replaceRef.current = reset;
  });

  return (
    <ResetContext.Provider value={reset}>
      <Provider value={current.client}>
        {/* Everything below starts afresh with the new client: no hook keeps the last person's answers (who was signed in, above all). */}
        <Fragment key={current.generation}>{children}</Fragment>
      </Provider>
    </ResetContext.Provider>
  );
}

/** Replaces the GraphQL client and its cache; call when the signed-in person changes. */
export function useResetGraphqlClient(): () => void {
  return useContext(ResetContext);
}
