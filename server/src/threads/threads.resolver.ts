import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  can,
  matches,
  messageBodySchema,
  messageSendSchema,
  type ReactionPayload,
  reactionToggleSchema,
  THREAD_LIMITS,
  threadReadSchema,
} from '@commons/shared';
import { z } from 'zod';
import { Ctx, CurrentViewer } from '../platform/auth/current-viewer.decorator';
import type { Viewer } from '../platform/auth/viewer';
import { parseInput } from '../platform/graphql/app-error';
import type { RequestContext } from '../platform/graphql/request-context';
import { MessagesArgs, SendMessageInput } from './dto/thread.input';
import type { MessageView } from './message-view';
import { ThreadLoaders } from './thread.loaders';
import {
  Message,
  MessagePage,
  MessageReactionSummary,
  MessageRevision,
  ReactionToggleResult,
  Thread,
  ThreadReadState,
  ThreadSubjectType,
  UnreadThreads,
} from './models/thread.model';
import { type ThreadAccess, ThreadsService, type ThreadView } from './threads.service';
import { FieldCost } from '../platform/graphql/field-cost';

const pageSchema = z.object({
  before: z
    .string()
    .refine(...matches(/^\d{1,19}$/, 'cursor'))
    .nullish(),
  last: z.number().int().min(1).max(THREAD_LIMITS.pageMax),
});

function reactionsFor(reactions: ReactionPayload[], viewerId: string): MessageReactionSummary[] {
  return reactions.map((r) => ({
    emoji: r.emoji,
    count: r.count,
    userIds: r.userIds,
    viewerReacted: r.userIds.includes(viewerId),
  }));
}

/** The GraphQL shape of a message, with what the viewer may do to it. */
function toMessage(view: MessageView, access: ThreadAccess, replies: Message[] = [], replyCount = 0): Message {
  const scope = { thread: access.facts, authorId: view.authorId };
  return {
    ...view,
    createdAt: new Date(view.createdAt),
    editedAt: view.editedAt ? new Date(view.editedAt) : null,
    deletedAt: view.deletedAt ? new Date(view.deletedAt) : null,
    reactions: reactionsFor(view.reactions, access.actor.userId),
    replies,
    replyCount,
    viewerCanEdit: !view.deleted && can(access.actor, 'message.edit', scope),
    viewerCanDelete: !view.deleted && can(access.actor, 'message.delete', scope),
  };
}

const toThread = (view: ThreadView, access: ThreadAccess): Thread => ({ ...view, access });

@Resolver(() => Thread)
export class ThreadsResolver {
  private readonly readStates = new WeakMap<ThreadAccess, Promise<{ lastReadSeq: string; unread: number }>>();

  constructor(private readonly service: ThreadsService) {}

  @Query(() => Thread, {
    description: 'The thread about a subject, created on first use, when the viewer may read it.',
  })
  async thread(
    @CurrentViewer() viewer: Viewer,
    @Args('subjectType', { type: () => ThreadSubjectType }) subjectType: ThreadSubjectType,
    @Args('subjectId', { type: () => ID }) subjectId: string,
  ): Promise<Thread> {
    const { view, access } = await this.service.forSubject(viewer, subjectType, subjectId);
    return toThread(view, access);
  }

  @Query(() => UnreadThreads, {
    description:
      'Threads of the network the viewer follows with unread messages, and their total (the navigation badge).',
  })
  async unreadThreads(
    @CurrentViewer() viewer: Viewer,
    @Args('networkId', { type: () => ID }) networkId: string,
  ): Promise<UnreadThreads> {
    const { totalUnread, threads } = await this.service.unreadThreads(viewer, networkId);
    return {
      totalUnread,
      threads: threads.map((t) => ({
        thread: toThread(t.thread, t.access),
        unread: t.unread,
        lastReadSeq: t.lastReadSeq,
      })),
    };
  }

