import { loadConfig } from '../platform/config/config';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '../platform/database/embedded-postgres';
import { PrismaService } from '../platform/database/prisma.service';
import { createLogger } from '../platform/logging/logger';
import { MeiliGateway, toMeiliDocument } from './meili-gateway';
import { addToVocabulary, resetVocabularyCounts } from './postgres-search.engine';
import { MEILI_RESOURCE_INDEX } from './search-index.module';
import { SearchDocumentRepository } from './search-documents.repository';
import { SearchOutboxRepository } from './search-outbox.repository';

/**
 * `npm run reindex -w server` (node server/dist/search/reindex.js): rebuilds the search indexes
 * from the database. The PostgreSQL document is generated with each row, so there only the
 * vocabulary (typo corrections, and its counts of how broad a query is) is refilled. With MEILI_HOST set, a fresh Meilisearch index is built beside the
 * live one and swapped in atomically; changes written meanwhile are sent again from the outbox.
 * Without DATABASE_URL it uses the embedded database: the running app's, or starts it.
 */
export async function reindex(
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = console.log,
): Promise<void> {
  const config = loadConfig(env);
  let embedded: EmbeddedPostgres | null = null;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(config.dataDir, createLogger(config.logLevel), { attachToRunning: true });
    databaseUrl = embedded.url;
  }
  const prisma = new PrismaService(databaseUrl, config);
  try {
    const documents = new SearchDocumentRepository(prisma);
    const started = new Date();
    let count = 0;
    await resetVocabularyCounts(prisma);
    for await (const batch of documents.allResources()) {
      for (const document of batch) await addToVocabulary(prisma, document);
      count += batch.length;
    }
    log(`PostgreSQL: vocabulary refreshed from ${count} resource(s)`);
    if (config.meiliHost) {
      const gateway = new MeiliGateway(config.meiliHost, config.meiliKey, MEILI_RESOURCE_INDEX);
      const sent = await gateway.rebuild(
        (async function* () {
          for await (const batch of documents.allResources(1000)) yield batch.map(toMeiliDocument);
        })(),
      );
      const resent = await new SearchOutboxRepository(prisma).resendSince(started);
      log(
        `Meilisearch: index "${MEILI_RESOURCE_INDEX}" rebuilt with ${sent} document(s); ${resent} change(s) made meanwhile queued again`,
      );
    }
  } finally {
    await prisma.onModuleDestroy();
    await embedded?.stop();
  }
}

if (require.main === module) {
  reindex().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
