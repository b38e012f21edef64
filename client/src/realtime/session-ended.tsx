import type { ServerEventPayloads } from '@commons/shared/realtime/events';
import { useTranslation } from 'react-i18next';

export type SessionEndedReason = ServerEventPayloads['session:ended']['reason'];

/** Why the sign-in page says the member was signed out. */
export type SignedOutReason = Exclude<SessionEndedReason, 'deactivated'>;

/**
 * Where the reason waits for the sign-in page: it is an entry of its own, opened with a page load,
 * so nothing in memory reaches it. Read once, then gone.
 */
const REASON_KEY = 'commons.sessionEnded';

const PUBLIC_PATHS = ['/sign-in', '/invite/'];

const SESSION_ENDED_TEXT = {
  'signed-out': 'realtime.sessionEnded.signedOut',
  revoked: 'realtime.sessionEnded.revoked',
  expired: 'realtime.sessionEnded.expired',
} as const;

/** Where to send a member whose session the server ended while she was at `here`: sign in, then back. */
export function signInAfterSessionEnded(here: { pathname: string; search: string }): string {
  const next = here.pathname + here.search;
  const stay = next === '/' || PUBLIC_PATHS.some((path) => here.pathname.startsWith(path));
  return stay ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`;
}

/** Leaves why the session ended for the sign-in page to say (see takeSessionEndedReason). */
export function rememberSessionEnded(reason: SessionEndedReason): void {
  try {
    sessionStorage.setItem(REASON_KEY, reason === 'revoked' || reason === 'expired' ? reason : 'signed-out');
  } catch {
    // Without storage (private mode) the page only goes unexplained.
  }
}

/** Why the member was signed out, if the app said so just before opening the sign-in page; it is said once. */
export function takeSessionEndedReason(): SignedOutReason | null {
  try {
    const reason = sessionStorage.getItem(REASON_KEY);
    sessionStorage.removeItem(REASON_KEY);
    return reason === 'signed-out' || reason === 'revoked' || reason === 'expired' ? reason : null;
  } catch {
    return null;
  }
}

/** On the sign-in page: why the member was signed out, when the server ended her session. */
export function SessionEndedNotice({ reason }: { reason: SignedOutReason | null }) {
  const { t } = useTranslation();
  if (!reason) return null;
  return (
    <div className="notice" role="status">
      <p>{t(SESSION_ENDED_TEXT[reason])}</p>
    </div>
  );
}