  @ResolveField(() => MessagePage, {
    description: 'Top-level messages, newest page first (each page oldest first), with their replies.',
    complexity: FieldCost.paged(0, 1, 'last', THREAD_LIMITS.pageDefault),
  })
  async messages(@Parent() thread: Thread, @Args() args: MessagesArgs): Promise<MessagePage> {
    const { before, last } = parseInput(pageSchema, { before: args.before, last: args.last }, '');
    const page = await this.service.topLevelPage(thread.access, before ? BigInt(before) : null, last);
    const replies = await this.service.replies(
      thread.access,
      page.messages.map((m) => m.id),
    );
    const nodes = page.messages.map((view) => {
      const entry = replies.get(view.id)!;
      return toMessage(
        view,
        thread.access,
        entry.replies.map((reply) => toMessage(reply, thread.access)),
        entry.count,
      );
    });
    return { nodes, hasMore: page.hasMore, beforeCursor: nodes[0]?.seq ?? null };
  }

  @ResolveField(() => String, { description: 'The seq of the last message the viewer has read ("0" when none).' })
  async lastReadSeq(@Parent() thread: Thread) {
    return (await this.readState(thread.access)).lastReadSeq;
  }

  @ResolveField(() => Int, { description: "Messages of others after the viewer's read marker (deleted ones apart)." })
  async unreadCount(@Parent() thread: Thread) {
    return (await this.readState(thread.access)).unread;
  }

  private readState(access: ThreadAccess) {
    let state = this.readStates.get(access);
    if (!state) {
      state = this.service.readState(access);
      this.readStates.set(access, state);
    }
    return state;
  }

  @Mutation(() => Message, {
    description:
      'Posts a message (for clients without a live connection); a retry with the same clientId returns the stored message.',
  })
  async sendMessage(@CurrentViewer() viewer: Viewer, @Args('input') input: SendMessageInput): Promise<Message> {
    const data = parseInput(messageSendSchema, input, 'input');
    const { message, access } = await this.service.send(viewer, data);
    return toMessage(message, access);
  }

  @Mutation(() => Message, { description: "Edits the viewer's own message; the previous body is kept in its history." })
  async editMessage(
    @CurrentViewer() viewer: Viewer,
    @Args('messageId', { type: () => ID }) messageId: string,
    @Args('body') body: string,
  ): Promise<Message> {
    const data = parseInput(z.object({ body: messageBodySchema }), { body }, '');
    const { message, access } = await this.service.edit(viewer, messageId, data.body);
    return toMessage(message, access);
  }

  @Mutation(() => Message, {
    description:
      'Deletes a message (its author, or an admin), leaving a tombstone: the text and its history are gone, the fact stays.',
  })
  async deleteMessage(
    @CurrentViewer() viewer: Viewer,
    @Args('messageId', { type: () => ID }) messageId: string,
  ): Promise<Message> {
    const { message, access } = await this.service.delete(viewer, messageId);
    return toMessage(message, access);
  }

  @Mutation(() => ReactionToggleResult, { description: "Puts the viewer's reaction on a message, or takes it off." })
  async toggleReaction(
    @CurrentViewer() viewer: Viewer,
    @Args('messageId', { type: () => ID }) messageId: string,
    @Args('emoji') emoji: string,
  ): Promise<ReactionToggleResult> {
    const data = parseInput(reactionToggleSchema, { messageId, emoji }, '');
    const result = await this.service.toggleReaction(viewer, data.messageId, data.emoji);
    return {
      messageId: result.messageId,
      seq: result.seq,
      reacted: result.reacted,
      reactions: reactionsFor(result.reactions, viewer.userId),
    };
  }

  @Mutation(() => ThreadReadState, {
    description: "Moves the viewer's read marker forward to seq (never back, never past the newest message).",
  })
  markThreadRead(
    @CurrentViewer() viewer: Viewer,
    @Args('threadId', { type: () => ID }) threadId: string,
    @Args('seq') seq: string,
  ): Promise<ThreadReadState> {
    const data = parseInput(threadReadSchema, { threadId, seq }, '');
    return this.service.markRead(viewer, data.threadId, data.seq);
  }
}

@Resolver(() => Message)
export class MessageFieldsResolver {
  constructor(private readonly loaders: ThreadLoaders) {}

  @ResolveField(() => [MessageRevision], {
    description: 'Earlier bodies, oldest first: the edit history (none once deleted).',
  })
  revisions(@Parent() message: Message, @Ctx() ctx: RequestContext) {
    return this.loaders.of(ctx).revisions.load(message.id);
  }
}
