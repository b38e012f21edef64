import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { RequestContext } from '../platform/graphql/request-context';
import { ThreadRepository } from './thread.repository';

function createLoaders(threads: ThreadRepository) {
  return {
    /** Earlier bodies of each message, oldest first. */
    revisions: new DataLoader(async (ids: readonly string[]) => {
      const rows = await threads.revisions([...ids]);
      return ids.map((id) => rows.filter((row) => row.messageId === id));
    }),
  };
}

export type ThreadLoaderSet = ReturnType<typeof createLoaders>;

/** Per-request DataLoaders for messages' fields, so a page of N messages costs one query per field. */
@Injectable()
export class ThreadLoaders {
  private readonly perRequest = new WeakMap<RequestContext, ThreadLoaderSet>();

  constructor(private readonly threads: ThreadRepository) {}

  of(ctx: RequestContext): ThreadLoaderSet {
    let loaders = this.perRequest.get(ctx);
    if (!loaders) {
      loaders = createLoaders(this.threads);
      this.perRequest.set(ctx, loaders);
    }
    return loaders;
  }
}
