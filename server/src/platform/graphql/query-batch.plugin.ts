import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, OperationTypeNode } from 'graphql';

/** Set on each operation of a batch by the server itself (whatever the client sent). */
export const BATCHED_HEADER = 'x-commons-batched';

/** A mutation sent in a batch is refused before it runs: what a member does is sent on its own. */
export const batchedQueriesOnlyPlugin: ApolloServerPlugin = {
  requestDidStart({ request }) {
    if (request.http?.headers.get(BATCHED_HEADER) !== '1') return Promise.resolve();
    return Promise.resolve({
      didResolveOperation({ operation }) {
        if (operation?.operation === OperationTypeNode.QUERY) return Promise.resolve();
        return Promise.reject(
          new GraphQLError('Only queries may be sent in a batch; send a mutation on its own.', {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          }),
        );
      },
    });
  },
};
