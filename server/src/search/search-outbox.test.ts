import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newResource } from '../test-support/resources';
import { TestApp, type TestMember } from '../test-support/test-app';
import type { MeiliDocument, MeiliIndexGateway } from './meili-gateway';
import { MeilisearchEngine } from './meilisearch.engine';
import { PostgresSearchEngine } from './postgres-search.engine';
import { toSearchDocument } from './search-document';
import { SearchDocumentRepository } from './search-documents.repository';
import { SearchOutboxRepository } from './search-outbox.repository';
import { retryDelayMs, SearchOutboxWorker } from './search-outbox.worker';
import { reindex } from './reindex';

/** A stand-in for Meilisearch that keeps documents in memory and can be made to fail. */
class FakeMeili implements MeiliIndexGateway {
  documents = new Map<string, MeiliDocument>();
  calls: string[] = [];
  failuresLeft = 0;

  private maybeFail(what: string): Promise<void> {
    this.calls.push(what);
    if (this.failuresLeft > 0) {
      this.failuresLeft -= 1;
      return Promise.reject(new Error('Meilisearch is down'));
    }
    return Promise.resolve();
  }
  ensureSettings() {
    return this.maybeFail('settings');
  }
  async upsert(documents: MeiliDocument[]) {
    if (documents.length === 0) return;
    await this.maybeFail(`upsert ${documents.length}`);
    for (const document of documents) this.documents.set(document.id, document);
  }
  async delete(ids: string[]) {
    if (ids.length === 0) return;
    await this.maybeFail(`delete ${ids.length}`);
    for (const id of ids) this.documents.delete(id);
  }
  documentCount() {
    return Promise.resolve(this.documents.size);
  }
  multiSearch(): Promise<never> {
    return Promise.reject(new Error('not used'));
  }
  rebuild(): Promise<number> {
    return Promise.reject(new Error('not used'));
  }
}

