import { type ReactNode, useDeferredValue } from 'react';

/**
 * Draws `children` in a second pass, right after the first, that gives way to the browser: for the
 * parts of a page below its first screen, so what is in sight appears without one long blocking
 * task (at a phone's speed).
 */
export function Later({ children }: { children: ReactNode }) {
  const ready = useDeferredValue(true, false);
  return ready ? children : null;
}
