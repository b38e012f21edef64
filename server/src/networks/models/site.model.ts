import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A care centre of a network.' })
export class Site {
  @Field(() => ID) id: string;
  @Field() slug: string;
  @Field() name: string;
  @Field() city: string;
}
