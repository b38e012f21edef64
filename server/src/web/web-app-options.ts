import type { ApolloDriver } from '@nestjs/apollo';
import type { INestApplication } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { GraphQLModule } from '@nestjs/graphql';
import { SessionService } from '../platform/auth/session.service';
import type { AppConfig } from '../platform/config/config';
import { PrismaService } from '../platform/database/prisma.service';
import { graphqlContext } from '../platform/graphql/graphql.config';
import { REDIS, type RedisClient } from '../platform/redis/redis.module';
import { SetupService } from '../setup/setup.service';
import { startData } from './start-data';
import { sessionTokenOf, type SignInLeadsTo, type StartDataOf } from './web-app';

/**
 * What the web app asks of the rest of the app before it sends a page: where the sign-in page
 * leads a member already signed in, and the answers to a page's start-up queries, run through
 * Apollo as the member herself (her session, the same limits and loaders as any request).
 */
export function webAppOptions(
  app: INestApplication,
  config: AppConfig,
): { signInLeadsTo: SignInLeadsTo; startData: StartDataOf } {
  const sessions = app.get(SessionService);
  const withinPace = pagePace(config, app.get<RedisClient | null>(REDIS, { strict: false }));
  const setup = app.get(SetupService);
  const context = graphqlContext(config, app.get(PrismaService));
  const answers = startData(config.webDir, async (req, res, query, variables) => {
    const apollo = app.get(GraphQLModule<ApolloDriver>, { strict: false }).graphQlAdapter.instance;
    const response = await apollo.executeOperation(
      { query, variables },
      { contextValue: context(req, res, { query, variables }) },
    );
    if (response.body.kind !== 'single') return null;
    const { data, errors } = response.body.singleResult;
    return errors?.length ? null : (data ?? null);
  });
  return {
    async signInLeadsTo(sessionToken) {
      if (await sessions.resolve(sessionToken)) return 'signed-in';
      return (await setup.status()).needed ? 'setup' : null;
    },
    async startData(req, res, page, deadline) {
      // Signed out (an expired or revoked session): the app finds out itself and offers sign-in.
      req.viewer = await sessions.resolve(sessionTokenOf(req));
      if (!req.viewer) return null;
      // Past her pace, a page goes as the bare app, which asks for its data through GraphQL and its limits.
      return (await withinPace(req.viewer.userId)) ? answers(req, res, page, deadline) : null;
    },
  };
}

/**
 * Whether a member may have one more page with its answers (and drawn) this minute: each costs
 * several queries and a drawing, where the bare app's own requests go through GraphQL's limits.
 * Counted in Redis when configured (every process together), in this process otherwise.
 */
function pagePace(config: AppConfig, redis: RedisClient | null): (userId: string) => Promise<boolean> {
  const options = { keyPrefix: 'answered-pages', points: config.answeredPagesPerMinute, duration: 60 };
  const limiter = redis
    ? new RateLimiterRedis({ ...options, storeClient: redis, useRedisPackage: true })
    : new RateLimiterMemory(options);
  return (userId) =>
    limiter.consume(userId).then(
      () => true,
      (error: unknown) => {
        if (error instanceof RateLimiterRes) return false;
        throw error;
      },
    );
}
