import { Injectable } from '@nestjs/common';
import { Prisma, type ResourceKind, type Role } from '../generated/prisma/client';
import type { Db } from '../platform/database/db';
import { PrismaService } from '../platform/database/prisma.service';
import type { Page } from '../platform/graphql/pagination';
import { RESOURCE_SELECT, type ResourceRow } from './resource.select';

const VERSION_SELECT = {
  resourceId: true,
  version: true,
  kind: true,
  title: true,
  summary: true,
  body: true,
  tags: true,
  audiences: true,
  siteId: true,
  license: true,
  changeNote: true,
  editedById: true,
  editedAt: true,
} as const;

export type VersionRow = Prisma.ResourceVersionGetPayload<{ select: typeof VERSION_SELECT }>;

const USE_SELECT = {
  resourceId: true,
  siteId: true,
  note: true,
  recordedById: true,
  createdAt: true,
  updatedAt: true,
} as const;

/** The content of a resource, as every version keeps it. */
export interface ResourceContent {
  kind: ResourceKind;
  title: string;
  summary: string;
  body: string;
  tags: string[];
  audiences: Role[];
  siteId: string | null;
  license: string;
}

export interface LineageRowData {
  id: string;
  parentId: string | null;
  title: string;
  kind: ResourceKind;
  createdAt: Date;
  useCount: number;
  siteId: string | null;
  authorId: string;
  hiddenAt: Date | null;
  networkId: string;
}

/** Deepest lineage walked, up or down; a commons will not come near it. */
const MAX_LINEAGE_DEPTH = 50;
const MAX_DESCENDANTS = 1000;

