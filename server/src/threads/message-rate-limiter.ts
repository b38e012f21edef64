import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../platform/config/config';
import { AppError } from '../platform/graphql/app-error';
import { REDIS, type RedisClient } from '../platform/redis/redis.module';

/**
 * Limits how many messages a member sends per window, whichever socket, device or process they
 * come through: the counters live in Redis when configured, in this process otherwise.
 */
@Injectable()
export class MessageRateLimiter {
  private readonly limiter: RateLimiterAbstract;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(REDIS) redis: RedisClient | null) {
    const options = { keyPrefix: 'messages', points: config.messagesPerWindow, duration: config.messageWindowSeconds };
    this.limiter = redis
      ? new RateLimiterRedis({ ...options, storeClient: redis, useRedisPackage: true })
      : new RateLimiterMemory(options);
  }

  /** Counts one message of `userId`; throws TOO_MANY_REQUESTS (with retryAfterSeconds) over the limit. */
  async consume(userId: string): Promise<void> {
    try {
      await this.limiter.consume(userId);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const retryAfterSeconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw new AppError(
        'TOO_MANY_REQUESTS',
        `You are sending messages too fast. Try again in ${retryAfterSeconds} seconds.`,
        { retryAfterSeconds },
      );
    }
  }
}
