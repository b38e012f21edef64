import { type RefObject, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

const NEAR_BOTTOM_PX = 48;

/**
 * Keeps a scrolling list at its newest end while the member is there (new messages scroll into
 * view), keeps her place when older messages are added above, and otherwise leaves the scroll
 * alone and says that newer messages are below. Focus is never moved.
 */
export function useStickToBottom(
  listRef: RefObject<HTMLElement | null>,
  firstKey: string | null,
  lastKey: string | null,
) {
  const atBottom = useRef(true);
  const fromBottom = useRef(0);
  const previous = useRef({ firstKey, lastKey });
  const [newBelow, setNewBelow] = useState(false);

  useEffect(() => {
    const element = listRef.current;
    if (!element) return;
    const onScroll = () => {
      atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight <= NEAR_BOTTOM_PX;
      fromBottom.current = element.scrollHeight - element.scrollTop;
      if (atBottom.current) setNewBelow(false);
    };
    onScroll();
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => element.removeEventListener('scroll', onScroll);
  }, [listRef]);

  useLayoutEffect(() => {
    const element = listRef.current;
    const before = previous.current;
    previous.current = { firstKey, lastKey };
    if (!element) return;
    if (before.firstKey !== firstKey && before.lastKey === lastKey && before.firstKey !== null) {
      // Older messages came in above: stay on the same message.
      element.scrollTop = element.scrollHeight - fromBottom.current;
      return;
    }
    if (before.lastKey === lastKey) return;
    if (atBottom.current) element.scrollTop = element.scrollHeight;
    else setNewBelow(true);
    fromBottom.current = element.scrollHeight - element.scrollTop;
  }, [listRef, firstKey, lastKey]);

  const scrollToNewest = useCallback(() => {
    const element = listRef.current;
    if (!element) return;
    element.scrollTop = element.scrollHeight;
    atBottom.current = true;
    setNewBelow(false);
  }, [listRef]);

  return { newBelow, scrollToNewest };
}
