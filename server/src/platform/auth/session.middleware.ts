import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { SessionService } from './session.service';
import { SESSION_COOKIE } from './session-token';

/** Resolves the session cookie into `req.viewer` (null when signed out) for every request. */
@Injectable()
export class SessionMiddleware implements NestMiddleware {
  constructor(private readonly sessions: SessionService) {}

  async use(req: Request, _res: Response, next: NextFunction) {
    try {
      req.viewer = await this.sessions.resolve(
        (req.cookies as Record<string, string | undefined> | undefined)?.[SESSION_COOKIE],
      );
      next();
    } catch (error) {
      next(error);
    }
  }
}
