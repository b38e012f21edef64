import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, OperationTypeNode } from 'graphql';
import { CSRF_HEADER } from '../http/origin-check';
import { AppError } from './app-error';

/** CSRF defence, part two: every mutation must carry the x-commons-csrf header. */
export const csrfHeaderPlugin: ApolloServerPlugin = {
  requestDidStart() {
    return Promise.resolve({
      didResolveOperation({ request, operation }) {
        if (operation?.operation === OperationTypeNode.MUTATION && !request.http?.headers.get(CSRF_HEADER)) {
          const message = `Mutations must send the ${CSRF_HEADER} header.`;
          // Refused before execution, Apollo answers with extensions.http's status (500 without it);
          // formatError still turns the original AppError into the FORBIDDEN code.
          return Promise.reject(
            new GraphQLError(message, {
              originalError: new AppError('FORBIDDEN', message),
              extensions: { http: { status: 403 } },
            }),
          );
        }
        return Promise.resolve();
      },
    });
  },
};
