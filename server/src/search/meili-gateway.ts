import type { Meilisearch, MultiSearchQuery, SearchResponse, Settings } from 'meilisearch' with {
  'resolution-mode': 'import',
};
import type { SearchDocument } from './search-engine';

/** A resource as stored in Meilisearch: dates as epoch milliseconds, so they filter and sort. */
export interface MeiliDocument {
  id: string;
  type: string;
  networkId: string;
  kind: string;
  title: string;
  summary: string;
  bodyText: string;
  tags: string[];
  audiences: string[];
  siteId: string | null;
  authorId: string;
  createdAt: number;
  hidden: boolean;
  useCount: number;
  helpfulCount: number;
}

export function toMeiliDocument(document: SearchDocument): MeiliDocument {
  return { ...document, createdAt: document.createdAt.getTime() };
}

/**
 * Index settings. The order of searchableAttributes is Meilisearch's attribute ranking, so it
 * mirrors the PostgreSQL weights: title > tags > summary > body.
 */
export const RESOURCE_INDEX_SETTINGS: Settings = {
  searchableAttributes: ['title', 'tags', 'summary', 'bodyText'],
  filterableAttributes: ['type', 'networkId', 'kind', 'tags', 'audiences', 'siteId', 'authorId', 'createdAt', 'hidden'],
  sortableAttributes: ['createdAt', 'useCount', 'helpfulCount'],
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', 'useCount:desc', 'helpfulCount:desc'],
  faceting: { maxValuesPerFacet: 200 },
  pagination: { maxTotalHits: 10_000 },
};

/** How long the gateway waits for Meilisearch to apply a task before it counts as failed. */
const TASK_TIMEOUT_MS = 30_000;

/** The operations on Meilisearch the app needs; the outbox worker's tests replace it. */
export interface MeiliIndexGateway {
  ensureSettings(): Promise<void>;
  /** Adds or replaces documents; resolves once Meilisearch has applied them. */
  upsert(documents: MeiliDocument[]): Promise<void>;
  /** Deletes documents by id (absent ones are fine); resolves once applied. */
  delete(ids: string[]): Promise<void>;
  documentCount(): Promise<number>;
  multiSearch(queries: Omit<MultiSearchQuery, 'indexUid'>[]): Promise<SearchResponse<MeiliDocument>[]>;
  /** Builds a fresh index from `batches` under another name, then swaps it in atomically. */
  rebuild(batches: AsyncIterable<MeiliDocument[]>): Promise<number>;
}

/** The official client behind MeiliIndexGateway. It is an ES module, so it is loaded with import(). */
export class MeiliGateway implements MeiliIndexGateway {
  private client: Promise<Meilisearch> | null = null;

  constructor(
    private readonly host: string,
    private readonly apiKey: string | null,
    readonly indexUid: string,
  ) {}

  private meili(): Promise<Meilisearch> {
    this.client ??= import('meilisearch').then(
      ({ Meilisearch }) => new Meilisearch({ host: this.host, apiKey: this.apiKey ?? undefined }),
    );
    return this.client;
  }

  async ensureSettings(uid = this.indexUid): Promise<void> {
    const meili = await this.meili();
    const indexes = await meili.getIndexes({ limit: 1000 });
    if (!indexes.results.some((index) => index.uid === uid)) {
      await succeeded(meili.createIndex(uid, { primaryKey: 'id' }).waitTask({ timeout: TASK_TIMEOUT_MS }));
    }
    await succeeded(meili.index(uid).updateSettings(RESOURCE_INDEX_SETTINGS).waitTask({ timeout: TASK_TIMEOUT_MS }));
  }

  async upsert(documents: MeiliDocument[]): Promise<void> {
    if (documents.length === 0) return;
    const meili = await this.meili();
    await succeeded(
      meili.index(this.indexUid).addDocuments(documents, { primaryKey: 'id' }).waitTask({ timeout: TASK_TIMEOUT_MS }),
    );
  }

  async delete(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const meili = await this.meili();
    await succeeded(meili.index(this.indexUid).deleteDocuments(ids).waitTask({ timeout: TASK_TIMEOUT_MS }));
  }

  async documentCount(): Promise<number> {
    const meili = await this.meili();
    return (await meili.index(this.indexUid).getStats()).numberOfDocuments;
  }

  async multiSearch(queries: Omit<MultiSearchQuery, 'indexUid'>[]): Promise<SearchResponse<MeiliDocument>[]> {
    const meili = await this.meili();
    const response = await meili.multiSearch<{ queries: MultiSearchQuery[] }, MeiliDocument>({
      queries: queries.map((query) => ({ ...query, indexUid: this.indexUid })),
    });
    return response.results;
  }

  async rebuild(batches: AsyncIterable<MeiliDocument[]>): Promise<number> {
    const meili = await this.meili();
    const fresh = `${this.indexUid}_rebuild_${Date.now()}`;
    await this.ensureSettings(fresh);
    let count = 0;
    for await (const documents of batches) {
      if (documents.length === 0) continue;
      await succeeded(meili.index(fresh).addDocuments(documents, { primaryKey: 'id' }).waitTask({ timeout: 120_000 }));
      count += documents.length;
    }
    await this.ensureSettings();
    await succeeded(
      meili.swapIndexes([{ indexes: [this.indexUid, fresh], rename: false }]).waitTask({ timeout: TASK_TIMEOUT_MS }),
    );
    await meili.deleteIndexIfExists(fresh);
    return count;
  }
}

/** Throws unless the task Meilisearch ran succeeded. */
async function succeeded(
  task: Promise<{ status: string; error: { message: string } | null; uid: number }>,
): Promise<void> {
  const done = await task;
  if (done.status !== 'succeeded')
    throw new Error(`Meilisearch task ${done.uid} ${done.status}: ${done.error?.message ?? 'no detail'}`);
}
