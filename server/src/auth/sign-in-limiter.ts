import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../platform/config/config';
import { AppError } from '../platform/graphql/app-error';
import { REDIS, type RedisClient } from '../platform/redis/redis.module';

/**
 * Limits sign-in attempts per client IP (every attempt counts) and per account (failures count,
 * a success clears them). Counters live in Redis when configured, so all processes share them.
 *
 * An attempt takes its point from the account before the password is checked, in one atomic
 * step (INCR in Redis, or the process's own counter): however many guesses arrive at once, at
 * most SIGNIN_MAX_FAILURES_PER_ACCOUNT of them are ever checked. A success then clears the
 * account's count, as if the attempts before it had never failed.
 */
@Injectable()
export class SignInLimiter {
  private readonly perIp: RateLimiterAbstract;
  private readonly perAccount: RateLimiterAbstract;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(REDIS) redis: RedisClient | null) {
    const make = (keyPrefix: string, points: number) =>
      redis
        ? new RateLimiterRedis({
            storeClient: redis,
            useRedisPackage: true,
            keyPrefix,
            points,
            duration: config.signInWindowSeconds,
          })
        : new RateLimiterMemory({ keyPrefix, points, duration: config.signInWindowSeconds });
    this.perIp = make('signin-ip', config.signInMaxPerIp);
    this.perAccount = make('signin-account', config.signInMaxFailuresPerAccount);
  }

  /**
   * Counts an attempt from `ip` on the account `email`, before its password is checked; refuses
   * (TOO_MANY_REQUESTS) when the IP or the account has no attempt left.
   */
  async consumeAttempt(ip: string, email: string): Promise<void> {
    try {
      await this.perIp.consume(ip);
      await this.perAccount.consume(email);
    } catch (error) {
      throw tooMany(error);
    }
  }

  /** The password was right: the account's failed attempts are forgiven. */
  async recordSuccess(email: string): Promise<void> {
    await this.perAccount.delete(email);
  }
}

function tooMany(error: unknown): AppError {
  if (!(error instanceof RateLimiterRes)) throw error;
  const retryAfterSeconds = Math.ceil(error.msBeforeNext / 1000);
  return new AppError(
    'TOO_MANY_REQUESTS',
    `Too many sign-in attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`,
    {
      retryAfterSeconds,
    },
  );
}
