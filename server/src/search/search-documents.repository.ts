import { Injectable } from '@nestjs/common';
import type { Db } from '../platform/database/db';
import { PrismaService } from '../platform/database/prisma.service';
import { toSearchDocument } from './search-document';
import type { SearchDocument } from './search-engine';

const DOCUMENT_SELECT = {
  id: true,
  networkId: true,
  kind: true,
  title: true,
  summary: true,
  bodyText: true,
  tags: true,
  audiences: true,
  siteId: true,
  authorId: true,
  createdAt: true,
  hiddenAt: true,
  useCount: true,
  helpfulCount: true,
} as const;

/** Reads what the search engines index, from the rows themselves (the source of truth). */
@Injectable()
export class SearchDocumentRepository {
  constructor(private readonly prisma: PrismaService) {}

  async resources(ids: string[], db: Db = this.prisma): Promise<SearchDocument[]> {
    const rows = await db.resource.findMany({ where: { id: { in: ids } }, select: DOCUMENT_SELECT });
    return rows.map(toSearchDocument);
  }

  /** Every resource, `batch` at a time in id order, for a full reindex. */
  async *allResources(batch = 500): AsyncGenerator<SearchDocument[]> {
    let after: string | undefined;
    for (;;) {
      const rows = await this.prisma.resource.findMany({
        select: DOCUMENT_SELECT,
        orderBy: { id: 'asc' },
        take: batch,
        ...(after ? { cursor: { id: after }, skip: 1 } : {}),
      });
      if (rows.length === 0) return;
      yield rows.map(toSearchDocument);
      after = rows[rows.length - 1].id;
    }
  }
}
