import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import type { GraphQLSchema } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import type { Logger } from 'pino';
import type { Request, Response } from 'express';
import type { AppConfig } from '../config/config';
import type { PrismaService } from '../database/prisma.service';
import { csrfHeaderPlugin } from './csrf.plugin';
import { formatGraphqlError } from './format-error';
import { costLimitPlugin } from './limits.plugin';
import { createLoaders } from './loaders';
import type { RequestContext } from './request-context';

/** Apollo options shared by the running app and the schema emitter. */
export function graphqlOptions(config: AppConfig, prisma: PrismaService, logger: Logger): ApolloDriverConfig {
  let schema: GraphQLSchema | null = null;
  const production = config.nodeEnv === 'production';
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
    validationRules: [depthLimit(config.graphqlMaxDepth)],
    // No cache hints are used; the cache-control plugin would only add a hook to every field.
    plugins: [ApolloServerPluginCacheControlDisabled(), csrfHeaderPlugin, costLimitPlugin(() => schema!, config.graphqlMaxCost)],
    transformSchema: (built: GraphQLSchema) => {
      schema = built;
      return built;
    },
    formatError: formatGraphqlError(logger),
    context: ({ req, res }: { req: Request; res: Response }): RequestContext => ({
      req,
      res,
      viewer: req.viewer ?? null,
      loaders: createLoaders(prisma),
    }),
  };
}
