import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { REDIS, type RedisClient } from '../redis/redis.module';

/** How long a place stays taken in Redis unless the process holding it renews it (a process that dies stops renewing). */
const PLACE_TTL_MS = 90_000;
const RENEW_EVERY_MS = 30_000;

const placesKey = (userId: string) => `commons:sockets:${userId}`;

// One atomic step: forget places nobody renewed in time, then take one if fewer than the cap are taken.
// KEYS[1] the member's places; ARGV: now, the new place's expiry, the cap, the socket id, the key's lifetime.
const TAKE_PLACE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1`;

/**
 * The cap on one member's open sockets (MAX_SOCKETS_PER_MEMBER), counted across all her tabs,
 * devices and app processes. Each socket takes a place at the handshake and gives it back when
 * its connection closes. With Redis the places are a sorted set per member, scored by when they
 * lapse: the process holding a place renews it while the socket is open, so places of a process
 * that died lapse by themselves. Without Redis they are counted in this process.
 */
@Injectable()
export class SocketQuota implements OnModuleDestroy {
  /** Places this process holds: socket id → member. */
  private readonly held = new Map<string, string>();
  /** Without Redis: the places of each member. */
  private readonly byMember = new Map<string, Set<string>>();
  private readonly renewal: NodeJS.Timeout | null = null;
  // A recovered connection keeps its socket id on another process: places are named per process,
  // so the old process giving its place back never takes the new one's.
  private readonly processId = randomUUID();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: RedisClient | null,
  ) {
    if (redis) {
      this.renewal = setInterval(() => void this.renew(), RENEW_EVERY_MS);
      this.renewal.unref();
    }
  }

  /** Takes a place for `socketId` of `userId`; false when she already holds the most she may. */
  async take(userId: string, socketId: string): Promise<boolean> {
    if (!this.redis) {
      const places = this.byMember.get(userId) ?? new Set<string>();
      if (places.size >= this.config.maxSocketsPerMember) return false;
      places.add(socketId);
      this.byMember.set(userId, places);
      this.held.set(socketId, userId);
      return true;
    }
    const now = Date.now();
    const taken = await this.redis.eval(TAKE_PLACE, {
      keys: [placesKey(userId)],
      arguments: [
        String(now),
        String(now + PLACE_TTL_MS),
        String(this.config.maxSocketsPerMember),
        this.placeOf(socketId),
        String(PLACE_TTL_MS),
      ],
    });
    if (taken !== 1) return false;
    this.held.set(socketId, userId);
    return true;
  }

  /** Gives back the place of `socketId` (nothing when it holds none). */
  release(socketId: string): void {
    const userId = this.held.get(socketId);
    if (!userId) return;
    this.held.delete(socketId);
    if (!this.redis) {
      const places = this.byMember.get(userId);
      places?.delete(socketId);
      if (places?.size === 0) this.byMember.delete(userId);
      return;
    }
    // Should Redis miss this, the place lapses once it is no longer renewed.
    this.redis.zRem(placesKey(userId), this.placeOf(socketId)).catch(() => undefined);
  }

  onModuleDestroy() {
    if (this.renewal) clearInterval(this.renewal);
  }

  private placeOf(socketId: string): string {
    return `${this.processId}:${socketId}`;
  }

  private async renew(): Promise<void> {
    if (!this.redis || this.held.size === 0) return;
    const lapses = Date.now() + PLACE_TTL_MS;
    const batch = this.redis.multi();
    for (const [socketId, userId] of this.held) {
      batch.zAdd(placesKey(userId), { score: lapses, value: this.placeOf(socketId) }, { condition: 'XX' });
      batch.pExpire(placesKey(userId), PLACE_TTL_MS);
    }
    await batch.exec().catch(() => undefined);
  }
}