@Injectable()
export class ResourceRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(work: (db: Prisma.TransactionClient) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work, { timeout: 30_000 });
  }

  find(id: string, db: Db = this.prisma) {
    return db.resource.findUnique({ where: { id }, select: RESOURCE_SELECT });
  }

  findMany(ids: string[]) {
    return this.prisma.resource.findMany({ where: { id: { in: ids } }, select: RESOURCE_SELECT });
  }

  /** Creates a resource and its first version. */
  async create(
    db: Db,
    data: ResourceContent & {
      networkId: string;
      authorId: string;
      bodyText: string;
      adaptedFromId: string | null;
      at: Date;
    },
    changeNote: string,
  ): Promise<ResourceRow> {
    const { at, ...rest } = data;
    const row = await db.resource.create({
      data: { ...rest, version: 1, createdAt: at, updatedAt: at },
      select: RESOURCE_SELECT,
    });
    await db.resourceVersion.create({
      data: { ...contentOf(row), resourceId: row.id, version: 1, changeNote, editedById: data.authorId, editedAt: at },
    });
    return row;
  }

  /**
   * Writes the next version when the resource is still at `expectedVersion`; null when someone
   * else saved in between (optimistic concurrency), leaving the row as it is.
   */
  async update(
    db: Db,
    id: string,
    expectedVersion: number,
    data: ResourceContent & { bodyText: string },
    editedById: string,
    changeNote: string,
    at: Date,
  ): Promise<ResourceRow | null> {
    const version = expectedVersion + 1;
    const { count } = await db.resource.updateMany({
      where: { id, version: expectedVersion },
      data: { ...data, version, updatedAt: at },
    });
    if (count === 0) return null;
    const { bodyText: _, ...content } = data;
    await db.resourceVersion.create({
      data: { ...content, resourceId: id, version, changeNote, editedById, editedAt: at },
    });
    return db.resource.findUniqueOrThrow({ where: { id }, select: RESOURCE_SELECT });
  }

  setHidden(db: Db, id: string, hidden: { hiddenAt: Date; hiddenById: string; hiddenReason: string } | null) {
    return db.resource.update({
      where: { id },
      data: hidden ?? { hiddenAt: null, hiddenById: null, hiddenReason: null },
      select: RESOURCE_SELECT,
    });
  }

  versions(resourceId: string) {
    return this.prisma.resourceVersion.findMany({
      where: { resourceId },
      orderBy: { version: 'desc' },
      select: VERSION_SELECT,
    });
  }

  versionsByNumber(resourceId: string, versions: number[]) {
    return this.prisma.resourceVersion.findMany({
      where: { resourceId, version: { in: versions } },
      select: VERSION_SELECT,
    });
  }

  /** What `id` was adapted from, that one's origin, and so on: nearest first. */
  ancestors(id: string): Promise<LineageRowData[]> {
    return this.prisma.$queryRaw<LineageRowData[]>`
      WITH RECURSIVE up AS (
        SELECT p.id, 1 AS depth FROM "Resource" c JOIN "Resource" p ON p.id = c."adaptedFromId" WHERE c.id = ${id}::uuid
        UNION
        SELECT r."adaptedFromId", up.depth + 1 FROM up JOIN "Resource" r ON r.id = up.id
        WHERE r."adaptedFromId" IS NOT NULL AND up.depth < ${MAX_LINEAGE_DEPTH}
      )
      SELECT r.id, r."adaptedFromId" AS "parentId", r.title, r.kind, r."createdAt", r."useCount", r."siteId", r."authorId", r."hiddenAt", r."networkId"
      FROM up JOIN "Resource" r ON r.id = up.id
      ORDER BY up.depth`;
  }

  /** Every adaptation made from `id`, directly or through others, oldest first. */
  descendants(id: string): Promise<LineageRowData[]> {
    return this.prisma.$queryRaw<LineageRowData[]>`
      WITH RECURSIVE down AS (
        SELECT r.id, 1 AS depth FROM "Resource" r WHERE r."adaptedFromId" = ${id}::uuid
        UNION
        SELECT r.id, down.depth + 1 FROM down JOIN "Resource" r ON r."adaptedFromId" = down.id WHERE down.depth < ${MAX_LINEAGE_DEPTH}
      )
      SELECT r.id, r."adaptedFromId" AS "parentId", r.title, r.kind, r."createdAt", r."useCount", r."siteId", r."authorId", r."hiddenAt", r."networkId"
      FROM (SELECT DISTINCT id FROM down) d JOIN "Resource" r ON r.id = d.id
      ORDER BY r."createdAt", r.id
      LIMIT ${MAX_DESCENDANTS}`;
  }

  /** Copies the attachments a resource carries (not removed ones) onto its adaptation; the stored files are shared. */
  async copyAttachments(db: Db, fromId: string, toId: string, uploadedById: string, at: Date): Promise<void> {
    const attachments = await db.attachment.findMany({
      where: { resourceId: fromId, removedAt: null },
      orderBy: { createdAt: 'asc' },
      select: { filename: true, contentType: true, size: true, storageKey: true, sha256: true },
    });
    if (attachments.length === 0) return;
    await db.attachment.createMany({
      data: attachments.map((a) => ({ ...a, resourceId: toId, version: 1, uploadedById, createdAt: at })),
    });
  }

  /** Marks or unmarks `userId`'s helpful vote, keeping the count in step; the new count. */
  async setHelpful(db: Db, resourceId: string, userId: string, helpful: boolean): Promise<ResourceRow> {
    const { count } = helpful
      ? await db.resourceHelpful.createMany({ data: [{ resourceId, userId }], skipDuplicates: true })
      : await db.resourceHelpful.deleteMany({ where: { resourceId, userId } });
    if (count === 0) return db.resource.findUniqueOrThrow({ where: { id: resourceId }, select: RESOURCE_SELECT });
    return db.resource.update({
      where: { id: resourceId },
      data: { helpfulCount: { increment: helpful ? 1 : -1 } },
      select: RESOURCE_SELECT,
    });
  }

  /** Records (or updates the note of) a site's use, keeping the count of sites in step. */
  async recordUse(
    db: Db,
    resourceId: string,
    siteId: string,
    note: string,
    recordedById: string,
    at: Date,
  ): Promise<ResourceRow> {
    const { count } = await db.resourceUse.createMany({
      data: [{ resourceId, siteId, note, recordedById, createdAt: at, updatedAt: at }],
      skipDuplicates: true,
    });
    if (count === 0) {
      await db.resourceUse.update({
        where: { resourceId_siteId: { resourceId, siteId } },
        data: { note, recordedById, updatedAt: at },
      });
      return db.resource.findUniqueOrThrow({ where: { id: resourceId }, select: RESOURCE_SELECT });
    }
    return db.resource.update({
      where: { id: resourceId },
      data: { useCount: { increment: 1 } },
      select: RESOURCE_SELECT,
    });
  }

  async removeUse(db: Db, resourceId: string, siteId: string): Promise<ResourceRow> {
    const { count } = await db.resourceUse.deleteMany({ where: { resourceId, siteId } });
    if (count === 0) return db.resource.findUniqueOrThrow({ where: { id: resourceId }, select: RESOURCE_SELECT });
    return db.resource.update({
      where: { id: resourceId },
      data: { useCount: { decrement: 1 } },
      select: RESOURCE_SELECT,
    });
  }

  usesOf(resourceIds: string[]) {
    return this.prisma.resourceUse.findMany({
      where: { resourceId: { in: resourceIds } },
      orderBy: { createdAt: 'asc' },
      select: USE_SELECT,
    });
  }

  async setBookmark(resourceId: string, userId: string, bookmarked: boolean): Promise<void> {
    if (bookmarked)
      await this.prisma.resourceBookmark.createMany({ data: [{ resourceId, userId }], skipDuplicates: true });
    else await this.prisma.resourceBookmark.deleteMany({ where: { resourceId, userId } });
  }

  /** Counts a member's view once per UTC day; the resource as it now is. */
  async recordView(resourceId: string, userId: string, day: Date): Promise<ResourceRow> {
    return this.transaction(async (db) => {
      const { count } = await db.resourceView.createMany({ data: [{ resourceId, userId, day }], skipDuplicates: true });
      if (count === 0) return db.resource.findUniqueOrThrow({ where: { id: resourceId }, select: RESOURCE_SELECT });
      return db.resource.update({
        where: { id: resourceId },
        data: { viewCount: { increment: 1 } },
        select: RESOURCE_SELECT,
      });
    });
  }

  /** Of `resourceIds`, those `userId` marked helpful and those she bookmarked. */
  async viewerMarks(userId: string, resourceIds: string[]) {
    const [helpful, bookmarked] = await Promise.all([
      this.prisma.resourceHelpful.findMany({
        where: { userId, resourceId: { in: resourceIds } },
        select: { resourceId: true },
      }),
      this.prisma.resourceBookmark.findMany({
        where: { userId, resourceId: { in: resourceIds } },
        select: { resourceId: true },
      }),
    ]);
    return {
      helpful: new Set(helpful.map((r) => r.resourceId)),
      bookmarked: new Set(bookmarked.map((r) => r.resourceId)),
    };
  }

  /** A member's bookmarks in a network, newest first; hidden resources only where `hiddenVisible` says. */
  async bookmarks(userId: string, networkId: string, hiddenVisible: { all: boolean; authorId: string }, page: Page) {
    const where: Prisma.ResourceBookmarkWhereInput = {
      userId,
      resource: {
        networkId,
        ...(hiddenVisible.all ? {} : { OR: [{ hiddenAt: null }, { authorId: hiddenVisible.authorId }] }),
      },
    };
    const [rows, totalCount] = await Promise.all([
      this.prisma.resourceBookmark.findMany({
        where,
        orderBy: [{ createdAt: 'desc' }, { resourceId: 'asc' }],
        skip: page.skip,
        take: page.take,
        select: { resource: { select: RESOURCE_SELECT } },
      }),
      this.prisma.resourceBookmark.count({ where }),
    ]);
    return { rows: rows.map((row) => row.resource), totalCount };
  }

  userNames(ids: string[]) {
    return this.prisma.user
      .findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } })
      .then((users) => new Map(users.map((user) => [user.id, user.name])));
  }

  /** The network's curated tags, with how many visible resources carry each. */
  networkTags(networkId: string) {
    return this.prisma.$queryRaw<{ tag: string; description: string; resourceCount: number }[]>`
      SELECT t.tag, t.description,
        (SELECT count(*)::int FROM "Resource" r WHERE r."networkId" = t."networkId" AND r."hiddenAt" IS NULL AND t.tag = ANY(r.tags)) AS "resourceCount"
      FROM "NetworkTag" t WHERE t."networkId" = ${networkId}::uuid ORDER BY t.tag`;
  }

  /** Adds a curated tag; false when the network has it already. */
  async createTag(networkId: string, tag: string, description: string, createdById: string): Promise<boolean> {
    const { count } = await this.prisma.networkTag.createMany({
      data: [{ networkId, tag, description, createdById }],
      skipDuplicates: true,
    });
    return count > 0;
  }

  async deleteTag(networkId: string, tag: string): Promise<boolean> {
    const { count } = await this.prisma.networkTag.deleteMany({ where: { networkId, tag } });
    return count > 0;
  }
}

/** The content fields of a resource row, as a version keeps them. */
export function contentOf(row: ResourceContent): ResourceContent {
  return {
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    body: row.body,
    tags: row.tags,
    audiences: row.audiences,
    siteId: row.siteId,
    license: row.license,
  };
}
