import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { Actor } from '@commons/shared';
import { AccessService } from '../platform/auth/access.service';
import type { RequestContext } from '../platform/graphql/request-context';
import { ResourceRepository } from './resource.repository';

function createLoaders(ctx: RequestContext, resources: ResourceRepository, access: AccessService) {
  const marks = new DataLoader(async (ids: readonly string[]) => {
    const viewer = ctx.viewer;
    if (!viewer) return ids.map(() => ({ helpful: false, bookmarked: false }));
    const { helpful, bookmarked } = await resources.viewerMarks(viewer.userId, [...ids]);
    return ids.map((id) => ({ helpful: helpful.has(id), bookmarked: bookmarked.has(id) }));
  });
  return {
    userName: new DataLoader(async (ids: readonly string[]) => {
      const names = await resources.userNames([...ids]);
      return ids.map((id) => names.get(id) ?? '');
    }),
    uses: new DataLoader(async (ids: readonly string[]) => {
      const rows = await resources.usesOf([...ids]);
      return ids.map((id) => rows.filter((row) => row.resourceId === id));
    }),
    viewerMarks: marks,
    /** The viewer as an actor per network (null when not an active member). */
    actor: new DataLoader<string, Actor | null>(async (networkIds) =>
      Promise.all(
        networkIds.map((networkId) => (ctx.viewer ? access.actorIn(ctx.viewer, networkId) : Promise.resolve(null))),
      ),
    ),
  };
}

export type ResourceLoaderSet = ReturnType<typeof createLoaders>;

/**
 * Per-request DataLoaders for the commons' fields (authors' names, uses, the viewer's marks),
 * kept beside the request context so each request batches its own and shares nothing.
 */
@Injectable()
export class ResourceLoaders {
  private readonly perRequest = new WeakMap<RequestContext, ResourceLoaderSet>();

  constructor(
    private readonly resources: ResourceRepository,
    private readonly access: AccessService,
  ) {}

  of(ctx: RequestContext): ResourceLoaderSet {
    let loaders = this.perRequest.get(ctx);
    if (!loaders) {
      loaders = createLoaders(ctx, this.resources, this.access);
      this.perRequest.set(ctx, loaders);
    }
    return loaders;
  }
}
