import { Injectable } from '@nestjs/common';
import {
  type Actor,
  ancestorChain,
  can,
  descendantTree,
  hideReasonSchema,
  resourceAdaptSchema,
  resourceEditSchema,
  resourceInputSchema,
} from '@commons/shared';
import type { Prisma } from '../generated/prisma/client';
import { NetworkService } from '../networks/network.service';
import { AccessService } from '../platform/auth/access.service';
import type { Viewer } from '../platform/auth/viewer';
import type { RequestContext } from '../platform/graphql/request-context';
import { AppError, conflict, invalid, notFound, parseInput, requireId } from '../platform/graphql/app-error';
import { markdownText } from '../platform/markdown/markdown';
import type { AdaptResourceInput, EditResourceInput, ResourceInput } from './dto/resource.input';
import { diffResourceVersions } from './resource-diff';
import { ResourceLoaders } from './resource.loaders';
import { ResourceSearchIndex } from './resource-search-index';
import { ThreadsService } from '../threads/threads.service';
import { contentOf, type LineageRowData, ResourceRepository, type VersionRow } from './resource.repository';
import type { ResourceRow } from './resource.select';
import type { ResourceDiff } from './models/resource-diff.model';
import type { LineageNode, Resource, ResourceLineage, ResourceVersion } from './models/resource.model';

/** A resource the viewer may see, with the viewer as an actor of its network. */
export interface VisibleResource {
  row: ResourceRow;
  actor: Actor;
}

export function toResource(row: ResourceRow): Resource {
  return {
    id: row.id,
    networkId: row.networkId,
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    body: row.body,
    tags: row.tags,
    audiences: row.audiences,
    license: row.license,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    hidden: row.hiddenAt !== null,
    hiddenAt: row.hiddenAt,
    hiddenReason: row.hiddenReason,
    helpfulCount: row.helpfulCount,
    useCount: row.useCount,
    viewCount: row.viewCount,
    downloadCount: row.downloadCount,
    adaptedFromId: row.adaptedFromId,
    siteId: row.siteId,
    authorId: row.authorId,
  };
}

function toVersion(row: VersionRow): ResourceVersion {
  return { ...row };
}

/** Whether `actor` may see a resource with this author and hidden state. */
export function canSee(actor: Actor, row: { hiddenAt: Date | null; authorId: string }): boolean {
  return row.hiddenAt === null || can(actor, 'resource.viewHidden', { authorId: row.authorId });
}

/** Whether a resource's licence lets `userId` adapt it: any licence but "all rights reserved", which keeps it to its author. */
export function licenceAllowsAdaptation(resource: { license: string; authorId: string }, userId: string): boolean {
  return resource.license !== 'ALL-RIGHTS-RESERVED' || resource.authorId === userId;
}

/**
 * The commons: posting, editing (every edit a version), history and diffs, moderation and
 * "adapt this" with its lineage. Each write updates the search index in its own transaction.
 */
@Injectable()
export class ResourcesService {
  constructor(
    private readonly resources: ResourceRepository,
    private readonly networks: NetworkService,
    private readonly access: AccessService,
    private readonly searchIndex: ResourceSearchIndex,
    private readonly threads: ThreadsService,
    private readonly loaders: ResourceLoaders,
  ) {}

  /**
   * The resource `resourceId` when the viewer may see it. Not being a member of its network, or
   * it being hidden from her, is NOT_FOUND: neither the network nor the resource is revealed.
   */
  async visible(viewer: Viewer, resourceId: string, field = 'resourceId'): Promise<VisibleResource> {
    const row = await this.resources.find(requireId(resourceId, field));
    if (!row) throw notFound('Resource');
    const actor = await this.access.actorIn(viewer, row.networkId);
    if (!actor || !can(actor, 'resource.view') || !canSee(actor, row)) throw notFound('Resource');
    return { row, actor };
  }

  async get(viewer: Viewer, resourceId: string, field = 'id'): Promise<Resource> {
    return toResource((await this.visible(viewer, resourceId, field)).row);
  }

