import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Server, ServerOptions } from 'socket.io';
import type { RedisClient } from '../redis/redis.module';

/**
 * socket.io on the app's own HTTP port. With Redis, rooms and broadcasts span every app process
 * through the Redis Streams adapter, which also keeps connection-state recovery working across
 * processes; without Redis, the in-process adapter serves a single process.
 */
export class RealtimeAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly redis: RedisClient | null,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, {
      ...options,
      path: '/socket.io',
      serveClient: false,
      maxHttpBufferSize: 64 * 1024,
      connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
    }) as Server;
    // Live events carry JSON only (no binary), so the adapter need not look for any.
    if (this.redis) server.adapter(createAdapter(publishingSafely(this.redis), { onlyPlaintext: true }));
    return server;
  }
}

/**
 * The Redis client as the adapter should see it. The adapter sends requests between processes
 * (fetchSockets, server-side emits) with PUBLISH and drops the promise, so a PUBLISH refused
 * while Redis is unreachable or its connection closing would end the process with an unhandled
 * rejection. Here it fails quietly: the request then times out, as for a process that does not
 * answer, and the caller decides what to do.
 */
function publishingSafely(redis: RedisClient): RedisClient {
  return new Proxy(redis, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (property === 'publish' || property === 'sPublish') {
        return (...args: unknown[]) =>
          (value as (...a: unknown[]) => Promise<number>).apply(target, args).catch(() => 0);
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
