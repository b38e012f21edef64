import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'commons_session';

/** A new random session token (sent to the browser) and its hash (the only thing stored). */
export function newSessionToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

/** SHA-256 of a token: a stolen database does not yield usable session or invitation tokens. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
