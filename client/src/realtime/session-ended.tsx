import type { ServerEventPayloads } from '@commons/shared';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

export type SessionEndedReason = ServerEventPayloads['session:ended']['reason'];

/** What the sign-in page is told when the server ended the session the member was using. */
export interface SessionEndedState {
  sessionEnded: Exclude<SessionEndedReason, 'deactivated'>;
}

const PUBLIC_PATHS = ['/sign-in', '/invite/'];

const SESSION_ENDED_TEXT = {
  'signed-out': 'realtime.sessionEnded.signedOut',
  revoked: 'realtime.sessionEnded.revoked',
  expired: 'realtime.sessionEnded.expired',
} as const;

/** Where to send a member whose session the server ended while she was at `here`: sign in, then back. */
export function signInAfterSessionEnded(
  here: { pathname: string; search: string },
  reason: SessionEndedReason,
): { to: string; state: SessionEndedState } {
  const next = here.pathname + here.search;
  const stay = next === '/' || PUBLIC_PATHS.some((path) => here.pathname.startsWith(path));
  return {
    to: stay ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`,
    state: { sessionEnded: reason === 'revoked' || reason === 'expired' ? reason : 'signed-out' },
  };
}

function isSessionEndedState(state: unknown): state is SessionEndedState {
  const reason = (state as Partial<SessionEndedState> | null)?.sessionEnded;
  return reason === 'signed-out' || reason === 'revoked' || reason === 'expired';
}

/** On the sign-in page: why the member was signed out, when the server ended her session. */
export function SessionEndedNotice() {
  const { t } = useTranslation();
  const state: unknown = useLocation().state;
  if (!isSessionEndedState(state)) return null;
  return (
    <div className="notice" role="status">
      <p>{t(SESSION_ENDED_TEXT[state.sessionEnded])}</p>
    </div>
  );
}
