import { Inject, Injectable } from '@nestjs/common';
import { REDIS, type RedisClient } from '../platform/redis/redis.module';

/** A thread hears that a member started (or stopped) typing at most once per this window. */
export const TYPING_THROTTLE_MS = 2000;

// Expired claims are swept from memory once there are this many.
const SWEEP_AT = 10_000;

/**
 * Decides which "typing" events a thread hears: per member, thread and kind (started, stopped),
 * the first in each window, whichever of her sockets, devices or server processes they reach.
 * The claim is one atomic step, so a burst cannot slip several events through between a check
 * and a write: Redis `SET NX PX` when REDIS_URL is set, a check-and-set with no await in between
 * otherwise.
 */
@Injectable()
export class TypingThrottle {
  private readonly claims = new Map<string, number>();

  constructor(@Inject(REDIS) private readonly redis: RedisClient | null) {}

  /** True when this event is the first of its window and should be relayed. */
  async claim(userId: string, threadId: string, typing: boolean): Promise<boolean> {
    const key = `typing:${threadId}:${userId}:${typing ? 'start' : 'stop'}`;
    if (this.redis) return (await this.redis.set(key, '1', { NX: true, PX: TYPING_THROTTLE_MS })) === 'OK';
    const now = Date.now();
    if ((this.claims.get(key) ?? 0) > now) return false;
    this.claims.set(key, now + TYPING_THROTTLE_MS);
    if (this.claims.size > SWEEP_AT) for (const [k, until] of this.claims) if (until <= now) this.claims.delete(k);
    return true;
  }
}
