import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { createClient } from 'redis';
import { APP_CONFIG, type AppConfig } from '../config/config';

export type RedisClient = ReturnType<typeof createClient>;
/** The shared Redis connection, or null when REDIS_URL is unset (single-process mode). */
export const REDIS = Symbol('REDIS');

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig): Promise<RedisClient | null> => {
        if (!config.redisUrl) return null;
        const client = createClient({ url: config.redisUrl });
        client.on('error', () => undefined); // reconnects by itself; failures surface on use and in /readyz
        await client.connect();
        return client;
      },
    },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: RedisClient | null) {}

  // Closed last, after the socket.io server: its adapter and sockets leaving still talk to Redis.
  async onApplicationShutdown() {
    if (this.redis?.isOpen) await this.redis.quit();
  }
}
