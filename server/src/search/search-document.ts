import type { SearchDocument } from './search-engine';

/** A resource's columns as the index reads them: hidden is told by hiddenAt. */
export type SearchDocumentRow = Omit<SearchDocument, 'type' | 'hidden'> & { hiddenAt: Date | null };

/** What a search engine indexes of a resource row. */
export function toSearchDocument(row: SearchDocumentRow): SearchDocument {
  const { hiddenAt, ...rest } = row;
  return { ...rest, type: 'RESOURCE', hidden: hiddenAt !== null };
}
