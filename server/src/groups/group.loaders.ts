import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { Actor } from '@commons/shared';
import { AccessService } from '../platform/auth/access.service';
import type { RequestContext } from '../platform/graphql/request-context';
import { GroupRepository, type GroupMemberRow, type GroupMembershipRow, type ShelfRow } from './group.repository';

function grouped<T>(load: (keys: string[]) => Promise<T[]>, key: (row: T) => string) {
  return new DataLoader<string, T[]>(async (keys) => {
    const groups = new Map<string, T[]>();
    for (const row of await load([...keys])) {
      const list = groups.get(key(row));
      if (list) list.push(row);
      else groups.set(key(row), [row]);
    }
    return keys.map((k) => groups.get(k) ?? []);
  });
}

function createLoaders(ctx: RequestContext, groups: GroupRepository, access: AccessService) {
  return {
    memberCount: new DataLoader(async (ids: readonly string[]) => {
      const counts = await groups.memberCounts([...ids]);
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    members: grouped<GroupMemberRow>(
      (ids) => groups.membersOf(ids),
      (row) => row.groupId,
    ),
    shelf: grouped<ShelfRow>(
      (ids) => groups.shelvesOf(ids),
      (row) => row.groupId,
    ),
    viewerMembership: new DataLoader<string, GroupMembershipRow | null>(async (ids) => {
      if (!ctx.viewer) return ids.map(() => null);
      const rows = new Map((await groups.membershipsOf(ctx.viewer.userId, [...ids])).map((row) => [row.groupId, row]));
      return ids.map((id) => rows.get(id) ?? null);
    }),
    userName: new DataLoader(async (ids: readonly string[]) => {
      const names = await groups.userNames([...ids]);
      return ids.map((id) => names.get(id) ?? '');
    }),
    /** The viewer as an actor per network (null when not an active member). */
    actor: new DataLoader<string, Actor | null>(async (networkIds) =>
      Promise.all(
        networkIds.map((networkId) => (ctx.viewer ? access.actorIn(ctx.viewer, networkId) : Promise.resolve(null))),
      ),
    ),
  };
}

export type GroupLoaderSet = ReturnType<typeof createLoaders>;

/** Per-request DataLoaders for groups' fields, so a page of N groups costs one query per field. */
@Injectable()
export class GroupLoaders {
  private readonly perRequest = new WeakMap<RequestContext, GroupLoaderSet>();

  constructor(
    private readonly groups: GroupRepository,
    private readonly access: AccessService,
  ) {}

  of(ctx: RequestContext): GroupLoaderSet {
    let loaders = this.perRequest.get(ctx);
    if (!loaders) {
      loaders = createLoaders(ctx, this.groups, this.access);
      this.perRequest.set(ctx, loaders);
    }
    return loaders;
  }
}
