import type { Db } from '../platform/database/db';
import type { ResourceRow } from './resource.select';

/**
 * Keeps the search index current with resource writes, inside the write's transaction. Resources
 * own this seam and the search module provides it: search reads resources to show its hits, so
 * resources must not import search.
 */
export abstract class ResourceSearchIndex {
  abstract index(db: Db, row: ResourceRow): Promise<void>;
}
