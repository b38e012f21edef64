import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { CurrentViewer, Ctx } from '../platform/auth/current-viewer.decorator';
import type { Viewer } from '../platform/auth/viewer';
import type { RequestContext } from '../platform/graphql/request-context';
import { Resource } from '../resources/models/resource.model';
import { AttachmentsService } from './attachments.service';
import { Attachment } from './models/attachment.model';

@Resolver(() => Resource)
export class ResourceAttachmentsResolver {
  private readonly perRequest = new WeakMap<RequestContext, DataLoader<string, Attachment[]>>();

  constructor(private readonly service: AttachmentsService) {}

  @ResolveField(() => [Attachment], {
    description: 'The files it carries, oldest first. Upload with POST /files/resources/:id/attachments.',
  })
  attachments(@Parent() resource: Resource, @Ctx() ctx: RequestContext) {
    let loader = this.perRequest.get(ctx);
    if (!loader) {
      loader = new DataLoader(async (ids: readonly string[]) => {
        const rows = await this.service.ofResources([...ids]);
        return ids.map((id) => rows.filter((row) => row.resourceId === id));
      });
      this.perRequest.set(ctx, loader);
    }
    return loader.load(resource.id);
  }
}

@Resolver(() => Attachment)
export class AttachmentsResolver {
  constructor(private readonly attachments: AttachmentsService) {}

  @Mutation(() => Attachment, {
    description: 'Takes a file off a resource (its author or an admin). The file is kept.',
  })
  removeAttachment(@CurrentViewer() viewer: Viewer, @Args('attachmentId', { type: () => ID }) attachmentId: string) {
    return this.attachments.remove(viewer, attachmentId);
  }
}
