import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRealtimeStatus } from '../../realtime/realtime-provider';

const BACK_SHOWN_MS = 6000;
// Joining usually takes a moment: say "Connecting…" only when it does not.
const SLOW_JOIN_MS = 2000;

/**
 * The state of the live connection, said politely and only when it matters: while it comes back
 * ("Reconnecting…"), and once, briefly, when it is back and the thread has caught up.
 */
export function ConnectionStatus({ live, syncing }: { live: boolean; syncing: boolean }) {
  const { t } = useTranslation();
  const status = useRealtimeStatus();
  const [back, setBack] = useState(false);
  const wasDown = useRef(false);
  const up = status === 'connected' && live && !syncing;
  const [slow, setSlow] = useState(false);

  useEffect(() => {
    if (live) return;
    const timer = setTimeout(() => setSlow(true), SLOW_JOIN_MS);
    return () => clearTimeout(timer);
  }, [live]);

  useEffect(() => {
    if (!up) {
      if (live) wasDown.current = true;
      return;
    }
    if (!wasDown.current) return;
    wasDown.current = false;
    setBack(true);
    const timer = setTimeout(() => setBack(false), BACK_SHOWN_MS);
    // Whatever changes next (the connection dropping again, above all) ends "back".
    return () => {
      clearTimeout(timer);
      setBack(false);
    };
  }, [up, live]);

  let text: string | null = null;
  let tone = 'info';
  if (status === 'refused') {
    text = t('threads.status.refused');
    tone = 'warning';
  } else if (status === 'reconnecting' || (status === 'connecting' && live)) {
    text = t('threads.status.reconnecting');
    tone = 'warning';
  } else if (!live && slow && (status === 'connecting' || status === 'connected')) {
    text = t('threads.status.connecting');
  } else if (back) {
    text = t('threads.status.back');
    tone = 'success';
  }
  return (
    <p role="status" className={text ? `thread-status thread-status--${tone}` : 'visually-hidden'}>
      {text}
    </p>
  );
}
