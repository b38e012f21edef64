import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { PageArgs } from '../../platform/graphql/pagination';
import { ChangeIdeaStatus, PdsaAct, PdsaStage } from '../models/enums';

@InputType()
export class ChangeIdeaInput {
  @Field() title: string;
  @Field({ description: 'The problem it addresses, in Markdown.' }) problem: string;
  @Field({ description: 'The idea itself, in Markdown.' }) idea: string;
  @Field(() => [ID], { defaultValue: [], description: "Drivers of the network's driver diagram it should move." })
  driverIds: string[];
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: when the next decision is due.' }) nextDecisionOn?:
    string | null;
}

@InputType()
export class EditChangeIdeaInput extends ChangeIdeaInput {
  @Field(() => Int, { description: 'The version the editor saw; a newer one answers CONFLICT.' })
  expectedVersion: number;
}

@InputType({
  description:
    'A decision moving a change idea, proposed by the recording member. It is taken together: participantIds names everyone taking part, ' +
    'the recording member included; among them must be the proposer or a co-designer, and another person who is a site lead or network admin. ' +
    'No one decides alone, not even an admin: the idea moves only once every participant but the recorder has confirmed it.',
})
export class ChangeIdeaDecisionInput {
  @Field(() => Int, { description: 'The version the member saw; a newer one answers CONFLICT.' })
  expectedVersion: number;
  @Field(() => ChangeIdeaStatus) toStatus: ChangeIdeaStatus;
  @Field({ description: 'What is decided.' }) decision: string;
  @Field({ description: 'Why.' }) rationale: string;
  @Field(() => [ID], {
    description:
      'User ids of everyone taking part, the recording member included. Each of the others confirms or declines.',
  })
  participantIds: string[];
  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD: when the next decision is due, set when it takes effect.',
  })
  nextDecisionOn?: string | null;
  @Field(() => String, {
    nullable: true,
    defaultValue: '',
    description:
      'Required for a move to TESTING or ADOPTED while no patient partner or family member co-designs the idea or took a position on it: why it goes ahead without them.',
  })
  patientVoiceReason?: string | null;
  @Field(() => ID, {
    nullable: true,
    description:
      "A proposal in the idea's thread the decision rests on; one with a block standing cannot be the basis of ADOPTED.",
  })
  proposalId?: string | null;
}

@ArgsType()
export class ChangeIdeasArgs extends PageArgs {
  @Field(() => ID) networkId: string;
  @Field(() => [ChangeIdeaStatus], { nullable: true, description: 'Only ideas in these statuses.' }) statuses?:
    ChangeIdeaStatus[] | null;
  @Field(() => ID, { nullable: true, description: 'Only ideas linked to this driver.' }) driverId?: string | null;
}

@InputType({ isAbstract: true })
class PdsaCycleFields {
  @Field() title: string;
  @Field({ description: 'What will be tried, by whom, where and when.' }) plan: string;
  @Field({ description: 'What the team expects to happen. Required: a test without a prediction teaches nothing.' })
  prediction: string;
  @Field({ defaultValue: '' }) doNotes: string;
  @Field({ defaultValue: '', description: 'What happened compared with the prediction; required before the act.' })
  studyNotes: string;
  @Field(() => PdsaAct, { nullable: true }) act?: PdsaAct | null;
  @Field({ defaultValue: '' }) actNotes: string;
  @Field(() => PdsaStage, { defaultValue: 'PLAN' }) stage: PdsaStage;
  @Field({ description: 'YYYY-MM-DD.' }) startOn: string;
  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD, on or after startOn; required once the test is studied.',
  })
  endOn?: string | null;
  @Field(() => [ID], { defaultValue: [], description: 'Measures of the network it should move.' }) measureIds: string[];
}

@InputType()
export class PdsaCycleInput extends PdsaCycleFields {
  @Field(() => ID, { description: 'The site where the test runs.' }) siteId: string;
}

@InputType()
export class EditPdsaCycleInput extends PdsaCycleFields {
  @Field(() => Int, { description: 'The version the editor saw; a newer one answers CONFLICT.' })
  expectedVersion: number;
}
