import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../platform/config/config';
import { ResourceSearchIndex } from '../resources/resource-search-index';
import { MeiliGateway, type MeiliIndexGateway } from './meili-gateway';
import { MeilisearchEngine } from './meilisearch.engine';
import { PostgresSearchEngine } from './postgres-search.engine';
import { toSearchDocument } from './search-document';
import { SEARCH_ENGINE, type SearchEngine } from './search-engine';
import { SearchDocumentRepository } from './search-documents.repository';
import { SearchOutboxRepository } from './search-outbox.repository';
import { SearchOutboxWorker } from './search-outbox.worker';
import { MEILI_GATEWAY } from './search.tokens';

/** The Meilisearch index of resources. */
export const MEILI_RESOURCE_INDEX = 'resources';

/**
 * The search engine and what keeps it current: PostgreSQL by default; Meilisearch, fed by the
 * outbox worker, when MEILI_HOST is set. Global: writers inject the index seams their module owns
 * (ResourceSearchIndex) without importing search.
 */
@Global()
@Module({
  providers: [
    PostgresSearchEngine,
    SearchOutboxRepository,
    SearchDocumentRepository,
    {
      provide: MEILI_GATEWAY,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): MeiliIndexGateway | null =>
        config.meiliHost ? new MeiliGateway(config.meiliHost, config.meiliKey, MEILI_RESOURCE_INDEX) : null,
    },
    {
      provide: SEARCH_ENGINE,
      inject: [MEILI_GATEWAY, SearchOutboxRepository, PostgresSearchEngine],
      useFactory: (
        gateway: MeiliIndexGateway | null,
        outbox: SearchOutboxRepository,
        postgres: PostgresSearchEngine,
      ) => (gateway ? new MeilisearchEngine(gateway, outbox, postgres) : postgres),
    },
    {
      provide: ResourceSearchIndex,
      inject: [SEARCH_ENGINE],
      useFactory: (engine: SearchEngine): ResourceSearchIndex => ({
        index: (db, row) => engine.index(db, toSearchDocument(row)),
      }),
    },
    SearchOutboxWorker,
  ],
  exports: [SEARCH_ENGINE, ResourceSearchIndex, SearchOutboxWorker],
})
export class SearchIndexModule {}
