import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { CSRF_HEADER } from '../http/origin-check';
import { AppError } from './app-error';

/** CSRF defence, part two: every mutation must carry the x-commons-csrf header. */
export const csrfHeaderPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, operation }) {
        if (operation?.operation === 'mutation' && !request.http?.headers.get(CSRF_HEADER)) {
          const message = `Mutations must send the ${CSRF_HEADER} header.`;
          // Refused before execution, Apollo answers with extensions.http's status (500 without it);
          // formatError still turns the original AppError into the FORBIDDEN code.
          throw new GraphQLError(message, { originalError: new AppError('FORBIDDEN', message), extensions: { http: { status: 403 } } });
        }
      },
    };
  },
};
