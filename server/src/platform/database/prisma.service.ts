import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../../generated/prisma/client';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { DATABASE_URL } from './database.tokens';

/** The one Prisma client of the process. Only repositories inject it. */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  /**
   * The connections Prisma uses, for the few hot read paths (search) that send their own SQL as
   * named prepared statements: Prisma plans and parses every raw query anew.
   */
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

  async onModuleDestroy() {
    await this.$disconnect();
    await this.pool.end();
  }
}
