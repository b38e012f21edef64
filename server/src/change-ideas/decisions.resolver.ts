import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../platform/auth/current-viewer.decorator';
import type { Viewer } from '../platform/auth/viewer';
import { AWAITING_DECISIONS_MAX, DecisionsService } from './decisions.service';
import { ChangeIdeaDecisionInput } from './dto/change-idea.input';
import { ChangeIdeaDecision } from './models/change-idea.model';

@Resolver(() => ChangeIdeaDecision)
export class DecisionsResolver {
  constructor(private readonly service: DecisionsService) {}

  @Query(() => [ChangeIdeaDecision], {
    description: `Decisions in the network waiting for the viewer to confirm or decline, the soonest to expire first (at most ${AWAITING_DECISIONS_MAX}).`,
  })
  decisionsAwaitingMe(@CurrentViewer() viewer: Viewer, @Args('networkId', { type: () => ID }) networkId: string) {
    return this.service.awaitingMe(viewer, networkId);
  }

  @Mutation(() => ChangeIdeaDecision, {
    description:
      'Proposes a decision moving the idea; it waits (PENDING) until the confirmations (the recorder counts as one) meet the together rule, then the idea moves. ' +
      'Taken together: the participants must include the recording member, the proposer or a co-designer, and another member who is a site lead ' +
      'or network admin (FORBIDDEN otherwise, with the reason). A stale expectedVersion answers CONFLICT; another decision already waiting on ' +
      'the idea, DECISION_PENDING; a blocked proposal as the basis of ADOPTED, PROPOSAL_BLOCKED.',
  })
  proposeDecision(
    @CurrentViewer() viewer: Viewer,
    @Args('ideaId', { type: () => ID }) ideaId: string,
    @Args('input') input: ChangeIdeaDecisionInput,
  ) {
    return this.service.propose(viewer, ideaId, input);
  }

  @Mutation(() => ChangeIdeaDecision, {
    description:
      'A member named in a waiting decision confirms it (optionally with a comment). When the confirmations meet the together rule, it takes effect and the idea moves. ' +
      'DECISION_CLOSED when it no longer waits.',
  })
  confirmDecision(
    @CurrentViewer() viewer: Viewer,
    @Args('decisionId', { type: () => ID }) decisionId: string,
    @Args('comment', { type: () => String, nullable: true, defaultValue: '' }) comment: string | null,
  ) {
    return this.service.confirm(viewer, decisionId, comment ?? '');
  }

  @Mutation(() => ChangeIdeaDecision, {
    description:
      'A member named in a waiting decision declines it, with an optional reason everyone sees; it ends (DECLINED).',
  })
  declineDecision(
    @CurrentViewer() viewer: Viewer,
    @Args('decisionId', { type: () => ID }) decisionId: string,
    @Args('reason', { type: () => String, nullable: true, defaultValue: '' }) reason: string | null,
  ) {
    return this.service.decline(viewer, decisionId, reason ?? '');
  }

  @Mutation(() => ChangeIdeaDecision, {
    description: 'The member who recorded a waiting decision takes it back (WITHDRAWN).',
  })
  withdrawDecision(@CurrentViewer() viewer: Viewer, @Args('decisionId', { type: () => ID }) decisionId: string) {
    return this.service.withdraw(viewer, decisionId);
  }
}
