import type { Request, Response } from 'express';
import type { Viewer } from '../auth/viewer';
import type { ExecutionGuard } from './execution-guard';
import type { Loaders } from './loaders';

/** The GraphQL context of one request. */
export interface RequestContext {
  req: Request;
  res: Response;
  viewer: Viewer | null;
  loaders: Loaders;
  /** Stops the operation when its answer grows too large or it runs too long. */
  guard: ExecutionGuard;
}
