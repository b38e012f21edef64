import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';

@InputType()
export class AimInput {
  @Field() statement: string;
  @Field(() => ID, { nullable: true }) outcomeMeasureId?: string | null;
  @Field(() => Float) baselineValue: number;
  @Field() baselineFrom: string;
  @Field() baselineTo: string;
  @Field(() => Float) targetValue: number;
  @Field({ description: 'YYYY-MM-DD.' }) dueDate: string;
}

@InputType()
export class DriverInput {
  @Field(() => ID, {
    nullable: true,
    description: 'The primary driver a secondary driver belongs to; null for a primary driver.',
  })
  parentId?: string | null;
  @Field() title: string;
  @Field({ defaultValue: '' }) description: string;
  @Field(() => Int, { nullable: true }) position?: number | null;
}
