import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { Options as RequestLogOptions } from 'pino-http';
import pretty from 'pino-pretty';

/** JSON lines for machines, or one readable line per event for a person at a terminal. */
export type LogFormat = 'json' | 'pretty';

/**
 * The format when LOG_FORMAT does not say: readable in a terminal, JSON when stdout is a file or a
 * pipe (a log collector) or when the operator set NODE_ENV=production herself (`npm start` only
 * defaults to production mode, which says nothing about who reads the output).
 */
export function defaultLogFormat(stdoutIsTty: boolean, productionSetByOperator: boolean): LogFormat {
  return stdoutIsTty && !productionSetByOperator ? 'pretty' : 'json';
}

interface PrettyLine {
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  [key: string]: unknown;
}

/** A request line reads "GET /graphql 200 12 ms"; any other line is its message. */
export function prettyMessage(line: PrettyLine, messageKey: string): string {
  if (line.req?.method)
    return `${line.req.method} ${line.req.url ?? ''} ${line.res?.statusCode ?? ''} ${line.responseTime ?? ''} ms`;
  const message = line[messageKey];
  return typeof message === 'string' ? message : JSON.stringify(message ?? '');
}

function prettyStream(): DestinationStream {
  return pretty({
    colorize: true,
    sync: true, // keeps its lines in order with what is written to stdout directly (the demo sign-ins)
    translateTime: 'SYS:HH:MM:ss',
    singleLine: true,
    ignore: 'pid,hostname,service,req,res,responseTime,reqId,context',
    messageFormat: (line, messageKey) => prettyMessage(line, messageKey),
  });
}

/**
 * The process's logger, to stdout unless `destination` is given: JSON lines, or readable lines
 * (`format: 'pretty'`). Secrets in headers never reach the log.
 */
export function createLogger(level: string, destination?: DestinationStream, format: LogFormat = 'json'): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'commons' },
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', '*.password', '*.token'],
      censor: '[redacted]',
    },
  };
  if (destination) return pino(options, destination);
  return format === 'pretty' ? pino(options, prettyStream()) : pino(options);
}

/** Nest's start-up inventory (every module, route and socket event it wires): debug, not info. */
const START_UP_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'WebSocketsController',
  'NestFactory',
  'GraphQLModule',
]);

/** Nest's logger with its start-up inventory lowered to debug, so a start prints what matters. */
export function quietStartUp(logger: LoggerService): LoggerService {
  return {
    log: (message: unknown, ...rest: unknown[]) => {
      const context = rest.at(-1);
      if (typeof context === 'string' && START_UP_CONTEXTS.has(context) && logger.debug) logger.debug(message, ...rest);
      else logger.log(message, ...rest);
    },
    error: (message: unknown, ...rest: unknown[]) => void logger.error(message, ...rest),
    warn: (message: unknown, ...rest: unknown[]) => void logger.warn(message, ...rest),
    debug: (message: unknown, ...rest: unknown[]) => void logger.debug?.(message, ...rest),
    verbose: (message: unknown, ...rest: unknown[]) => void logger.verbose?.(message, ...rest),
    fatal: (message: unknown, ...rest: unknown[]) => void logger.fatal?.(message, ...rest),
  };
}

/** A successful fetch of a built file (script, style, icon): logged at debug, not once per file at info. */
function isStaticFile(req: IncomingMessage, res: ServerResponse): boolean {
  const path = (req.url ?? '').split('?')[0];
  return (
    req.method === 'GET' &&
    res.statusCode < 400 &&
    (path.startsWith('/assets/') || /^\/[^/]+\.(svg|ico|png|webmanifest|txt)$/.test(path))
  );
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
      req: (req: { id: unknown; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: loggedPath(req.url),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    // A fault is logged with its stack where it happened; the request line only says which request it was.
    customLogLevel: (req, res, error) =>
      error || res.statusCode >= 500 ? 'error' : isStaticFile(req, res) ? 'debug' : 'info',
    customErrorObject: (_req, _res, _error, value: Record<string, unknown>) => ({
      res: value.res,
      responseTime: value.responseTime,
    }),
    autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
  };
}
