import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { can } from '@commons/shared';
import { Ctx, CurrentViewer } from '../platform/auth/current-viewer.decorator';
import { Public } from '../platform/auth/public.decorator';
import type { Viewer } from '../platform/auth/viewer';
import { PageArgs, pagedComplexity } from '../platform/graphql/pagination';
import type { RequestContext } from '../platform/graphql/request-context';
import { requestOrigin } from '../platform/http/request-meta';
import { InvitationInput } from './dto/invitation.input';
import { InvitationsService } from './invitations.service';
import {
  CreatedInvitation,
  Invitation,
  InvitationConnection,
  InvitationPreview,
  InvitationStatus,
} from './models/invitation.model';

@Resolver(() => Invitation)
export class InvitationsResolver {
  constructor(private readonly service: InvitationsService) {}

  @Query(() => InvitationConnection, {
    description: "Invitations of a network (admins) or of the viewer's site (site leads).",
    complexity: pagedComplexity,
  })
  invitations(
    @CurrentViewer() viewer: Viewer,
    @Args('networkId', { type: () => ID }) networkId: string,
    @Args() page: PageArgs,
  ) {
    return this.service.list(viewer, networkId, page);
  }

  @Public()
  @Query(() => InvitationPreview, { description: 'What an invitation link offers.' })
  invitationPreview(@Args('token') token: string) {
    return this.service.preview(token);
  }

  @Mutation(() => CreatedInvitation)
  inviteMember(
    @CurrentViewer() viewer: Viewer,
    @Ctx() ctx: RequestContext,
    @Args('networkId', { type: () => ID }) networkId: string,
    @Args('input') input: InvitationInput,
  ) {
    return this.service.invite(viewer, networkId, input, requestOrigin(ctx.req));
  }

  @Mutation(() => Invitation)
  revokeInvitation(@CurrentViewer() viewer: Viewer, @Args('invitationId', { type: () => ID }) invitationId: string) {
    return this.service.revoke(viewer, invitationId);
  }

  @Mutation(() => String, { description: "Joins the invitation's network as the signed-in member; returns its slug." })
  async acceptInvitation(@CurrentViewer() viewer: Viewer, @Args('token') token: string) {
    return (await this.service.acceptAsViewer(viewer, token)).networkSlug;
  }

  @ResolveField(() => Boolean, {
    description:
      'Whether the viewer may withdraw it now: it is still pending, and she is a network admin or the lead of its site.',
  })
  viewerCanRevoke(@Parent() invitation: Invitation) {
    return (
      invitation.status === InvitationStatus.PENDING &&
      can(invitation.seenBy, 'invitation.revoke', { siteId: invitation.siteId })
    );
  }
}
