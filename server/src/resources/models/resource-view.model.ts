import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

/**
 * What counting a view changes: the resource's count, and nothing else. Not the resource itself: a
 * client's document cache (urql's) drops every answer that holds a resource when a mutation answers
 * with one, and the page the member is reading would be asked for again.
 */
@ObjectType({ description: 'A view of a resource, counted.' })
export class ResourceView {
  @Field(() => ID) resourceId: string;
  @Field(() => Int, { description: 'Members who opened it, counted once per member and day.' }) viewCount: number;
}
