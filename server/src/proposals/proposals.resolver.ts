import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../platform/auth/current-viewer.decorator';
import type { Viewer } from '../platform/auth/viewer';
import { DotVoteInput, PositionInput, ProposalInput } from './dto/proposal.input';
import { Proposal, ThreadProposals } from './models/proposal.model';
import { PROPOSALS_PER_THREAD } from './proposal.repository';
import { ProposalsService } from './proposals.service';

@Resolver(() => Proposal)
export class ProposalsResolver {
  constructor(private readonly service: ProposalsService) {}

  @Query(() => ThreadProposals, {
    description: `The proposals of a thread the viewer may read, newest first (at most ${PROPOSALS_PER_THREAD}); live tallies arrive as proposal:changed in the thread.`,
  })
  proposals(@CurrentViewer() viewer: Viewer, @Args('threadId', { type: () => ID }) threadId: string) {
    return this.service.list(viewer, threadId);
  }

  @Query(() => Proposal)
  proposal(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string) {
    return this.service.get(viewer, id);
  }

  @Mutation(() => Proposal, {
    description:
      "Opens a proposal in a change idea's thread: the people taking part in the idea (its proposer and co-designers) and its stewards (site leads, admins).",
  })
  openProposal(
    @CurrentViewer() viewer: Viewer,
    @Args('threadId', { type: () => ID }) threadId: string,
    @Args('input') input: ProposalInput,
  ) {
    return this.service.open(viewer, threadId, input);
  }

  @Mutation(() => Proposal, {
    description:
      "Takes or changes the viewer's position on an open CONSENT proposal (a block needs a reason). PROPOSAL_CLOSED once it closed.",
  })
  takePosition(
    @CurrentViewer() viewer: Viewer,
    @Args('proposalId', { type: () => ID }) proposalId: string,
    @Args('input') input: PositionInput,
  ) {
    return this.service.takePosition(viewer, proposalId, input);
  }

  @Mutation(() => Proposal, {
    description:
      "Spreads the viewer's dots over an open DOT_VOTE proposal's options (at most dotsPerMember in all; an empty list takes her votes back). PROPOSAL_CLOSED once it closed.",
  })
  castDots(
    @CurrentViewer() viewer: Viewer,
    @Args('proposalId', { type: () => ID }) proposalId: string,
    @Args('votes', { type: () => [DotVoteInput] }) votes: DotVoteInput[],
  ) {
    return this.service.castDots(viewer, proposalId, votes);
  }

  @Mutation(() => Proposal, {
    description:
      'Its proposer closes the proposal (if still open) and writes the outcome; she may rewrite the outcome later.',
  })
  closeProposal(
    @CurrentViewer() viewer: Viewer,
    @Args('proposalId', { type: () => ID }) proposalId: string,
    @Args('outcome') outcome: string,
  ) {
    return this.service.close(viewer, proposalId, outcome);
  }
}
