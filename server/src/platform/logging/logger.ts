import pino, { type Logger } from 'pino';

/** The process's JSON logger. Secrets in headers never reach the log. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'commons' },
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', '*.password', '*.token'],
      censor: '[redacted]',
    },
  });
}
