import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../platform/config/config';
import { AppError } from '../platform/graphql/app-error';
import { REDIS, type RedisClient } from '../platform/redis/redis.module';

/**
 * Limits on what could be abused without a password: password-reset emails (per client IP and per
 * address, so nobody floods an inbox) and two-factor codes (per account, across sign-in attempts,
 * so six digits cannot be guessed). In Redis when configured, so every process counts together.
 */
@Injectable()
export class AccountLimiter {
  private readonly resetPerIp: RateLimiterAbstract;
  private readonly resetPerAddress: RateLimiterAbstract;
  private readonly codesPerAccount: RateLimiterAbstract;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(REDIS) redis: RedisClient | null) {
    const make = (keyPrefix: string, points: number, duration: number) =>
      redis
        ? new RateLimiterRedis({ storeClient: redis, useRedisPackage: true, keyPrefix, points, duration })
        : new RateLimiterMemory({ keyPrefix, points, duration });
    this.resetPerIp = make('reset-ip', config.signInMaxPerIp, config.signInWindowSeconds);
    this.resetPerAddress = make('reset-address', 3, 60 * 60);
    this.codesPerAccount = make('two-factor-account', config.signInMaxFailuresPerAccount, config.signInWindowSeconds);
  }

  /** Counts a reset request from `ip` (refused past the limit: TOO_MANY_REQUESTS). */
  async resetRequest(ip: string): Promise<void> {
    await consume(this.resetPerIp, ip);
  }

  /** Whether another reset email may go to `email` now; past the limit the request is answered the same, silently. */
  async resetEmailAllowed(email: string): Promise<boolean> {
    try {
      await this.resetPerAddress.consume(email);
      return true;
    } catch (error) {
      if (error instanceof RateLimiterRes) return false;
      throw error;
    }
  }

  /** Counts a two-factor code tried on the account, before it is checked. */
  async codeAttempt(userId: string): Promise<void> {
    await consume(this.codesPerAccount, userId);
  }

  async codeAccepted(userId: string): Promise<void> {
    await this.codesPerAccount.delete(userId);
  }
}

async function consume(limiter: RateLimiterAbstract, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const retryAfterSeconds = Math.ceil(error.msBeforeNext / 1000);
    throw new AppError(
      'TOO_MANY_REQUESTS',
      `Too many attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`,
      { retryAfterSeconds },
    );
  }
}
