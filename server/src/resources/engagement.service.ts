import { Injectable } from '@nestjs/common';
import { can, networkTagSchema, resourceUseSchema, tagSchema } from '@commons/shared';
import { NetworkService } from '../networks/network.service';
import { AccessService } from '../platform/auth/access.service';
import type { Viewer } from '../platform/auth/viewer';
import { conflict, notFound, parseInput, requireId } from '../platform/graphql/app-error';
import { type PageArgs, pageInfo, toPage } from '../platform/graphql/pagination';
import type { NetworkTagInput, ResourceUseInput } from './dto/resource.input';
import type { NetworkTag, Resource, ResourceConnection } from './models/resource.model';
import { ResourceRepository } from './resource.repository';
import { ResourcesService, toResource } from './resources.service';

/**
 * What members do with resources that feeds ranking and spread: helpful marks (one per member),
 * "we used this" per site, bookmarks, views (once per member a day); and the curated tags.
 */
@Injectable()
export class EngagementService {
  constructor(
    private readonly resources: ResourceRepository,
    private readonly service: ResourcesService,
    private readonly networks: NetworkService,
    private readonly access: AccessService,
  ) {}

  async markHelpful(viewer: Viewer, resourceId: string, helpful: boolean): Promise<Resource> {
    const { row, actor } = await this.service.visible(viewer, resourceId);
    this.access.check(actor, 'resource.markHelpful', { authorId: row.authorId });
    const saved = await this.resources.transaction(async (db) => {
      const updated = await this.resources.setHelpful(db, row.id, actor.userId, helpful);
      if (updated.helpfulCount !== row.helpfulCount) await this.service.indexed(db, updated);
      return updated;
    });
    return toResource(saved);
  }

  /** "We used this" at a site: the viewer's own (admins: any), with a short note. Saying it again updates the note. */
  async recordUse(viewer: Viewer, resourceId: string, input: ResourceUseInput): Promise<Resource> {
    const { row, actor } = await this.service.visible(viewer, resourceId);
    const data = parseInput(resourceUseSchema, input, 'input');
    this.access.check(actor, 'resource.markUsed', { siteId: data.siteId });
    await this.networks.assertSiteInNetwork(data.siteId, row.networkId, 'input.siteId');
    const saved = await this.resources.transaction(async (db) => {
      const updated = await this.resources.recordUse(db, row.id, data.siteId, data.note, actor.userId, new Date());
      if (updated.useCount !== row.useCount) await this.service.indexed(db, updated);
      return updated;
    });
    return toResource(saved);
  }

  async removeUse(viewer: Viewer, resourceId: string, siteId: string): Promise<Resource> {
    const { row, actor } = await this.service.visible(viewer, resourceId);
    this.access.check(actor, 'resource.markUsed', { siteId: requireId(siteId, 'siteId') });
    const saved = await this.resources.transaction(async (db) => {
      const updated = await this.resources.removeUse(db, row.id, siteId);
      if (updated.useCount !== row.useCount) await this.service.indexed(db, updated);
      return updated;
    });
    return toResource(saved);
  }

  async bookmark(viewer: Viewer, resourceId: string, bookmarked: boolean): Promise<Resource> {
    const { row, actor } = await this.service.visible(viewer, resourceId);
    this.access.check(actor, 'resource.bookmark');
    await this.resources.setBookmark(row.id, actor.userId, bookmarked);
    return toResource(row);
  }

  /** Counts the viewer's view of the resource, once per member and (UTC) day. */
  async recordView(viewer: Viewer, resourceId: string): Promise<Resource> {
    const { row, actor } = await this.service.visible(viewer, resourceId);
    const now = new Date();
    const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    return toResource(await this.resources.recordView(row.id, actor.userId, day));
  }

  async bookmarks(viewer: Viewer, networkId: string, pageArgs: PageArgs): Promise<ResourceConnection> {
    const actor = await this.access.require(viewer, networkId, 'resource.bookmark');
    const page = toPage(pageArgs);
    const { rows, totalCount } = await this.resources.bookmarks(
      actor.userId,
      networkId,
      { all: can(actor, 'resource.viewHidden'), authorId: actor.userId },
      page,
    );
    return { nodes: rows.map(toResource), totalCount, pageInfo: pageInfo(page, rows.length, totalCount) };
  }

  async networkTags(viewer: Viewer, networkId: string): Promise<NetworkTag[]> {
    await this.access.require(viewer, networkId, 'resource.view');
    return this.resources.networkTags(networkId);
  }

  async createTag(viewer: Viewer, networkId: string, input: NetworkTagInput): Promise<NetworkTag> {
    const actor = await this.access.require(viewer, networkId, 'tag.curate');
    const data = parseInput(networkTagSchema, input, 'input');
    if (!(await this.resources.createTag(networkId, data.tag, data.description, actor.userId))) {
      throw conflict('tag_exists', 'The network has this tag already.', { field: 'input.tag' });
    }
    return (await this.resources.networkTags(networkId)).find((tag) => tag.tag === data.tag)!;
  }

  /** Removes a curated tag; resources keep it as a free tag. */
  async deleteTag(viewer: Viewer, networkId: string, tag: string): Promise<boolean> {
    await this.access.require(viewer, networkId, 'tag.curate');
    const normalised = parseInput(tagSchema, tag, 'tag');
    if (!(await this.resources.deleteTag(networkId, normalised))) throw notFound('Tag');
    return true;
  }
}
