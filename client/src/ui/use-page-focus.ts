import { type RefObject, useEffect, useLayoutEffect, useRef } from 'react';

/**
 * For lists paged with "Show more": reports each page once it has loaded and, for a page asked
 * for with the button, moves focus to its first link once, so keyboard users land on the new items.
 * Put the returned ref on the first item's link.
 */
export function usePageFocus(
  page: { nodes: readonly unknown[]; totalCount: number } | null | undefined,
  focusFirst: boolean,
  onLoaded?: (count: number, totalCount: number) => void,
): RefObject<HTMLAnchorElement | null> {
  const firstLink = useRef<HTMLAnchorElement | null>(null);
  const focused = useRef(false);
  const report = useRef(onLoaded);
  useLayoutEffect(() => {
    report.current = onLoaded;
  });

  useEffect(() => {
    if (!page) return;
    report.current?.(page.nodes.length, page.totalCount);
    if (focusFirst && !focused.current) {
      focused.current = true;
      firstLink.current?.focus();
    }
  }, [page, focusFirst]);

  return firstLink;
}
