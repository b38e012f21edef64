import type { Request, Response } from 'express';
import type { AppConfig } from '../platform/config/config';
import { SESSION_COOKIE } from '../platform/auth/session-token';

function secure(config: AppConfig, req: Request): boolean {
  return config.publicUrl ? config.publicUrl.startsWith('https:') : req.secure;
}

/** Sets the httpOnly, SameSite=Lax session cookie; the browser drops it at the session's end. */
export function setSessionCookie(res: Response, req: Request, config: AppConfig, token: string, expiresAt: Date) {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: secure(config, req),
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(res: Response, req: Request, config: AppConfig) {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: secure(config, req), path: '/' });
}
