import { createHash } from 'node:crypto';
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../../generated/prisma/client';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { DATABASE_URL } from './database.tokens';

/** The one Prisma client of the process. Only repositories inject it. */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  /** The connections Prisma uses, also serving `read`. */
  readonly pool: pg.Pool;
  /**
   * Whether a statement may be prepared by name. Not on the embedded database (PGlite), whose
   * connections all share one session: a name one connection prepared would clash on another.
   */
  readonly namedStatements: boolean;

  constructor(@Inject(DATABASE_URL) databaseUrl: string, @Inject(APP_CONFIG) config: AppConfig) {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: config.databasePoolSize });
    super({ adapter: new PrismaPg(pool) });
    this.pool = pool;
    this.namedStatements = config.databaseUrl !== null;
  }

  /**
   * Rows of a read on hot paths (every request's session and membership, search): sent as a
   * prepared statement named after its text, so PostgreSQL plans it once per connection, and
   * without Prisma, whose client engine (6.19) compiles every query anew (about 1 ms of CPU each).
   * Dates are passed as ISO strings (columns hold UTC); timestamp columns must be read
   * `AT TIME ZONE 'UTC'`, as pg would take them for local time.
   */
  async read<T>(text: string, values: unknown[]): Promise<T[]> {
    const name = this.namedStatements ? `q_${createHash('sha1').update(text).digest('base64url')}` : undefined;
    const params = values.map((value) => (value instanceof Date ? value.toISOString() : value));
    return (await this.pool.query({ name, text, values: params })).rows as T[];
  }

  async onModuleDestroy() {
    await this.$disconnect();
    await this.pool.end();
  }
}
