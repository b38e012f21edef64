import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { AppError } from './app-error';

function originalOf(error: unknown): unknown {
  return error instanceof GraphQLError && error.originalError ? error.originalError : error;
}

/**
 * Gives every error a stable `extensions.code`. Errors the app raised keep their message;
 * anything unexpected is logged and reaches the client only as INTERNAL_SERVER_ERROR.
 */
export function formatGraphqlError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = originalOf(error);
    if (original instanceof AppError) {
      return { message: original.message, path: formatted.path, extensions: { ...original.extensions, code: original.code } };
    }
    const code = formatted.extensions?.code;
    // Apollo's own codes for documents that do not parse or validate, and bad variables.
    if (code === 'GRAPHQL_PARSE_FAILED' || code === 'GRAPHQL_VALIDATION_FAILED' || code === 'BAD_USER_INPUT') {
      return { message: formatted.message, locations: formatted.locations, extensions: { code } };
    }
    if (code === 'PERSISTED_QUERY_NOT_FOUND' || code === 'OPERATION_RESOLUTION_FAILURE') return formatted;
    logger.error({ err: original }, 'unexpected GraphQL error');
    return { message: 'Something went wrong on our side.', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
