import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import type { UnwrapTuple } from '@prisma/client/runtime/client';
import { type Prisma, PrismaClient } from '../../generated/prisma/client';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { markRootClient, transactionWithEffects } from './after-commit';
import { DATABASE_URL } from './database.tokens';

/** The one Prisma client of the process. Only repositories inject it. */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  constructor(@Inject(DATABASE_URL) databaseUrl: string, @Inject(APP_CONFIG) config: AppConfig) {
    super({ adapter: new PrismaPg({ connectionString: databaseUrl, max: config.databasePoolSize }) });
    markRootClient(this);
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

  async onModuleDestroy() {
    await this.$disconnect();
  }
}
