import { type KeyboardEvent, useRef, useState } from 'react';

/**
 * Keyboard for a composite widget (a toolbar, a set of choices) as WAI-ARIA's practices describe:
 * one Tab stop for the whole widget (roving tabindex), arrow keys move between its items (left
 * and right swap in a right-to-left page), Home and End go to the ends; moving wraps around.
 */
export function useRovingFocus(count: number, initial = 0) {
  const [active, setActive] = useState(initial);
  const items = useRef<(HTMLElement | null)[]>([]);
  const current = Math.min(active, Math.max(0, count - 1));

  const moveTo = (index: number) => {
    const next = (index + count) % count;
    setActive(next);
    items.current[next]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const backward = rtl ? 'ArrowRight' : 'ArrowLeft';
    const keys: Record<string, () => void> = {
      [forward]: () => moveTo(current + 1),
      ArrowDown: () => moveTo(current + 1),
      [backward]: () => moveTo(current - 1),
      ArrowUp: () => moveTo(current - 1),
      Home: () => moveTo(0),
      End: () => moveTo(count - 1),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  /** Props for item `index`: its place in the tab order, a ref and focus tracking. */
  const itemProps = (index: number) => ({
    tabIndex: index === current ? 0 : -1,
    ref: (element: HTMLElement | null) => {
      items.current[index] = element;
    },
    onFocus: () => setActive(index),
  });

  return { itemProps, onKeyDown };
}
