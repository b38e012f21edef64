import type { NextFunction, Request, Response } from 'express';
import { requestOrigin } from './request-meta';

/**
 * CSRF defence, part one: a browser request to the API from another site carries that site's
 * Origin; only the app's own origin (PUBLIC_URL, or the host the request was sent to) passes.
 * Requests without an Origin (curl, server-to-server) pass here and meet part two: mutations
 * need the x-commons-csrf header, which a cross-site form cannot send.
 */
export function originCheck(publicUrl: string | null) {
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.get('origin');
    if (!origin || origin === (publicUrl ?? requestOrigin(req))) return next();
    res.status(403).json({ errors: [{ message: 'Cross-origin request refused.', extensions: { code: 'FORBIDDEN' } }] });
  };
}

export const CSRF_HEADER = 'x-commons-csrf';
