import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Measure } from '../../measures/models/measure.model';
import { Site } from '../../networks/models/site.model';
import { DriverKind } from '../../platform/graphql/enums';

@ObjectType({ description: "Where a site or the network stands on the aim's outcome measure." })
export class AimProgress {
  @Field(() => Site, { nullable: true, description: 'Null for the whole network.' }) site: Site | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Pooled over the latest months; null when suppressed or not reported.',
  })
  value: number | null;
  @Field(() => String, { nullable: true }) fromMonth: string | null;
  @Field(() => String, { nullable: true }) toMonth: string | null;
  @Field({ description: 'True when the value is withheld to protect small numbers.' }) suppressed: boolean;
}

@ObjectType({ description: "The network's shared aim." })
export class Aim {
  @Field(() => ID) id: string;
  @Field() statement: string;
  @Field(() => Measure, { nullable: true }) outcomeMeasure: Measure | null;
  @Field(() => Float) baselineValue: number;
  @Field() baselineFrom: string;
  @Field() baselineTo: string;
  @Field(() => Float) targetValue: number;
  @Field({ description: 'YYYY-MM-DD.' }) dueDate: string;
  @Field(() => AimProgress, { description: "The network's current value (latest 3 reported months pooled)." })
  current: AimProgress;
  @Field(() => [AimProgress]) sites: AimProgress[];
}

@ObjectType({ description: 'A node of the key driver diagram: a primary driver, or a secondary driver under one.' })
export class Driver {
  @Field(() => ID) id: string;
  @Field(() => ID, { nullable: true }) parentId: string | null;
  @Field(() => DriverKind) kind: DriverKind;
  @Field() title: string;
  @Field() description: string;
  @Field(() => Int) position: number;
}
