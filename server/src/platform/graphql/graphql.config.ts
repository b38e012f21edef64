import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { Request, Response } from 'express';
import type { AppConfig } from '../config/config';
import type { PrismaService } from '../database/prisma.service';
import { csrfHeaderPlugin } from './csrf.plugin';
import { batchedQueriesOnlyPlugin } from './query-batch.plugin';
import { ExecutionGuard, executionGuardPlugin, guardFieldResolvers } from './execution-guard';
import { formatGraphqlError, requestLogger } from './format-error';
import { createLoaders } from './loaders';
import { checkDocumentSize, type QueryLimits, queryCostPlugin } from './query-limits';
import type { RequestContext } from './request-context';

/** The query text of one operation: a POSTed JSON object, or a GET's query string. */
function queryOf(req: Request, body: unknown): unknown {
  if (body && typeof body === 'object' && !Array.isArray(body)) return (body as { query?: unknown }).query;
  return req.method === 'GET' ? req.query.query : undefined;
}

/** Makes the context of one operation: `body` is the request's body, or one operation of a batch. */
export type GraphqlContextFactory = (req: Request, res: Response, body: unknown) => RequestContext;

/**
 * The context of each operation, its own limits and loaders included. The size limits are checked
 * here, before Apollo validates the document: validation costs more than the document's length
 * (repeated fields are compared pairwise), and an error thrown from a plugin before validation
 * would be answered as a 500.
 */
export function graphqlContext(config: AppConfig, prisma: PrismaService): GraphqlContextFactory {
  const limits: QueryLimits = {
    maxTokens: config.graphqlMaxTokens,
    maxFields: config.graphqlMaxFields,
    maxAliases: config.graphqlMaxAliases,
    maxRootFields: config.graphqlMaxRootFields,
    maxDepth: config.graphqlMaxDepth,
    maxCost: config.graphqlMaxCost,
  };
  const executionLimits = { maxResponseBytes: config.graphqlMaxResponseBytes, timeoutMs: config.graphqlTimeoutMs };
  return (req, res, body) => {
    checkDocumentSize(queryOf(req, body), limits);
    return {
      req,
      res,
      viewer: req.viewer ?? null,
      loaders: createLoaders(prisma),
      guard: new ExecutionGuard(executionLimits),
    };
  };
}

/** Apollo options shared by the running app and the schema emitter. */
export function graphqlOptions(config: AppConfig, prisma: PrismaService, logger: Logger): ApolloDriverConfig {
  let schema: GraphQLSchema | null = null;
  const production = config.nodeEnv === 'production';
  const context = graphqlContext(config, prisma);
  return {
    driver: ApolloDriver,
    autoSchemaFile: true,
    sortSchema: true,
    path: '/graphql',
    playground: false,
    introspection: !production,
    // Apollo 5: no "did you mean" field suggestions in errors, so the schema stays private.
    hideSchemaDetailsFromClientErrors: production,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: false, // replaced by the origin check and the x-commons-csrf header
    parseOptions: { maxTokens: config.graphqlMaxTokens },
    // No cache hints are used; the cache-control plugin would only add a hook to every field.
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      csrfHeaderPlugin,
      batchedQueriesOnlyPlugin,
      queryCostPlugin(() => schema!, config.graphqlMaxCost),
      executionGuardPlugin(() => requestLogger(logger)),
    ],
    transformSchema: (built: GraphQLSchema) => {
      schema = guardFieldResolvers(built);
      return schema;
    },
    formatError: formatGraphqlError(logger),
    // Apollo's own messages (a request it could not process, a plugin that failed) as JSON lines, not console text.
    logger: {
      debug: (message: string) => requestLogger(logger).debug(message),
      info: (message: string) => requestLogger(logger).info(message),
      warn: (message: string) => requestLogger(logger).warn(message),
      error: (message: string) => requestLogger(logger).error(message),
    },
    // A batch (a JSON array) is split into single operations before Apollo (QueryBatchMiddleware);
    // Apollo's own batching, which would share one context across them, stays off.
    context: ({ req, res }: { req: Request; res: Response }): RequestContext => context(req, res, req.body),
  };
}