describe('the search outbox and its worker', () => {
  let app: TestApp;
  let networkId: string;
  let admin: TestMember;
  let meili: FakeMeili;
  let worker: SearchOutboxWorker;
  let engine: MeilisearchEngine;
  let outbox: SearchOutboxRepository;

  const pending = () => app.prisma.searchOutbox.findMany({ where: { processedAt: null }, orderBy: { id: 'asc' } });
  /** A change to a resource, written with the outbox row in one transaction, as services do. */
  const change = (id: string, title: string) =>
    app.prisma.$transaction(async (tx) => {
      const row = await tx.resource.update({ where: { id }, data: { title } });
      await engine.index(tx, toSearchDocument(row));
    });

  beforeAll(async () => {
    app = await TestApp.start();
    const made = await app.newNetwork(1);
    admin = made.admin;
    networkId = made.network.id;
    outbox = app.server.app.get(SearchOutboxRepository);
    await newResource(admin, networkId, { title: 'Already there before Meilisearch' });
  });
  beforeEach(() => {
    meili = new FakeMeili();
    worker = new SearchOutboxWorker(meili, outbox, app.server.app.get(SearchDocumentRepository));
    engine = new MeilisearchEngine(meili, outbox, app.server.app.get(PostgresSearchEngine));
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('fills an empty index with every resource first, then sends each change as the row now is', async () => {
    const before = await app.prisma.resource.count();
    const resource = await newResource(admin, networkId, { title: 'First title' });

    await worker.drain();
    expect(meili.documents.size).toBe(before + 1);

    await change(resource.id, 'Second title');
    await change(resource.id, 'Third title');
    expect(await pending()).toHaveLength(2);

    await worker.drain();
    expect(meili.documents.get(resource.id)?.title).toBe('Third title');
    // Two changes to one document in a batch are one upsert of its current state.
    expect(meili.calls.at(-1)).toBe('upsert 1');
    expect(await pending()).toEqual([]);
  });

  it('sends nothing twice when nothing changed, and sending again gives the same index', async () => {
    await worker.drain();
    const calls = meili.calls.length;
    const snapshot = JSON.stringify([...meili.documents.entries()].sort());

    expect(await worker.drain()).toBe(0);
    expect(meili.calls.length).toBe(calls);

    await app.prisma.$executeRaw`UPDATE "SearchOutbox" SET "processedAt" = NULL`;
    await worker.drain();
    expect(JSON.stringify([...meili.documents.entries()].sort())).toBe(snapshot);
  });

  it('keeps changes while Meilisearch is down and retries them with backoff until it takes them', async () => {
    await worker.drain();
    const resource = await newResource(admin, networkId, { title: 'Written during an outage' });
    await change(resource.id, 'Written during an outage, edited');
    meili.failuresLeft = 1;

    expect(await worker.drain()).toBe(0);
    const [failed] = await pending();
    expect(failed).toMatchObject({ attempts: 1, lastError: 'Meilisearch is down', lockedUntil: null });
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 500);
    // Not due yet: nothing is sent, nothing lost.
    expect(await worker.drain()).toBe(0);
    expect(meili.documents.has(resource.id)).toBe(false);

    await app.prisma.searchOutbox.updateMany({
      where: { processedAt: null },
      data: { nextAttemptAt: new Date(Date.now() - 1000) },
    });
    expect(await worker.drain()).toBe(1);
    expect(meili.documents.get(resource.id)?.title).toBe('Written during an outage, edited');
    expect(await pending()).toEqual([]);
  });

  it('removes deleted documents, also when only an upsert was queued for a row that is gone', async () => {
    await worker.drain();
    const gone = await newResource(admin, networkId, { title: 'Deleted later' });
    const removed = await newResource(admin, networkId, { title: 'Removed explicitly' });
    await change(gone.id, 'Deleted later (changed)');
    await worker.drain();
    expect(meili.documents.has(gone.id)).toBe(true);

    await change(gone.id, 'Changed just before deletion');
    await app.prisma.$transaction(async (tx) => {
      await tx.resource.delete({ where: { id: gone.id } });
      await tx.resource.delete({ where: { id: removed.id } });
      await engine.remove(tx, { type: 'RESOURCE', id: removed.id, networkId });
    });
    await worker.drain();

    expect(meili.documents.has(gone.id)).toBe(false);
    expect(meili.documents.has(removed.id)).toBe(false);
  });

  it('leaves rows leased by another process alone until the lease runs out', async () => {
    await worker.drain();
    const resource = await newResource(admin, networkId, { title: 'Leased elsewhere' });
    await change(resource.id, 'Leased elsewhere (changed)');
    const claimed = await outbox.claim(10, 60_000);
    expect(claimed).toHaveLength(1);

    expect(await worker.drain()).toBe(0);

    await app.prisma.searchOutbox.updateMany({
      where: { id: claimed[0].id },
      data: { lockedUntil: new Date(Date.now() - 1000) },
    });
    expect(await worker.drain()).toBe(1);
    expect(meili.documents.get(resource.id)?.title).toBe('Leased elsewhere (changed)');
  });

  it('rolls the outbox row back with the change it belongs to', async () => {
    const resource = await newResource(admin, networkId, { title: 'Rolled back' });
    const before = await app.prisma.searchOutbox.count();

    await expect(
      app.prisma.$transaction(async (tx) => {
        const row = await tx.resource.update({ where: { id: resource.id }, data: { title: 'Never saved' } });
        await engine.index(tx, toSearchDocument(row));
        throw new Error('the write fails after indexing');
      }),
    ).rejects.toThrow('the write fails');

    expect(await app.prisma.searchOutbox.count()).toBe(before);
  });

  it('reindex refills the vocabulary from the rows, counting each document once however often it runs (and, with MEILI_HOST, rebuilds Meilisearch)', async () => {
    await newResource(admin, networkId, { title: 'Perianal fistula care' });
    await app.prisma.searchWord.deleteMany({});
    const lines: string[] = [];

    await reindex({ DATABASE_URL: app.database.url, DATABASE_POOL_SIZE: '2' }, (line) => lines.push(line));

    expect(await app.prisma.searchWord.count({ where: { networkId, word: 'fistula' } })).toBe(1);
    const countedBefore = await app.prisma.searchWord.findMany({
      where: { networkId },
      select: { word: true, documents: true },
      orderBy: { word: 'asc' },
    });
    await reindex({ DATABASE_URL: app.database.url, DATABASE_POOL_SIZE: '2' }, () => undefined);
    expect(
      await app.prisma.searchWord.findMany({
        where: { networkId },
        select: { word: true, documents: true },
        orderBy: { word: 'asc' },
      }),
    ).toEqual(countedBefore);
    expect(lines).toEqual([expect.stringMatching(/^PostgreSQL: vocabulary refreshed from \d+ resource\(s\)$/)]);
  });

  it('backs off exponentially up to five minutes', () => {
    expect([1, 2, 3, 4, 10, 20].map(retryDelayMs)).toEqual([1_000, 2_000, 4_000, 8_000, 300_000, 300_000]);
  });
});
