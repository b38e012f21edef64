import { type RefObject, useEffect, useState } from 'react';

/**
 * Calls `markSeen` whenever the member can see the messages: the list is on screen, the tab is
 * shown and the window has focus; again when new messages come while that holds, and when she
 * comes back to the tab.
 */
export function useMarkSeen(list: RefObject<HTMLElement | null>, markSeen: () => void, newest: string): void {
  const [onScreen, setOnScreen] = useState(typeof IntersectionObserver === 'undefined');
  const [attentive, setAttentive] = useState(() => isAttentive());

  useEffect(() => {
    const element = list.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => setOnScreen(entries.some((e) => e.isIntersecting)));
    observer.observe(element);
    return () => observer.disconnect();
  }, [list]);

  useEffect(() => {
    const check = () => setAttentive(isAttentive());
    document.addEventListener('visibilitychange', check);
    window.addEventListener('focus', check);
    window.addEventListener('blur', check);
    return () => {
      document.removeEventListener('visibilitychange', check);
      window.removeEventListener('focus', check);
      window.removeEventListener('blur', check);
    };
  }, []);

  useEffect(() => {
    if (onScreen && attentive) markSeen();
  }, [onScreen, attentive, markSeen, newest]);
}

function isAttentive(): boolean {
  return document.visibilityState === 'visible' && document.hasFocus();
}
