import { Injectable } from '@nestjs/common';
import type { SearchOutboxOperation } from '../generated/prisma/client';
import type { Db } from '../platform/database/db';
import { PrismaService } from '../platform/database/prisma.service';
import type { SearchRef } from './search-engine';

export interface OutboxRow {
  id: bigint;
  entityType: string;
  entityId: string;
  operation: SearchOutboxOperation;
  attempts: number;
}

/**
 * The search outbox: one row per change still to send to the external engine, written in the
 * transaction of the change. Timestamps are compared in UTC, as Prisma stores them.
 */
@Injectable()
export class SearchOutboxRepository {
  constructor(private readonly prisma: PrismaService) {}

  async enqueue(db: Db, ref: SearchRef, operation: SearchOutboxOperation): Promise<void> {
    await db.searchOutbox.create({
      data: { entityType: ref.type, entityId: ref.id, operation, nextAttemptAt: new Date() },
    });
  }

  /** Enqueues an upsert of every resource (a full reindex through the outbox). */
  enqueueAllResources(): Promise<number> {
    return this.prisma.$executeRaw`
      INSERT INTO "SearchOutbox" ("entityType", "entityId", operation, "createdAt", "nextAttemptAt")
      SELECT 'RESOURCE', id, 'UPSERT', now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC' FROM "Resource"`;
  }

  /**
   * Takes up to `limit` rows that are due and not leased by another process, leases them for
   * `leaseMs` and counts the attempt. Several processes may claim at once: SKIP LOCKED gives each
   * different rows, and a lease that runs out (a crashed process) makes its rows due again.
   */
  claim(limit: number, leaseMs: number): Promise<OutboxRow[]> {
    return this.prisma.$queryRaw<OutboxRow[]>`
      UPDATE "SearchOutbox" o
      SET "lockedUntil" = (now() AT TIME ZONE 'UTC') + ${leaseMs}::int * interval '1 millisecond', attempts = o.attempts + 1
      WHERE o.id IN (
        SELECT id FROM "SearchOutbox"
        WHERE "processedAt" IS NULL AND "nextAttemptAt" <= (now() AT TIME ZONE 'UTC')
          AND ("lockedUntil" IS NULL OR "lockedUntil" < (now() AT TIME ZONE 'UTC'))
        ORDER BY "nextAttemptAt", id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING o.id, o."entityType", o."entityId", o.operation, o.attempts`;
  }

  async done(ids: bigint[]): Promise<void> {
    await this.prisma.searchOutbox.updateMany({
      where: { id: { in: ids } },
      data: { processedAt: new Date(), lockedUntil: null, lastError: null },
    });
  }

  /** Releases rows that failed, to be tried again at `nextAttemptAt`. */
  async failed(ids: bigint[], error: string, nextAttemptAt: Date): Promise<void> {
    await this.prisma.searchOutbox.updateMany({
      where: { id: { in: ids } },
      data: { lockedUntil: null, lastError: error.slice(0, 2000), nextAttemptAt },
    });
  }

  /** Forgets rows sent before `before`. */
  async prune(before: Date): Promise<number> {
    const { count } = await this.prisma.searchOutbox.deleteMany({ where: { processedAt: { lt: before } } });
    return count;
  }

  /** Sends again every change recorded since `since` (after a rebuild that may have read rows before them). */
  async resendSince(since: Date): Promise<number> {
    const { count } = await this.prisma.searchOutbox.updateMany({
      where: { createdAt: { gte: since } },
      data: { processedAt: null, nextAttemptAt: new Date(), lockedUntil: null },
    });
    return count;
  }

  pendingCount(): Promise<number> {
    return this.prisma.searchOutbox.count({ where: { processedAt: null } });
  }
}
