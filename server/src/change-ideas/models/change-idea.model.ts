import { CHANGE_IDEA_LIMITS } from '@commons/shared';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../../platform/graphql/pagination';
import { Role } from '../../platform/graphql/enums';
import { ChangeIdeaStatus, CoDesignerStatus, DecisionAnswer, DecisionStatus } from './enums';
import { FieldCost } from '../../platform/graphql/field-cost';

@ObjectType({ description: 'A member as she appears on a change idea: proposer, co-designer, decision participant.' })
export class ChangeIdeaPerson {
  @Field(() => ID) userId: string;
  @Field() name: string;
}

@ObjectType({ description: 'How many members of one role.' })
export class RoleCount {
  @Field(() => Role) role: Role;
  @Field(() => Int) count: number;
}

@ObjectType({
  description: 'Who supports an idea: one endorsement per member, counted by the role she had when endorsing.',
})
export class EndorsementSummary {
  @Field(() => Int) total: number;
  @Field(() => [RoleCount], { description: 'Every role, zeros included, in the order of the Role enum.' })
  byRole: RoleCount[];
  @Field() viewerEndorsed: boolean;
}

@ObjectType({ description: 'A member invited to co-design an idea, or co-designing it.' })
export class CoDesigner {
  @Field(() => ID) id: string;
  @Field(() => Role, { description: 'Her role when invited, then when she joined.' }) role: Role;
  @Field(() => CoDesignerStatus) status: CoDesignerStatus;
  @Field({ description: 'She proposed the idea (and co-designs it from the start).' }) isProposer: boolean;
  @Field() invitedAt: Date;
  @Field(() => Date, { nullable: true }) joinedAt: Date | null;
  userId: string;
  invitedById: string | null;
}

@ObjectType({
  description: 'Someone named in a decision: her answer, when she gave it, in which role, and what she said.',
})
export class DecisionParticipant {
  @Field(() => Role, { description: 'Her role when she answered (or, while she has not, when she was named).' })
  role: Role;
  @Field({ description: 'She takes part as the proposer or a co-designer of the idea.' }) coDesigner: boolean;
  @Field(() => DecisionAnswer) answer: DecisionAnswer;
  @Field(() => Date, { nullable: true, description: 'When she confirmed or declined.' }) answeredAt: Date | null;
  @Field({
    description: 'Her comment when confirming, her reason when declining; empty when she gave none.',
    complexity: FieldCost.largeText(CHANGE_IDEA_LIMITS.answerMax),
  })
  comment: string;
  userId: string;
}

@ObjectType({ description: "A proposal in a change idea's thread, as a decision may rest on it." })
export class ProposalRef {
  @Field(() => ID) id: string;
  @Field() question: string;
  @Field({ description: 'Positions may still be taken or changed.' }) open: boolean;
  @Field({ description: "Someone's position is BLOCK now: it cannot be the basis of adopting the idea." })
  hasUnresolvedBlock: boolean;
}

@ObjectType({
  description:
    'A decision moving a change idea from one status to another: recorded by one member, it takes effect once the members who confirmed it meet the together rule (a co-designer and another member who is a site lead or network admin). ' +
    'A decline ends it, as do its recorder withdrawing it and its expiry.',
})
export class ChangeIdeaDecision {
  @Field(() => ID) id: string;
  @Field(() => ID) ideaId: string;
  @Field(() => DecisionStatus, { description: 'As of now: a pending decision past its expiry is EXPIRED.' })
  status: DecisionStatus;
  @Field(() => ChangeIdeaStatus) fromStatus: ChangeIdeaStatus;
  @Field(() => ChangeIdeaStatus) toStatus: ChangeIdeaStatus;
  @Field({ description: 'What was decided.' }) decision: string;
  @Field({ complexity: FieldCost.largeText(CHANGE_IDEA_LIMITS.rationaleMax) }) rationale: string;
  @Field(() => String, {
    nullable: true,
    description: "YYYY-MM-DD: the next decision's date it sets when it takes effect.",
  })
  nextDecisionOn: string | null;
  @Field({
    description:
      'Why it goes ahead without a patient or family voice (a move to TESTING or ADOPTED needs one, or this reason); empty otherwise.',
    complexity: FieldCost.largeText(CHANGE_IDEA_LIMITS.patientVoiceReasonMax),
  })
  patientVoiceReason: string;
  @Field() proposedAt: Date;
  @Field(() => Date, {
    nullable: true,
    description: 'When it stops waiting; null for decisions recorded before confirmations were asked.',
  })
  expiresAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it took effect (TAKEN).' }) decidedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it took effect or ended.' }) closedAt: Date | null;
  @Field(() => [DecisionParticipant], {
    description: 'Everyone named in it, the member who recorded it first among those who answered.',
  })
  participants: DecisionParticipant[];
  decidedById: string;
  proposalId: string | null;
}

@ObjectType({
  description:
    'A change idea: proposed by any member, co-designed, tested in PDSA cycles at sites, then adopted, adapted or abandoned.',
})
export class ChangeIdea {
  @Field(() => ID) id: string;
  @Field(() => ID) networkId: string;
  @Field() title: string;
  @Field({
    description: 'The problem it addresses, in Markdown.',
    complexity: FieldCost.largeText(CHANGE_IDEA_LIMITS.problemMax),
  })
  problem: string;
  @Field({ description: 'The idea itself, in Markdown.', complexity: FieldCost.largeText(CHANGE_IDEA_LIMITS.ideaMax) })
  idea: string;
  @Field(() => ChangeIdeaStatus) status: ChangeIdeaStatus;
  @Field(() => Int, { description: 'Send it back as expectedVersion when editing or deciding.' }) version: number;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: when the next decision is due, if set.' })
  nextDecisionOn: string | null;
  @Field() statusChangedAt: Date;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
  proposerId: string;
}

@ObjectType()
export class ChangeIdeaConnection {
  @Field(() => [ChangeIdea], { complexity: FieldCost.pageItems }) nodes: ChangeIdea[];
  @Field(() => Int) totalCount: number;
  @Field(() => PageInfo) pageInfo: PageInfo;
}
