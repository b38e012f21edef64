import { CHANGE_IDEA_LIMITS } from '@commons/shared';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../../platform/graphql/pagination';
import { Role } from '../../platform/graphql/enums';
import { ChangeIdeaStatus, CoDesignerStatus } from './enums';
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

@ObjectType({ description: 'Who supports an idea: one endorsement per member, counted by the role she had when endorsing.' })
export class EndorsementSummary {
  @Field(() => Int) total: number;
  @Field(() => [RoleCount], { description: 'Every role, zeros included, in the order of the Role enum.' }) byRole: RoleCount[];
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

@ObjectType({ description: 'Someone who took part in a decision, with the role she had then.' })
export class DecisionParticipant {
  @Field(() => Role) role: Role;
  @Field({ description: 'She took part as the proposer or a co-designer of the idea.' }) coDesigner: boolean;
  userId: string;
}

@ObjectType({ description: 'A recorded decision moving a change idea from one status to another.' })
export class ChangeIdeaDecision {
  @Field(() => ID) id: string;
  @Field(() => ChangeIdeaStatus) fromStatus: ChangeIdeaStatus;
  @Field(() => ChangeIdeaStatus) toStatus: ChangeIdeaStatus;
  @Field({ description: 'What was decided.' }) decision: string;
  @Field({ complexity: FieldCost.largeText(CHANGE_IDEA_LIMITS.rationaleMax) }) rationale: string;
  @Field() decidedAt: Date;
  @Field(() => [DecisionParticipant]) participants: DecisionParticipant[];
  decidedById: string;
}

@ObjectType({ description: 'A change idea: proposed by any member, co-designed, tested in PDSA cycles at sites, then adopted, adapted or abandoned.' })
export class ChangeIdea {
  @Field(() => ID) id: string;
  @Field(() => ID) networkId: string;
  @Field() title: string;
  @Field({ description: 'The problem it addresses, in Markdown.', complexity: FieldCost.largeText(CHANGE_IDEA_LIMITS.problemMax) }) problem: string;
  @Field({ description: 'The idea itself, in Markdown.', complexity: FieldCost.largeText(CHANGE_IDEA_LIMITS.ideaMax) }) idea: string;
  @Field(() => ChangeIdeaStatus) status: ChangeIdeaStatus;
  @Field(() => Int, { description: 'Send it back as expectedVersion when editing or deciding.' }) version: number;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: when the next decision is due, if set.' }) nextDecisionOn: string | null;
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
