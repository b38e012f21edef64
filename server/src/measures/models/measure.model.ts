import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ChartType, Direction, MeasureKind } from '../../platform/graphql/enums';

@ObjectType({ description: 'A measure every site reports monthly, with its operational definition.' })
export class Measure {
  @Field(() => ID) id: string;
  @Field() key: string;
  @Field() name: string;
  @Field({ description: 'What the measure means, in plain words.' }) definition: string;
  @Field() numeratorDefinition: string;
  @Field() denominatorDefinition: string;
  @Field() inclusions: string;
  @Field() exclusions: string;
  @Field(() => MeasureKind) kind: MeasureKind;
  @Field(() => Direction) direction: Direction;
  @Field() unit: string;
  @Field(() => Float, { nullable: true }) target: number | null;
  @Field(() => ChartType) defaultChart: ChartType;
  @Field(() => Int) position: number;
}
