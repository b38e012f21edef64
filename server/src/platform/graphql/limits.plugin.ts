import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/**
 * Rejects operations whose estimated cost exceeds `maxCost`. List fields declare their cost as
 * `complexity: ({ args, childComplexity }) => pageSize * childComplexity`, so a page of 100
 * members with nested sites costs what it really costs.
 */
export function costLimitPlugin(schema: () => GraphQLSchema, maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let cost: number;
          try {
            cost = getComplexity({
              schema: schema(),
              query: document,
              operationName: request.operationName,
              variables: request.variables,
              estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch (error) {
            // The estimator coerces variables first; a value of the wrong type is the client's error.
            throw new GraphQLError((error as Error).message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
          }
          if (cost > maxCost) {
            throw new GraphQLError(`This query is too expensive (cost ${cost}, at most ${maxCost}). Ask for fewer items.`, {
              // A client error: HTTP 400 like any invalid query (Apollo would answer 500).
              extensions: { code: 'BAD_USER_INPUT', cost, maxCost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
