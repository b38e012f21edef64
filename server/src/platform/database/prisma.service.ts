import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import type { UnwrapTuple } from '@prisma/client/runtime/client';
import pg from 'pg';
import { type Prisma, PrismaClient } from '../../generated/prisma/client';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { markRootClient, transactionWithEffects } from './after-commit';
import { DATABASE_URL } from './database.tokens';

const TRANSACTION_MAX_WAIT_MS = 15_000;
const TRANSACTION_TIMEOUT_MS = 15_000;

/** The one Prisma client of the process. Only repositories inject it. */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  /** The connections Prisma uses, also serving `read`. */
  readonly pool: pg.Pool;

  constructor(@Inject(DATABASE_URL) databaseUrl: string, @Inject(APP_CONFIG) config: AppConfig) {
    // Connections once opened are kept. pg closes a connection idle for 10 s by default, so on a
    // quiet network every page after a pause waited for new ones, each starting a PostgreSQL backend
    // that loads its catalog and plans every statement anew (`npm run bench -- start`, "after a
    // quiet spell"). A pool never holds more than `databasePoolSize`, busy or idle.
    const pool = new pg.Pool({
      connectionString: databaseUrl,
      max: config.databasePoolSize,
      min: config.databasePoolSize,
    });
    // An idle connection the server closes (a restart, a failover) is dropped and replaced by the
    // pool; without a listener its error would end the process.
    pool.on('error', (error) => new Logger('Database').warn(`idle connection closed: ${error.message}`));
    // A burst of requests queues for the pool's connections; Prisma's default of 2 s to obtain one
    // for a transaction turned such a queue into errors, so a transaction may wait as long as a
    // request reasonably does.
    super({
      adapter: new PrismaPg(pool),
      transactionOptions: { maxWait: TRANSACTION_MAX_WAIT_MS, timeout: TRANSACTION_TIMEOUT_MS },
    });
    markRootClient(this);
    this.pool = pool;
  }

  /**
   * Prisma's $transaction, plus after-commit effects for interactive transactions: code holding
   * the transaction's client registers them with `afterCommit(tx, effect)` (see after-commit.ts).
   */
  override $transaction<P extends Prisma.PrismaPromise<unknown>[]>(
    batch: [...P],
    options?: { isolationLevel?: Prisma.TransactionIsolationLevel },
  ): Promise<UnwrapTuple<P>>;
  override $transaction<R>(
    work: (tx: Prisma.TransactionClient) => Promise<R>,
    options?: { maxWait?: number; timeout?: number; isolationLevel?: Prisma.TransactionIsolationLevel },
  ): Promise<R>;
  override $transaction(arg: unknown, options?: Record<string, unknown>): Promise<unknown> {
    if (typeof arg !== 'function') return super.$transaction(arg as Prisma.PrismaPromise<unknown>[], options);
    const work = arg as (tx: Prisma.TransactionClient) => Promise<unknown>;
    return transactionWithEffects<Prisma.TransactionClient, unknown>((run) => super.$transaction(run, options), work);
  }

  /**
   * Rows of a read on hot paths (every request's session and membership, search): sent as a
   * prepared statement named after its text, so PostgreSQL plans it once per connection, and
   * without Prisma, whose client engine (6.19) compiles every query anew (about 1 ms of CPU each).
   * Dates are passed as ISO strings (columns hold UTC); timestamp columns must be read
   * `AT TIME ZONE 'UTC'`, as pg would take them for local time.
   */
  async read<T>(text: string, values: unknown[]): Promise<T[]> {
    const name = `q_${createHash('sha1').update(text).digest('base64url')}`;
    const params = values.map((value) => (value instanceof Date ? value.toISOString() : value));
    return (await this.pool.query({ name, text, values: params })).rows as T[];
  }

  async onModuleDestroy() {
    await this.$disconnect();
    await this.pool.end();
  }
}
