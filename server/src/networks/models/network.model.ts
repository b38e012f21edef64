import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A learning network: sites and members working toward a shared aim.' })
export class Network {
  @Field(() => ID) id: string;
  @Field() slug: string;
  @Field() name: string;
  @Field() description: string;
  @Field({ description: 'The month the network began, as YYYY-MM-DD.' }) startedOn: string;
  @Field(() => Int, { description: "Counts from 1 to this value are suppressed in other sites' numbers." })
  suppressionThreshold: number;
  @Field(() => Int, {
    description:
      "How many days a decision on a change idea waits for its participants' confirmations before it expires.",
  })
  decisionConfirmationDays: number;
}
