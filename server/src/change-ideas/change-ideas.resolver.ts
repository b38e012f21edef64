import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../platform/auth/current-viewer.decorator';
import type { Viewer } from '../platform/auth/viewer';
import { pagedComplexity } from '../platform/graphql/pagination';
import { ChangeIdeasService } from './change-ideas.service';
import { ChangeIdeaInput, ChangeIdeasArgs, EditChangeIdeaInput } from './dto/change-idea.input';
import { ChangeIdea, ChangeIdeaConnection } from './models/change-idea.model';

@Resolver(() => ChangeIdea)
export class ChangeIdeasResolver {
  constructor(private readonly service: ChangeIdeasService) {}

  @Query(() => ChangeIdeaConnection, {
    description: "A network's change ideas, most recently changed first.",
    complexity: pagedComplexity,
  })
  changeIdeas(@CurrentViewer() viewer: Viewer, @Args() args: ChangeIdeasArgs) {
    return this.service.list(viewer, args);
  }

  @Query(() => ChangeIdea)
  changeIdea(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string) {
    return this.service.get(viewer, id);
  }

  @Mutation(() => ChangeIdea, { description: 'Any member proposes a change idea; she becomes its first co-designer.' })
  proposeChangeIdea(
    @CurrentViewer() viewer: Viewer,
    @Args('networkId', { type: () => ID }) networkId: string,
    @Args('input') input: ChangeIdeaInput,
  ) {
    return this.service.propose(viewer, networkId, input);
  }

  @Mutation(() => ChangeIdea, {
    description: "The proposer and co-designers (and network admins) edit the idea's text and drivers.",
  })
  editChangeIdea(
    @CurrentViewer() viewer: Viewer,
    @Args('ideaId', { type: () => ID }) ideaId: string,
    @Args('input') input: EditChangeIdeaInput,
  ) {
    return this.service.edit(viewer, ideaId, input);
  }

  @Mutation(() => ChangeIdea, {
    description: 'Invites a member of the network to co-design the idea (its co-designers, site leads and admins).',
  })
  inviteCoDesigner(
    @CurrentViewer() viewer: Viewer,
    @Args('ideaId', { type: () => ID }) ideaId: string,
    @Args('userId', { type: () => ID }) userId: string,
  ) {
    return this.service.inviteCoDesigner(viewer, ideaId, userId);
  }

  @Mutation(() => ChangeIdea, { description: 'The viewer accepts or declines her invitation to co-design the idea.' })
  respondToCoDesignInvitation(
    @CurrentViewer() viewer: Viewer,
    @Args('ideaId', { type: () => ID }) ideaId: string,
    @Args('accept', { type: () => Boolean }) accept: boolean,
  ) {
    return this.service.respondToInvitation(viewer, ideaId, accept);
  }

  @Mutation(() => ChangeIdea, { description: 'The viewer stops co-designing the idea.' })
  leaveCoDesign(@CurrentViewer() viewer: Viewer, @Args('ideaId', { type: () => ID }) ideaId: string) {
    return this.service.leave(viewer, ideaId);
  }

  @Mutation(() => ChangeIdea, {
    description: 'Endorses the idea (one endorsement per member) or takes the endorsement back.',
  })
  endorseChangeIdea(
    @CurrentViewer() viewer: Viewer,
    @Args('ideaId', { type: () => ID }) ideaId: string,
    @Args('endorsed', { type: () => Boolean }) endorsed: boolean,
  ) {
    return this.service.endorse(viewer, ideaId, endorsed);
  }
}
