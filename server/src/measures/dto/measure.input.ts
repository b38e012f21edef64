import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { ChartType, Direction, MeasureKind } from '../../platform/graphql/enums';

@InputType()
export class MeasureInput {
  @Field() key: string;
  @Field() name: string;
  @Field({ defaultValue: '' }) definition: string;
  @Field({ defaultValue: '' }) numeratorDefinition: string;
  @Field({ defaultValue: '' }) denominatorDefinition: string;
  @Field({ defaultValue: '' }) inclusions: string;
  @Field({ defaultValue: '' }) exclusions: string;
  @Field(() => MeasureKind) kind: MeasureKind;
  @Field(() => Direction) direction: Direction;
  @Field({ defaultValue: '' }) unit: string;
  @Field(() => Float, { nullable: true }) target?: number | null;
  @Field(() => ChartType) defaultChart: ChartType;
}

@InputType()
export class ReportEntryInput {
  @Field(() => ID) measureId: string;
  @Field(() => Int, { nullable: true }) numerator?: number | null;
  @Field(() => Int, { nullable: true }) denominator?: number | null;
  @Field(() => Float, { nullable: true }) value?: number | null;
  @Field(() => Int, { description: 'The version the form was loaded with (0 for a new report).' })
  expectedVersion: number;
}

@InputType()
export class SaveMonthReportInput {
  @Field(() => ID) networkId: string;
  @Field(() => ID) siteId: string;
  @Field() month: string;
  @Field({ description: 'Submit (true) or keep as a draft (false).' }) submit: boolean;
  @Field(() => String, { nullable: true, description: 'Required when changing a submitted report.' }) reason?:
    string | null;
  @Field(() => [ReportEntryInput]) entries: ReportEntryInput[];
}
