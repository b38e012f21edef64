import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { RequestContext } from '../platform/graphql/request-context';
import { NotificationRepository } from './notification.repository';

function createLoaders(notifications: NotificationRepository) {
  return {
    userName: new DataLoader(async (ids: readonly string[]) => {
      const names = new Map((await notifications.userNames([...ids])).map((row) => [row.id, row.name]));
      return ids.map((id) => names.get(id) ?? null);
    }),
  };
}

/** Per-request DataLoaders for notifications' fields. */
@Injectable()
export class NotificationLoaders {
  private readonly perRequest = new WeakMap<RequestContext, ReturnType<typeof createLoaders>>();

  constructor(private readonly notifications: NotificationRepository) {}

  of(ctx: RequestContext) {
    let loaders = this.perRequest.get(ctx);
    if (!loaders) {
      loaders = createLoaders(this.notifications);
      this.perRequest.set(ctx, loaders);
    }
    return loaders;
  }
}
