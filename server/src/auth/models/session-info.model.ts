import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A signed-in device of the viewer.' })
export class SessionInfo {
  @Field(() => ID) id: string;
  @Field() createdAt: Date;
  @Field() lastSeenAt: Date;
  @Field() expiresAt: Date;
  @Field() userAgent: string;
  @Field() ipAddress: string;
  @Field({ description: 'The session making this request.' }) current: boolean;
}
