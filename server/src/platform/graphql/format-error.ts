import { type ErrorCode, fieldIssue } from '@commons/shared';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { storage } from 'nestjs-pino/storage';
import type { Logger } from 'pino';
import { AppError } from './app-error';

function originalOf(error: unknown): unknown {
  return error instanceof GraphQLError && error.originalError ? error.originalError : error;
}

/** The logger of the request being answered (its lines carry the request id), or `root` outside one. */
export function requestLogger(root: Logger): Logger {
  return storage.getStore()?.logger ?? root;
}

// Codes Apollo and the platform give a request they refuse as a whole: answered as they are.
// BAD_REQUEST: not a GraphQL request (a mutation over GET or in a batch, a batch of none or too many, a body that is not JSON).
const REQUEST_CODES = new Set([
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);
// Refusals that protect the server: worth a warning, as a burst of them is an attack or a broken client.
const LIMIT_CODES = new Set(['QUERY_TOO_COMPLEX', 'RESPONSE_TOO_LARGE', 'TIMEOUT']);
const LIMIT_DETAILS = ['limit', 'max', 'actual'];

/**
 * The input a variable-coercion error is about, named like the app's own field errors:
 * 'Variable "$input" got invalid value … at "input.title"; …' → "input.title", or the variable.
 */
function variableFieldOf(message: string): string | undefined {
  const variable = /^Variable "\$(\w+)"/.exec(message)?.[1];
  if (!variable) return undefined;
  const path = new RegExp(` at "(${variable}(?:\\.\\w+|\\[\\d+\\])*)"; `).exec(message)?.[1];
  return path ? path.replace(/\[(\d+)\]/g, '.$1') : variable;
}

const refusalLevel = (code: ErrorCode): 'info' | 'warn' => (code === 'TOO_MANY_REQUESTS' ? 'warn' : 'info');

/**
 * Gives every error a stable `extensions.code`. Errors the app raised keep their message and are
 * logged as what they are, an expected refusal (info, or warn for rate limits; no stack);
 * anything unexpected is logged at error level with its stack and reaches the client only as
 * INTERNAL_SERVER_ERROR.
 */
export function formatGraphqlError(root: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const log = requestLogger(root);
    const original = originalOf(error);
    const path = formatted.path?.join('.');
    if (original instanceof AppError) {
      log[refusalLevel(original.code)](
        { code: original.code, path, field: original.extensions.field },
        original.message,
      );
      return {
        message: original.message,
        path: formatted.path,
        extensions: { ...original.extensions, code: original.code },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && LIMIT_CODES.has(code)) {
      const details = Object.fromEntries(
        LIMIT_DETAILS.filter((key) => formatted.extensions?.[key] !== undefined).map((key) => [
          key,
          formatted.extensions![key],
        ]),
      );
      log.warn({ code, ...details }, formatted.message);
      return { message: formatted.message, extensions: { code, ...details } };
    }
    if (typeof code === 'string' && REQUEST_CODES.has(code)) {
      const field = code === 'BAD_USER_INPUT' ? variableFieldOf(formatted.message) : undefined;
      // A variable that does not coerce is quoted whole in the message (a password included): the log names only the field.
      if (code === 'BAD_USER_INPUT') log.info({ code, field }, 'a variable has the wrong type');
      else log.info({ code }, formatted.message);
      if (code === 'PERSISTED_QUERY_NOT_FOUND' || code === 'OPERATION_RESOLUTION_FAILURE') return formatted;
      const issues = field ? [fieldIssue(field, 'invalid')] : undefined;
      return {
        message: formatted.message,
        locations: formatted.locations,
        extensions: { code, ...(field ? { field, issues } : {}) },
      };
    }
    log.error({ err: original, path }, 'unexpected GraphQL error');
    return {
      message: 'Something went wrong on our side.',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
