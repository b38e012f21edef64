import { PROPOSAL_LIMITS, VOICE_GROUP_NAMES, type VoiceGroup as VoiceGroupName } from '@commons/shared';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Position, ProposalKind } from '../../generated/prisma/enums';
import { Role } from '../../platform/graphql/enums';
import { FieldCost } from '../../platform/graphql/field-cost';

registerEnumType(ProposalKind, {
  name: 'ProposalKind',
  description:
    'CONSENT: members take a position (agree, abstain, disagree, block). DOT_VOTE: members spread a limited number of dots over options.',
});
registerEnumType(Position, {
  name: 'Position',
  description: 'A position on a CONSENT proposal. A block stops the group and needs a reason.',
});

export const VoiceGroup = Object.fromEntries(VOICE_GROUP_NAMES.map((group) => [group, group])) as {
  [G in VoiceGroupName]: G;
};
registerEnumType(VoiceGroup, {
  name: 'VoiceGroup',
  description:
    'The voices a tally is shown by: patients and families, clinicians, site teams (site leads), researchers, network staff (admins).',
});

export { Position, ProposalKind };

@ObjectType({ description: 'A member as a proposal shows her.' })
export class ProposalPerson {
  @Field(() => ID) userId: string;
  @Field() name: string;
}

@ObjectType({ description: 'An option of a DOT_VOTE proposal.' })
export class ProposalOption {
  @Field(() => ID) id: string;
  @Field() label: string;
}

@ObjectType({ description: 'How many members of one voice group took each position.' })
export class PositionCounts {
  @Field(() => VoiceGroup) group: VoiceGroupName;
  @Field(() => Int) agree: number;
  @Field(() => Int) abstain: number;
  @Field(() => Int) disagree: number;
  @Field(() => Int) block: number;
}

@ObjectType({ description: 'Dots one voice group put on an option.' })
export class GroupDots {
  @Field(() => VoiceGroup) group: VoiceGroupName;
  @Field(() => Int) dots: number;
}

@ObjectType({ description: 'The dots an option received, in total and per voice group.' })
export class OptionDots {
  @Field(() => ID) optionId: string;
  @Field(() => Int) total: number;
  @Field(() => [GroupDots], { description: 'Every voice group, zeros included.' }) byGroup: GroupDots[];
}

@ObjectType({ description: "A member's position on a CONSENT proposal, with her role when she took it." })
export class ProposalPositionEntry {
  @Field(() => ProposalPerson) member: ProposalPerson;
  @Field(() => Role) role: Role;
  @Field(() => Position) position: Position;
  @Field({ complexity: FieldCost.largeText(PROPOSAL_LIMITS.reasonMax) }) reason: string;
  @Field() updatedAt: Date;
}

@ObjectType({ description: 'Dots on one option.' })
export class DotVote {
  @Field(() => ID) optionId: string;
  @Field(() => Int) dots: number;
}

@ObjectType({ description: 'How one member spread her dots on a DOT_VOTE proposal.' })
export class DotBallot {
  @Field(() => ProposalPerson) member: ProposalPerson;
  @Field(() => Role) role: Role;
  @Field(() => [DotVote]) votes: DotVote[];
}

@ObjectType({
  description:
    "A proposal in a thread (Loomio's): a question answered with positions (CONSENT) or a choice among options by dot voting (DOT_VOTE), open until it closes; " +
    'then its proposer writes the outcome. Everyone who can read the thread sees the tally by voice group and who took which position.',
})
export class Proposal {
  @Field(() => ID) id: string;
  @Field(() => ID) threadId: string;
  @Field(() => ProposalKind) kind: ProposalKind;
  @Field() question: string;
  @Field({ description: 'Markdown as written.', complexity: FieldCost.largeText(PROPOSAL_LIMITS.detailsMax) })
  details: string;
  @Field(() => ProposalPerson) proposer: ProposalPerson;
  @Field() createdAt: Date;
  @Field() closesAt: Date;
  @Field(() => Date, {
    nullable: true,
    description: 'When its proposer closed it (early, or when writing the outcome after it closed).',
  })
  closedAt: Date | null;
  @Field({ description: 'Positions may still be taken or changed.' }) open: boolean;
  @Field({
    description: 'What the group concluded, written by the proposer once it closed; empty until then.',
    complexity: FieldCost.largeText(PROPOSAL_LIMITS.outcomeMax),
  })
  outcome: string;
  @Field(() => Date, { nullable: true }) outcomeAt: Date | null;
  @Field(() => Int, { nullable: true, description: 'DOT_VOTE: the dots each member may spread.' }) dotsPerMember:
    number | null;
  @Field(() => Int, { description: 'Grows with every change: a live tally with a lower revision is older.' })
  revision: number;
  @Field(() => [ProposalOption]) options: ProposalOption[];
  @Field(() => Int, { description: 'Members who took a position or spread dots.' }) voters: number;
  @Field(() => [PositionCounts], {
    description: 'CONSENT: positions by voice group (every group); empty for a DOT_VOTE.',
  })
  positionTally: PositionCounts[];
  @Field(() => [OptionDots], {
    description: 'DOT_VOTE: dots per option (in order) and voice group; empty for CONSENT.',
  })
  dotTally: OptionDots[];
  @Field(() => [ProposalPositionEntry], { description: "CONSENT: everyone's position, earliest first." })
  positions: ProposalPositionEntry[];
  @Field(() => [DotBallot], { description: 'DOT_VOTE: how each member spread her dots.' }) ballots: DotBallot[];
  @Field({ description: "Someone's position is BLOCK now: it cannot be the basis of adopting an idea." })
  hasUnresolvedBlock: boolean;
  @Field(() => ProposalPositionEntry, { nullable: true }) viewerPosition: ProposalPositionEntry | null;
  @Field(() => [DotVote], { description: "The viewer's dots." }) viewerDots: DotVote[];
  @Field(() => [ProposalPerson], {
    nullable: true,
    description:
      'For its proposer only (null for everyone else): the people taking part in the idea (proposer and co-designers) who have not taken a position yet.',
  })
  notYetVoted: ProposalPerson[] | null;
  @Field({ description: 'Whether the viewer may take or change a position now.' }) viewerCanTakePosition: boolean;
  @Field({ description: 'Whether the viewer may close it and write its outcome (its proposer).' })
  viewerCanClose: boolean;
}

@ObjectType({ description: 'The proposals of a thread, newest first.' })
export class ThreadProposals {
  @Field(() => ID) threadId: string;
  @Field({ description: 'Whether the viewer may open a proposal here.' }) viewerCanOpen: boolean;
  @Field(() => [Proposal]) nodes: Proposal[];
}
