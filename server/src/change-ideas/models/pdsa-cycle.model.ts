import { CHANGE_IDEA_LIMITS } from '@commons/shared';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { FieldCost } from '../../platform/graphql/field-cost';
import { ChangeIdeaStatus, PdsaAct, PdsaStage } from './enums';

const PDSA_TEXT_COST = FieldCost.largeText(CHANGE_IDEA_LIMITS.pdsaTextMax);

@ObjectType({ description: 'A Plan-Do-Study-Act cycle testing a change idea at one site.' })
export class PdsaCycle {
  @Field(() => ID) id: string;
  @Field(() => ID) ideaId: string;
  @Field(() => Int, { description: "The idea's cycle number at this site: 1, 2, …" }) number: number;
  @Field() title: string;
  @Field({ description: 'What will be tried, by whom, where and when.', complexity: PDSA_TEXT_COST }) plan: string;
  @Field({ description: 'What the team expects to happen, written before the test.', complexity: PDSA_TEXT_COST })
  prediction: string;
  @Field({ description: 'What was done, and anything unplanned.', complexity: PDSA_TEXT_COST }) doNotes: string;
  @Field({ description: 'What happened, compared with the prediction.', complexity: PDSA_TEXT_COST })
  studyNotes: string;
  @Field(() => PdsaAct, { nullable: true }) act: PdsaAct | null;
  @Field({ complexity: PDSA_TEXT_COST }) actNotes: string;
  @Field(() => PdsaStage) stage: PdsaStage;
  @Field({ description: 'YYYY-MM-DD.' }) startOn: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' }) endOn: string | null;
  @Field(() => Int, { description: 'Send it back as expectedVersion when editing.' }) version: number;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
  networkId: string;
  siteId: string;
  measureIds: string[];
  createdById: string;
  updatedById: string;
}

@ObjectType({
  description: 'A PDSA cycle as a chart draws it: a span over its dates at its site, labelled with the idea.',
})
export class PdsaAnnotation {
  @Field(() => ID) cycleId: string;
  @Field(() => ID) ideaId: string;
  @Field() ideaTitle: string;
  @Field(() => ChangeIdeaStatus) ideaStatus: ChangeIdeaStatus;
  @Field(() => ID) siteId: string;
  @Field(() => Int) number: number;
  @Field() title: string;
  @Field(() => PdsaStage) stage: PdsaStage;
  @Field(() => PdsaAct, { nullable: true }) act: PdsaAct | null;
  @Field({ description: 'YYYY-MM-DD.' }) startOn: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null while the test runs.' }) endOn: string | null;
  @Field({ description: 'YYYY-MM: the month the cycle starts, as charts key their points.' }) startMonth: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM.' }) endMonth: string | null;
  @Field(() => [ID], { description: 'The measures it should move.' }) measureIds: string[];
}
