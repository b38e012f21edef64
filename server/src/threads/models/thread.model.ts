import { THREAD_LIMITS } from '@commons/shared';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ThreadSubjectType } from '../../generated/prisma/enums';
import type { ThreadAccess } from '../threads.service';
import { FieldCost } from '../../platform/graphql/field-cost';

registerEnumType(ThreadSubjectType, {
  name: 'ThreadSubjectType',
  description: 'What a thread is about: a change idea, a resource, a working group or a site.',
});

export { ThreadSubjectType };

const MESSAGE_TEXT_COST = FieldCost.largeText(THREAD_LIMITS.bodyMax);

@ObjectType({ description: 'A member as a thread shows her.' })
export class ThreadPerson {
  @Field(() => ID) userId: string;
  @Field() name: string;
}

@ObjectType({
  description: 'One kind of reaction on a message: how many members put it there, and whether the viewer did.',
})
export class MessageReactionSummary {
  @Field() emoji: string;
  @Field(() => Int) count: number;
  @Field() viewerReacted: boolean;
  @Field(() => [ID], { description: 'Who reacted, first first.' }) userIds: string[];
}

@ObjectType({ description: 'A body a message had before an edit, kept as its history.' })
export class MessageRevision {
  @Field(() => ID) id: string;
  @Field({ description: 'The Markdown as it was.', complexity: MESSAGE_TEXT_COST }) body: string;
  @Field({ description: 'When an edit replaced it.' }) editedAt: Date;
}

@ObjectType({
  description:
    'A message in a thread, in Markdown. A deleted message stays as a tombstone: no text, the fact that it was there.',
})
export class Message {
  @Field(() => ID) id: string;
  @Field(() => ID) threadId: string;
  @Field({ description: 'Position in the thread, a growing decimal number (gaps are normal): the catch-up cursor.' })
  seq: string;
  @Field(() => ID, { nullable: true, description: 'The message this one replies to (replies go one level deep).' })
  parentId: string | null;
  @Field(() => ThreadPerson) author: ThreadPerson;
  @Field({ description: 'The Markdown as written; empty when deleted.', complexity: MESSAGE_TEXT_COST }) body: string;
  @Field({
    description: 'The body rendered from Markdown and sanitised (mentions as profile links): safe to insert as HTML.',
    // Rendered when the message is loaded, whatever is selected: here it only adds its bytes.
    complexity: MESSAGE_TEXT_COST,
  })
  bodyHtml: string;
  @Field({ description: 'The id the sending client chose, so it can match its pending message.' }) clientId: string;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) editedAt: Date | null;
  @Field(() => Date, { nullable: true }) deletedAt: Date | null;
  @Field() deleted: boolean;
  @Field(() => [MessageReactionSummary], { complexity: FieldCost.computedList }) reactions: MessageReactionSummary[];
  @Field(() => [Message], {
    description: 'Replies, oldest first (top-level messages of a page only; empty on replies).',
    // Most messages have none; a page of them is priced as if each had three.
    complexity: ({ childComplexity }) => 3 * childComplexity,
  })
  replies: Message[];
  @Field(() => Int, { description: 'How many replies it has.' }) replyCount: number;
  @Field() viewerCanEdit: boolean;
  @Field() viewerCanDelete: boolean;
}

@ObjectType({ description: 'A page of top-level messages, oldest first, with their replies.' })
export class MessagePage {
  @Field(() => [Message], { complexity: FieldCost.pageItems }) nodes: Message[];
  @Field({ description: 'Older messages come before these: ask again with `before: beforeCursor`.' }) hasMore: boolean;
  @Field(() => String, { nullable: true, description: 'The seq of the oldest message here.' }) beforeCursor:
    string | null;
}

@ObjectType({
  description:
    'The conversation about a change idea, resource, working group or site. Live events come over socket.io (see the README).',
})
export class Thread {
  @Field(() => ID) id: string;
  @Field(() => ID) networkId: string;
  @Field(() => ThreadSubjectType) subjectType: ThreadSubjectType;
  @Field(() => ID) subjectId: string;
  @Field({ description: 'The seq of the newest message ("0" when there is none).' }) lastMessageSeq: string;
  @Field(() => Date, { nullable: true }) lastMessageAt: Date | null;
  @Field({
    description: 'The viewer may post here (reading does not always mean posting: open groups, archived groups).',
  })
  viewerCanPost: boolean;
  @Field({ description: 'The viewer may delete messages others wrote here (moderation).' }) viewerCanModerate: boolean;
  access: ThreadAccess;
}

@ObjectType({ description: "The viewer's read marker of a thread and how many messages of others follow it." })
export class ThreadReadState {
  @Field(() => ID) threadId: string;
  @Field(() => ID) networkId: string;
  @Field({ description: 'The seq of the last message read ("0" when none).' }) lastReadSeq: string;
  @Field(() => Int) unread: number;
}

@ObjectType({ description: 'A thread the viewer follows, with its unread count.' })
export class UnreadThread {
  @Field(() => Thread) thread: Thread;
  @Field(() => Int) unread: number;
  @Field() lastReadSeq: string;
}

@ObjectType({
  description:
    'The threads the viewer follows (she posted or read there) with unread messages, for the badge in the navigation.',
})
export class UnreadThreads {
  @Field(() => Int) totalUnread: number;
  @Field(() => [UnreadThread], { description: 'Most recent activity first.' }) threads: UnreadThread[];
}

@ObjectType({ description: "A message's reactions after the viewer toggled one." })
export class ReactionToggleResult {
  @Field(() => ID) messageId: string;
  @Field() seq: string;
  @Field({ description: "The viewer's reaction is now there." }) reacted: boolean;
  @Field(() => [MessageReactionSummary]) reactions: MessageReactionSummary[];
}
