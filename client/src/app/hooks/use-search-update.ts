import { useCallback, useEffect, useRef } from 'react';
import { useLocation, useSearchParams } from 'react-router';

/**
 * Changes the search parameters of the current address (replacing the history entry). The router
 * renders a new address as a transition, so a second change can come before the first has
 * rendered: it builds on the address last written, not on the one last rendered, and no change is
 * lost.
 */
export function useSearchUpdate(): (change: (current: URLSearchParams) => URLSearchParams) => void {
  const [searchParams, setSearchParams] = useSearchParams();
  const { pathname } = useLocation();
  const written = useRef<string | null>(null);

  useEffect(() => {
    if (written.current === searchParams.toString()) written.current = null;
  }, [searchParams]);
  useEffect(() => {
    written.current = null;
  }, [pathname]);

  return useCallback(
    (change) => {
      const base = written.current === null ? searchParams : new URLSearchParams(written.current);
      const next = change(new URLSearchParams(base));
      written.current = next.toString();
      setSearchParams(next, { replace: true });
    },
    [searchParams, setSearchParams],
  );
}
