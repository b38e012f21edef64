import type { ApolloServerPlugin } from '@apollo/server';
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  getNamedType,
  isLeafType,
  isListType,
  isNonNullType,
  parse,
} from 'graphql';
import {
  type ComplexityEstimator,
  fieldExtensionsEstimator,
  getComplexity,
  simpleEstimator,
} from 'graphql-query-complexity';
import { documentShape } from './operation-shape';

/** The most one GraphQL operation may ask for (see README, "Configuration"). */
export interface QueryLimits {
  maxTokens: number;
  maxFields: number;
  maxAliases: number;
  maxRootFields: number;
  maxDepth: number;
  maxCost: number;
}

// A list field that declares no cost of its own is assumed to hold this many items.
const UNPAGED_LIST_ITEMS = 5;

/** An operation refused before it runs for being too big; HTTP 400 like any query the server will not run. */
export function tooComplex(message: string, limit: string, max: number, actual?: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: 'QUERY_TOO_COMPLEX',
      limit,
      max,
      ...(actual !== undefined && Number.isFinite(actual) ? { actual } : {}),
      http: { status: 400 },
    },
  });
}

/**
 * Throws QUERY_TOO_COMPLEX when the document in `query` is over a size limit: too many tokens,
 * fields (fragments spread), aliases or top-level fields, or nested too deep. It runs before
 * GraphQL validation, whose cost grows faster than the document (repeated fields are compared
 * pairwise), and survives documents validation would refuse (fragment cycles, unknown
 * fragments): those it lets through for validation to name. A document that does not parse is
 * also left to Apollo, which answers GRAPHQL_PARSE_FAILED.
 */
export function checkDocumentSize(query: unknown, limits: QueryLimits): void {
  if (typeof query !== 'string') return;
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: limits.maxTokens, noLocation: true });
  } catch (error) {
    // graphql-js 16 says "more that N tokens".
    if (/more (than|that) \d+ tokens/.test((error as Error).message)) {
      throw tooComplex(
        `This query is too long (more than ${limits.maxTokens} tokens). Ask for less at once.`,
        'tokens',
        limits.maxTokens,
      );
    }
    return;
  }
  const shape = documentShape(document);
  if (shape.fields > limits.maxFields) {
    throw tooComplex(
      `This query selects too many fields (${shape.fields}, at most ${limits.maxFields}, counting each spread of a fragment).`,
      'fields',
      limits.maxFields,
      shape.fields,
    );
  }
  if (shape.aliases > limits.maxAliases) {
    throw tooComplex(
      `This query uses too many aliases (${shape.aliases}, at most ${limits.maxAliases}).`,
      'aliases',
      limits.maxAliases,
      shape.aliases,
    );
  }
  if (shape.rootFields > limits.maxRootFields) {
    throw tooComplex(
      `This query asks for too many top-level fields (${shape.rootFields}, at most ${limits.maxRootFields}).`,
      'rootFields',
      limits.maxRootFields,
      shape.rootFields,
    );
  }
  if (shape.depth > limits.maxDepth) {
    throw tooComplex(
      `This query is nested too deep (depth ${shape.depth}, at most ${limits.maxDepth}).`,
      'depth',
      limits.maxDepth,
      shape.depth,
    );
  }
}

/** Lists without a declared cost: each item costs what its selection costs, for UNPAGED_LIST_ITEMS items. */
const unpagedListEstimator: ComplexityEstimator = ({ field, childComplexity }) => {
  const type = isNonNullType(field.type) ? field.type.ofType : field.type;
  if (!isListType(type) || isLeafType(getNamedType(type))) return undefined;
  return UNPAGED_LIST_ITEMS * Math.max(childComplexity, 1);
};

/** The estimated cost of running `document`: the weights fields declare where they are defined (see field-cost.ts). */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
): number {
  return getComplexity({
    schema,
    query: document,
    operationName: operationName ?? undefined,
    variables,
    estimators: [fieldExtensionsEstimator(), unpagedListEstimator, simpleEstimator({ defaultComplexity: 1 })],
  });
}

/** Refuses, before execution, operations whose estimated cost exceeds `maxCost`. */
export function queryCostPlugin(schema: () => GraphQLSchema, maxCost: number): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ request, document }) {
          let cost: number;
          try {
            cost = operationCost(schema(), document, request.variables, request.operationName);
          } catch (error) {
            // The estimator coerces variables first; a value of the wrong type is the client's error.
            return Promise.reject(
              new GraphQLError((error as Error).message, {
                extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
              }),
            );
          }
          if (cost > maxCost) {
            return Promise.reject(
              tooComplex(
                `This query is too expensive (cost ${cost}, at most ${maxCost}). Ask for fewer items or fields.`,
                'cost',
                maxCost,
                cost,
              ),
            );
          }
          return Promise.resolve();
        },
      });
    },
  };
}
