import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { MEILI_GATEWAY } from './search.tokens';
import type { MeiliIndexGateway } from './meili-gateway';
import { toMeiliDocument } from './meili-gateway';
import { SearchDocumentRepository } from './search-documents.repository';
import { type OutboxRow, SearchOutboxRepository } from './search-outbox.repository';

const BATCH = 200;
const LEASE_MS = 60_000;
const POLL_MS = 1_000;
const MAX_BACKOFF_MS = 5 * 60_000;
const KEEP_SENT_MS = 24 * 3_600_000;

/** When a change that failed `attempts` times is tried again: 1 s, 2 s, 4 s, … at most 5 minutes. */
export function retryDelayMs(attempts: number): number {
  return Math.min(1_000 * 2 ** Math.max(attempts - 1, 0), MAX_BACKOFF_MS);
}

/**
 * Sends the search outbox to Meilisearch. Each batch is claimed under a lease (so several app
 * processes share the work), reduced to the last change per document, and sent as the
 * document's *current* state read from PostgreSQL: sending a row twice, or out of order, gives
 * the same index, so retries are safe. A failed batch is retried with exponential backoff;
 * nothing is dropped while Meilisearch is down.
 */
@Injectable()
export class SearchOutboxWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('SearchOutbox');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private ready = false;
  private stopped = false;

  constructor(
    @Inject(MEILI_GATEWAY) private readonly gateway: MeiliIndexGateway | null,
    private readonly outbox: SearchOutboxRepository,
    private readonly documents: SearchDocumentRepository,
  ) {}

  onApplicationBootstrap() {
    if (!this.gateway) return;
    this.timer = setInterval(() => void this.tick(), POLL_MS);
    this.timer.unref();
  }

  async onModuleDestroy() {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  private async tick() {
    if (this.running || this.stopped) return;
    try {
      await this.drain();
    } catch (error) {
      this.logger.warn(`search outbox: ${(error as Error).message}`);
    }
  }

  /** Sends every change that is due now; returns how many outbox rows were sent. */
  drain(): Promise<number> {
    this.running ??= this.drainAll().finally(() => (this.running = null));
    return this.running;
  }

  private async drainAll(): Promise<number> {
    if (!this.gateway) return 0;
    if (!this.ready) {
      await this.gateway.ensureSettings();
      // A new (or emptied) index gets everything, once; re-sending is harmless if two processes do.
      if ((await this.gateway.documentCount()) === 0) await this.outbox.enqueueAllResources();
      this.ready = true;
    }
    let sent = 0;
    for (;;) {
      const rows = await this.outbox.claim(BATCH, LEASE_MS);
      if (rows.length === 0) break;
      if (!(await this.send(this.gateway, rows))) break;
      sent += rows.length;
    }
    await this.outbox.prune(new Date(Date.now() - KEEP_SENT_MS));
    return sent;
  }

  /** Sends one claimed batch; true when Meilisearch took it. */
  private async send(gateway: MeiliIndexGateway, rows: OutboxRow[]): Promise<boolean> {
    const latest = new Map<string, OutboxRow>();
    for (const row of rows) {
      const seen = latest.get(row.entityId);
      if (!seen || seen.id < row.id) latest.set(row.entityId, row);
    }
    const upserts = [...latest.values()].filter((row) => row.operation === 'UPSERT').map((row) => row.entityId);
    const deletes = [...latest.values()].filter((row) => row.operation === 'DELETE').map((row) => row.entityId);
    const ids = rows.map((row) => row.id);
    try {
      const documents = await this.documents.resources(upserts);
      const found = new Set(documents.map((document) => document.id));
      await gateway.upsert(documents.map(toMeiliDocument));
      // A document asked for but gone from the database is removed from the index as well.
      await gateway.delete([...deletes, ...upserts.filter((id) => !found.has(id))]);
      await this.outbox.done(ids);
      return true;
    } catch (error) {
      const attempts = Math.max(...rows.map((row) => row.attempts));
      const message = (error as Error).message ?? String(error);
      await this.outbox.failed(ids, message, new Date(Date.now() + retryDelayMs(attempts)));
      this.logger.warn(`could not send ${rows.length} search change(s), attempt ${attempts}: ${message}`);
      return false;
    }
  }
}
