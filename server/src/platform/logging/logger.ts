import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { Options as RequestLogOptions } from 'pino-http';

/** The process's JSON logger, to stdout unless `destination` is given. Secrets in headers never reach the log. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'commons' },
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', '*.password', '*.token'],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * The path a request is logged under: no query string (a GET to /graphql carries its variables
 * there) and no invitation token (the link of an invitation is a password until it is used).
 */
export function loggedPath(url: string | undefined): string {
  const path = (url ?? '').split('?')[0];
  return path.replace(/^\/invite\/[^/]+/, '/invite/[redacted]');
}

/**
 * How requests are logged (pino-http): one line when each ends, with its id, method, path,
 * status and time, nothing else (no headers, so no cookie, user agent or address). Lines
 * logged while a request runs carry its id as `reqId`; the same id is sent back in
 * `X-Request-Id`, so a member can quote it.
 */
export function requestLogOptions(logger: Logger): RequestLogOptions {
  return {
    logger,
    quietReqLogger: true,
    genReqId: (_req: IncomingMessage, res: ServerResponse) => {
      const id = randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: loggedPath(req.url) }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    // A fault is logged with its stack where it happened; the request line only says which request it was.
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    customErrorObject: (_req, _res, _error, value: Record<string, unknown>) => ({ res: value.res, responseTime: value.responseTime }),
    autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
  };
}