  /** The resource, or null when it does not exist or the viewer may not see it. */
  async visibleOrNull(viewer: Viewer, resourceId: string): Promise<Resource | null> {
    try {
      return await this.get(viewer, resourceId);
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }

  /** Resources the viewer may see among `ids`, in the order of `ids`. */
  async visibleMany(actor: Actor, networkId: string, ids: string[]): Promise<Map<string, Resource>> {
    const rows = await this.resources.findMany(ids);
    return new Map(
      rows.filter((row) => row.networkId === networkId && canSee(actor, row)).map((row) => [row.id, toResource(row)]),
    );
  }

  async post(viewer: Viewer, networkId: string, input: ResourceInput): Promise<Resource> {
    const actor = await this.access.require(viewer, networkId, 'resource.view');
    const data = parseInput(resourceInputSchema, { ...input, siteId: input.siteId ?? null }, 'input');
    this.access.check(actor, 'resource.post', { siteId: data.siteId });
    if (data.siteId) await this.networks.assertSiteInNetwork(data.siteId, networkId, 'input.siteId');
    const row = await this.resources.transaction(async (db) => {
      const created = await this.resources.create(
        db,
        {
          ...data,
          networkId,
          authorId: actor.userId,
          bodyText: markdownText(data.body),
          adaptedFromId: null,
          at: new Date(),
        },
        '',
      );
      await this.indexed(db, created);
      return created;
    });
    return toResource(row);
  }

  /** Saves a new version; authors and admins only. Saving the same content again changes nothing. */
  async edit(viewer: Viewer, resourceId: string, input: EditResourceInput): Promise<Resource> {
    const { row, actor } = await this.visible(viewer, resourceId);
    this.access.check(actor, 'resource.edit', { authorId: row.authorId });
    const { expectedVersion, changeNote, ...data } = parseInput(
      resourceEditSchema,
      { ...input, siteId: input.siteId ?? null },
      'input',
    );
    // An author who moved sites keeps her resource where it was; moving it follows the posting rule.
    if (data.siteId !== row.siteId) {
      this.access.check(actor, 'resource.post', { siteId: data.siteId });
      if (data.siteId) await this.networks.assertSiteInNetwork(data.siteId, row.networkId, 'input.siteId');
    }
    if (expectedVersion !== row.version) throw staleVersion(row.version);
    if (sameContent(contentOf(row), data)) return toResource(row);
    const updated = await this.resources.transaction(async (db) => {
      const saved = await this.resources.update(
        db,
        row.id,
        expectedVersion,
        { ...data, bodyText: markdownText(data.body) },
        actor.userId,
        changeNote,
        new Date(),
      );
      if (!saved) throw staleVersion(row.version + 1);
      await this.indexed(db, saved);
      return saved;
    });
    return toResource(updated);
  }

  /** Every version, newest first. */
  async history(viewer: Viewer, resource: Resource): Promise<ResourceVersion[]> {
    await this.access.require(viewer, resource.networkId, 'resource.view');
    return (await this.resources.versions(resource.id)).map(toVersion);
  }

  async diff(viewer: Viewer, resourceId: string, fromVersion: number, toVersion: number): Promise<ResourceDiff> {
    const { row } = await this.visible(viewer, resourceId);
    const versions = await this.resources.versionsByNumber(row.id, [fromVersion, toVersion]);
    const from = versions.find((v) => v.version === fromVersion);
    const to = versions.find((v) => v.version === toVersion);
    if (!from) throw invalid('fromVersion', 'not_a_version', { max: row.version });
    if (!to) throw invalid('toVersion', 'not_a_version', { max: row.version });
    const siteIds = [from.siteId, to.siteId].filter((id): id is string => id !== null);
    const siteNames = new Map<string, string>();
    for (const id of new Set(siteIds)) siteNames.set(id, (await this.networks.siteById(id)).name);
    return { fromVersion, toVersion, fields: diffResourceVersions(from, to, siteNames) };
  }

  /** Network admins: hide a resource from everyone but admins and its author, saying why. Nothing is deleted. */
  async hide(viewer: Viewer, resourceId: string, reason: string): Promise<Resource> {
    const { row, actor } = await this.visible(viewer, resourceId);
    this.access.check(actor, 'resource.hide', { authorId: row.authorId });
    const hiddenReason = parseInput(hideReasonSchema, reason, 'reason');
    const hidden = await this.resources.transaction(async (db) => {
      const saved = await this.resources.setHidden(db, row.id, {
        hiddenAt: row.hiddenAt ?? new Date(),
        hiddenById: actor.userId,
        hiddenReason,
      });
      await this.indexed(db, saved);
      return saved;
    });
    // Members who may no longer see it leave its live thread now, on every node.
    await this.threads.recheckLiveAccess('RESOURCE', row.id);
    return toResource(hidden);
  }

  async unhide(viewer: Viewer, resourceId: string): Promise<Resource> {
    const { row, actor } = await this.visible(viewer, resourceId);
    this.access.check(actor, 'resource.hide', { authorId: row.authorId });
    if (!row.hiddenAt) return toResource(row);
    const shown = await this.resources.transaction(async (db) => {
      const saved = await this.resources.setHidden(db, row.id, null);
      await this.indexed(db, saved);
      return saved;
    });
    return toResource(shown);
  }

  /**
   * "Adapt this": a copy of the resource (content and attachments) by the viewer, for her site
   * unless she names another she may post for, recording what it was adapted from.
   */
  async adapt(viewer: Viewer, resourceId: string, input: AdaptResourceInput | null | undefined): Promise<Resource> {
    const { row: source, actor } = await this.visible(viewer, resourceId);
    const options = parseInput(
      resourceAdaptSchema,
      { siteId: input?.siteId === undefined ? actor.siteId : input.siteId, title: input?.title ?? null },
      'input',
    );
    this.access.check(actor, 'resource.adapt', { siteId: options.siteId });
    if (!licenceAllowsAdaptation(source, actor.userId)) {
      throw new AppError('FORBIDDEN', 'The licence of this resource does not allow adaptations.', {
        field: 'resourceId',
        reason: 'no_adaptations',
      });
    }
    if (options.siteId) await this.networks.assertSiteInNetwork(options.siteId, source.networkId, 'input.siteId');
    const at = new Date();
    const adapted = await this.resources.transaction(async (db) => {
      const created = await this.resources.create(
        db,
        {
          ...contentOf(source),
          title: options.title ?? source.title,
          siteId: options.siteId,
          networkId: source.networkId,
          authorId: actor.userId,
          bodyText: source.bodyText,
          adaptedFromId: source.id,
          at,
        },
        `Adapted from "${source.title}" (version ${source.version})`,
      );
      await this.resources.copyAttachments(db, source.id, created.id, actor.userId, at);
      await this.indexed(db, created);
      return created;
    });
    return toResource(adapted);
  }

  /** What the resource was adapted from and every adaptation made from it, as far as the viewer may see. */
  async lineage(viewer: Viewer, resource: Resource): Promise<ResourceLineage> {
    const actor = await this.access.require(viewer, resource.networkId, 'resource.view');
    const [up, down] = await Promise.all([
      this.resources.ancestors(resource.id),
      this.resources.descendants(resource.id),
    ]);
    const row = (data: LineageRowData) => ({
      ...data,
      visible: data.networkId === resource.networkId && canSee(actor, data),
    });
    const node = (data: LineageRowData & { parentId: string | null; depth: number }): LineageNode => ({
      id: data.id,
      parentId: data.parentId,
      depth: data.depth,
      title: data.title,
      kind: data.kind,
      createdAt: data.createdAt,
      useCount: data.useCount,
      siteId: data.siteId,
      authorId: data.authorId,
    });
    return {
      ancestors: ancestorChain(up.map(row)).map(node),
      descendants: descendantTree(resource.id, down.map(row)).map(node),
    };
  }

  /** Users' names by id (the authors a search's facets list). */
  authorNames(userIds: string[]): Promise<Map<string, string>> {
    return this.resources.userNames(userIds);
  }

  /** Tells this request's loaders an author's name read elsewhere (with a search's rows), so fields need not read it again. */
  rememberAuthorName(ctx: RequestContext, userId: string, name: string): void {
    this.loaders.of(ctx).userName.prime(userId, name);
  }

  /** Brings the search index up to date with `row`, inside the write's transaction. */
  async indexed(db: Prisma.TransactionClient, row: ResourceRow): Promise<void> {
    await this.searchIndex.index(db, row);
  }
}

const staleVersion = (current: number) =>
  conflict('resource_changed', `Someone saved a newer version (${current}) meanwhile. Reload, then edit again.`, {
    field: 'input.expectedVersion',
    currentVersion: current,
  });

function sameContent(a: ReturnType<typeof contentOf>, b: ReturnType<typeof contentOf>): boolean {
  return JSON.stringify(contentOf(a)) === JSON.stringify(contentOf(b));
}
