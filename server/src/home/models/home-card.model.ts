import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ChangeIdea } from '../../change-ideas/models/change-idea.model';
import { ChangeIdeaStatus } from '../../change-ideas/models/enums';
import { PdsaCycle } from '../../change-ideas/models/pdsa-cycle.model';

export enum NextDecisionBasis {
  AGREED_DATE = 'AGREED_DATE',
  PDSA_CYCLE_END = 'PDSA_CYCLE_END',
  UNSCHEDULED = 'UNSCHEDULED',
}

registerEnumType(NextDecisionBasis, {
  name: 'NextDecisionBasis',
  description:
    'AGREED_DATE: the date the co-designers set. PDSA_CYCLE_END: a PDSA cycle not yet acted on ends then. UNSCHEDULED: in progress, no date yet.',
});

@ObjectType({
  description:
    'The next decision due on a change idea: the earliest of the date its co-designers agreed and, while it is TESTING, ' +
    'the end of each PDSA cycle not yet acted on. A concluded idea has none unless a date was agreed to take it up again.',
})
export class NextDecision {
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null when UNSCHEDULED.' }) dueOn: string | null;
  @Field(() => NextDecisionBasis) basis: NextDecisionBasis;
  @Field(() => PdsaCycle, { nullable: true, description: 'The cycle whose end makes it due (PDSA_CYCLE_END).' })
  cycle: PdsaCycle | null;
  @Field({ description: 'Due before today (UTC).' }) overdue: boolean;
  @Field(() => [ChangeIdeaStatus], { description: 'What the decision may move the idea to.' })
  options: ChangeIdeaStatus[];
}

@ObjectType({ description: 'A home card for a change idea the viewer co-designs or endorsed.' })
export class MyChangeIdea {
  @Field(() => ChangeIdea) idea: ChangeIdea;
  @Field({ description: 'She proposed it.' }) proposed: boolean;
  @Field({ description: 'She co-designs it (the proposer does).' }) coDesigning: boolean;
  @Field({ description: 'She endorsed it.' }) endorsed: boolean;
  @Field(() => Int, {
    description: 'Messages by others in its thread after her read marker (0 when it has no thread yet).',
  })
  unreadMessages: number;
  @Field(() => NextDecision, { nullable: true }) nextDecision: NextDecision | null;
}

@ObjectType({ description: "A home card for a change idea being tested at the viewer's site." })
export class SiteTestingIdea {
  @Field(() => ChangeIdea) idea: ChangeIdea;
  @Field(() => [PdsaCycle], { description: "Its PDSA cycles at the viewer's site, newest first." }) cycles: PdsaCycle[];
  @Field(() => NextDecision, { nullable: true }) nextDecision: NextDecision | null;
}
