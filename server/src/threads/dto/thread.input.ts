import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { THREAD_LIMITS } from '@commons/shared';

@InputType({
  description: 'A message for clients without a live connection; the live path is the socket.io event message:send.',
})
export class SendMessageInput {
  @Field(() => ID) threadId: string;
  @Field({
    description:
      'Chosen by the client (8-64 letters, digits, - or _), unique per member: a retry with it stores nothing new.',
  })
  clientId: string;
  @Field({ description: 'Markdown; mention a member with @[Name](user:<id>).' }) body: string;
  @Field(() => ID, { nullable: true, description: 'The top-level message this replies to.' }) parentId?: string | null;
}

@ArgsType()
export class MessagesArgs {
  @Field(() => String, {
    nullable: true,
    description: 'The beforeCursor of the newer page; the newest page without it.',
  })
  before?: string | null;

  @Field(() => Int, { defaultValue: THREAD_LIMITS.pageDefault, description: `Page size, 1-${THREAD_LIMITS.pageMax}.` })
  last: number = THREAD_LIMITS.pageDefault;
}
