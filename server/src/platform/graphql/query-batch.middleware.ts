import { HeaderMap } from '@apollo/server';
import { MAX_QUERY_BATCH } from '@commons/shared';
import type { ApolloDriver } from '@nestjs/apollo';
import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { NextFunction, Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { PrismaService } from '../database/prisma.service';
import { type GraphqlContextFactory, graphqlContext } from './graphql.config';
import { BATCHED_HEADER } from './query-batch.plugin';

const refuse = (res: Response, message: string) =>
  res.status(400).json({
    errors: [{ message, extensions: { code: 'BAD_REQUEST', field: 'body', max: MAX_QUERY_BATCH } }],
  });

const isOperation = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Queries sent together, as a JSON array: a page whose parts each ask for their own data costs a
 * phone one request instead of one per part. Each operation runs as if it had come alone, with its
 * own context (size and time limits, loaders), and the answers come back in the same order.
 * Mutations are refused in a batch (query-batch.plugin.ts).
 */
@Injectable()
export class QueryBatchMiddleware implements NestMiddleware {
  private readonly context: GraphqlContextFactory;

  constructor(
    private readonly modules: ModuleRef,
    @Inject(APP_CONFIG) config: AppConfig,
    prisma: PrismaService,
  ) {
    this.context = graphqlContext(config, prisma);
  }

  async use(req: Request, res: Response, next: NextFunction) {
    const body = req.body as unknown;
    if (req.method !== 'POST' || !Array.isArray(body)) return next();
    if (body.length === 0 || body.length > MAX_QUERY_BATCH)
      return refuse(res, `A batch holds from 1 to ${MAX_QUERY_BATCH} queries; this one holds ${body.length}.`);
    if (!body.every(isOperation)) return refuse(res, 'Each operation of a batch must be a JSON object.');
    try {
      const apollo = this.modules.get(GraphQLModule<ApolloDriver>, { strict: false }).graphQlAdapter.instance;
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers))
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      headers.set(BATCHED_HEADER, '1');
      const answers = await Promise.all(
        body.map(async (operation) => {
          const answer = await apollo.executeHTTPGraphQLRequest({
            httpGraphQLRequest: { method: 'POST', headers, search: '', body: operation },
            context: () => Promise.resolve(this.context(req, res, operation)),
          });
          // Incremental delivery (@defer) is not in the schema, so every answer is complete.
          return answer.body.kind === 'complete' ? answer.body.string : 'null';
        }),
      );
      res
        .status(200)
        .type('application/json')
        .send(`[${answers.join(',')}]`);
    } catch (error) {
      next(error);
    }
  }
}
