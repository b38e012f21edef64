import type { NextFunction, Request, Response } from 'express';

const QUIET_MS = 250;

/**
 * Lets the process stop without failing requests. Nest's own close ends the database pool before
 * it stops the HTTP server, so requests are drained first: once draining starts, every response
 * asks its client to close the connection (no request can race a keep-alive connection being
 * closed), and `settle` waits until none is in flight and none has arrived for a moment.
 * socket.io's long-polling requests never reach Express, so they do not hold it up.
 */
export class RequestDrain {
  private inFlight = 0;
  private lastArrival = 0;
  private draining = false;

  readonly middleware = (_req: Request, res: Response, next: NextFunction) => {
    this.inFlight += 1;
    this.lastArrival = Date.now();
    if (this.draining) res.setHeader('Connection', 'close');
    res.once('close', () => (this.inFlight -= 1));
    next();
  };

  /** Starts draining; resolves when the requests have settled, or after `maxMs` at most. */
  async settle(maxMs: number): Promise<void> {
    this.draining = true;
    const deadline = Date.now() + maxMs;
    while (Date.now() < deadline && (this.inFlight > 0 || Date.now() - this.lastArrival < QUIET_MS)) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}
