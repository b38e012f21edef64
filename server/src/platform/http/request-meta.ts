import type { Request } from 'express';

/** The origin the request was addressed to, e.g. "http://localhost:3000". */
export function requestOrigin(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

/** What a session records about the device that opened it. */
export function requestMeta(req: Request) {
  return { userAgent: req.get('user-agent') ?? '', ipAddress: req.ip ?? '' };
}
