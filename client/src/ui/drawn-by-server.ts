import { useSyncExternalStore } from 'react';

const nothingToWatch = () => () => undefined;

/**
 * True while a component is drawn on the server, or drawn the first time in the browser as the app
 * takes over a page the server drew (hydration, which must draw what the server drew); false in a
 * page the app draws itself. Read it once, as a state's first value: React reads it anew later.
 */
export function useDrawnByServer(): boolean {
  return useSyncExternalStore(
    nothingToWatch,
    () => false,
    () => true,
  );
}
