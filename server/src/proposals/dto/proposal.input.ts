import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Position, ProposalKind } from '../models/proposal.model';

@InputType({ description: 'A proposal to open in a thread.' })
export class ProposalInput {
  @Field(() => ProposalKind) kind: ProposalKind;
  @Field() question: string;
  @Field({ defaultValue: '', description: 'Markdown.' }) details: string;
  @Field({ description: 'ISO date-time with an offset; 5 minutes to 60 days from now.' }) closesAt: string;
  @Field(() => [String], { defaultValue: [], description: 'DOT_VOTE: 2-10 distinct options. Empty for CONSENT.' })
  options: string[];
  @Field(() => Int, { nullable: true, description: 'DOT_VOTE: dots each member may spread, 1-10.' }) dotsPerMember?:
    number | null;
}

@InputType()
export class PositionInput {
  @Field(() => Position) position: Position;
  @Field({ defaultValue: '', description: 'Optional, except for a block.' }) reason: string;
}

@InputType()
export class DotVoteInput {
  @Field(() => ID) optionId: string;
  @Field(() => Int) dots: number;
}
