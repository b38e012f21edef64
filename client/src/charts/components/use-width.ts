import { type RefObject, useLayoutEffect, useRef, useState } from 'react';

/** The width a chart is drawn at where the element cannot be measured (no ResizeObserver, as in unit tests). */
export const UNMEASURED_WIDTH = 640;

/**
 * The width of an element, kept up to date as it resizes, so a chart fills its container. It is 0
 * until the first measure, which arrives before the first paint, so nothing is drawn at a width
 * that could widen the page; where nothing can be measured, `UNMEASURED_WIDTH`.
 */
export function useWidth<T extends HTMLElement>(): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width ?? (typeof ResizeObserver === 'undefined' ? UNMEASURED_WIDTH : 0)];
}
