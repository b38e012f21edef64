import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import {
  type Actor,
  can,
  cutText,
  mentionedUserIds,
  mentionsToText,
  type ReactionsPayload,
  type ServerEventName,
  type ServerEventPayloads,
  THREAD_LIMITS,
  type ThreadAction,
  type ThreadSubjectFacts,
  type ThreadSubjectType,
} from '@commons/shared';
import { Prisma } from '../generated/prisma/client';
import { NotificationsService } from '../notifications/notifications.service';
import { AccessService } from '../platform/auth/access.service';
import type { Viewer } from '../platform/auth/viewer';
import { conflict, forbidden, invalid, notFound, requireId } from '../platform/graphql/app-error';
import { markdownText } from '../platform/markdown/markdown';
import { type MessageView, reactionsByMessage, toMessageView } from './message-view';
import { MessageRateLimiter } from './message-rate-limiter';
import { ThreadLiveService } from './thread-live.service';
import {
  type MemberFactsRow,
  type MessageRow,
  type SubjectFactsRow,
  ThreadRepository,
  type ThreadAccessRow,
} from './thread.repository';

/** A thread the viewer may act in, as the policy saw it a moment ago. */
export interface ThreadAccess {
  row: ThreadAccessRow & { sentMessageId?: string | null };
  actor: Actor;
  facts: ThreadSubjectFacts;
}

export interface ThreadView {
  id: string;
  networkId: string;
  subjectType: ThreadSubjectType;
  subjectId: string;
  lastMessageSeq: string;
  lastMessageAt: Date | null;
  viewerCanPost: boolean;
  viewerCanModerate: boolean;
}

export interface MessagePage {
  /** Oldest first. */
  messages: MessageView[];
  /** Older messages exist before the first of these. */
  hasMore: boolean;
}

/** Where a live event came from, so the sender's own socket is not sent it again. */
export interface EventOrigin {
  socketId?: string;
}

export interface SendInput {
  threadId: string;
  clientId: string;
  body: string;
  parentId?: string | null;
}

const EXCERPT_LENGTH = 140;
const CLOCK_MARGIN_MS = 5000;
// How often each process rechecks that the members in its thread rooms may still read them.
const ACCESS_SWEEP_MS = 60_000;

/** The policy's facts about a thread's subject, for a member who is (or is not) in its group. */
function subjectFacts(
  type: ThreadSubjectType,
  subjectId: string,
  subject: SubjectFactsRow,
  groupMember: boolean,
): ThreadSubjectFacts {
  switch (type) {
    case 'CHANGE_IDEA':
      return { type };
    case 'RESOURCE':
      return { type, hidden: subject.resourceHidden ?? false, authorId: subject.resourceAuthorId ?? '' };
    case 'SITE':
      return { type, siteId: subjectId };
    case 'GROUP':
      return {
        type,
        visibility: subject.groupVisibility ?? 'INVITE_ONLY',
        isMember: groupMember,
        archived: subject.groupArchived ?? false,
      };
  }
}

function excerpt(body: string): string {
  const text = markdownText(mentionsToText(body)).replace(/\s+/g, ' ').trim();
  return text.length > EXCERPT_LENGTH ? `${cutText(text, EXCERPT_LENGTH - 1)}…` : text;
}

/** A unique constraint refused a write: P2002 from model queries, P2010 with SQLSTATE 23505 from raw ones. */
const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError &&
  (error.code === 'P2002' || (error.code === 'P2010' && error.message.includes('23505')));

/**
 * Threads on change ideas, resources, groups and sites: who may read and post follows the
 * subject (the policy's thread rules, checked afresh on every request and live event). A message
 * is stored, with its mentions and notifications, in one transaction that takes the thread's row
 * lock first; only after it commits is it sent to the thread's sockets.
 */
@Injectable()
export class ThreadsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ThreadsService.name);
  private sweepTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly threads: ThreadRepository,
    private readonly access: AccessService,
    private readonly notifications: NotificationsService,
    private readonly limiter: MessageRateLimiter,
    private readonly live: ThreadLiveService,
  ) {
    this.live.useFollowers((threadId) => this.readingFollowers(threadId));
  }

  /** The subject's thread (created on first use) when the viewer may read it. */
  async forSubject(
    viewer: Viewer,
    subjectType: ThreadSubjectType,
    subjectId: string,
  ): Promise<{ view: ThreadView; access: ThreadAccess }> {
    requireId(subjectId, 'subjectId');
    const subject = await this.threads.subject(subjectType, subjectId);
    if (!subject?.networkId) throw notFound('Thread subject');
    const actor = await this.access.actorIn(viewer, subject.networkId);
    if (!actor) throw notFound('Thread subject');
    const groupMember = subjectType === 'GROUP' && (await this.threads.isActiveGroupMember(subjectId, viewer.userId));
    // A hidden resource is not revealed to those who may not see it, as in the commons.
    if (!can(actor, 'thread.read', { thread: subjectFacts(subjectType, subjectId, subject, groupMember) })) {
      throw subjectType === 'RESOURCE' ? notFound('Thread subject') : forbidden('read this thread');
    }
    const thread = await this.threads.ensure(subject.networkId, subjectType, subjectId);
    const access = await this.authorise(viewer, thread.id);
    return { view: this.toThreadView(access), access };
  }

  /**
   * The thread when the viewer may perform `action` in it (as the policy decides now). Not being
   * an active member of its network is NOT_FOUND; a member without the right gets FORBIDDEN.
   */
  async authorise(
    viewer: Viewer,
    threadId: string,
    action: ThreadAction = 'thread.read',
    field = 'threadId',
    clientId: string | null = null,
  ): Promise<ThreadAccess> {
    const row = await this.threads.access(requireId(threadId, field), viewer.userId, clientId);
    if (!row || !row.exists || !row.memberActive || !row.role) throw notFound('Thread');
    const actor: Actor = { userId: viewer.userId, role: row.role, siteId: row.memberSiteId, active: true };
    const facts = subjectFacts(row.subjectType, row.subjectId, row, row.groupMemberActive);
    if (!can(actor, 'thread.read', { thread: facts }))
      throw row.subjectType === 'RESOURCE' ? notFound('Thread') : forbidden('read this thread');
    if (action !== 'thread.read' && !can(actor, action, { thread: facts }))
      throw forbidden(action === 'thread.post' ? 'post in this thread' : `perform ${action}`);
    return { row, actor, facts };
  }

  toThreadView(access: ThreadAccess): ThreadView {
    return {
      id: access.row.id,
      networkId: access.row.networkId,
      subjectType: access.row.subjectType,
      subjectId: access.row.subjectId,
      lastMessageSeq: access.row.lastMessageSeq.toString(),
      lastMessageAt: access.row.lastMessageAt,
      viewerCanPost: can(access.actor, 'thread.post', { thread: access.facts }),
      // Deleting a message someone else wrote (any author but the viewer) is moderation.
      viewerCanModerate: can(access.actor, 'message.delete', { thread: access.facts, authorId: '' }),
    };
  }

  /** Views of `rows` with their reactions and mentions (three queries whatever their number). */
  async views(rows: MessageRow[], networkSlug: string): Promise<MessageView[]> {
    const ids = rows.map((row) => row.id);
    const [reactions, mentionNames] = await Promise.all([this.threads.reactions(ids), this.threads.mentionNames(ids)]);
    const context = { reactions: reactionsByMessage(reactions), mentionNames, networkSlug };
    return rows.map((row) => toMessageView(row, context));
  }

  private async view(row: MessageRow, networkSlug: string): Promise<MessageView> {
    return (await this.views([row], networkSlug))[0];
  }

  /** A page of top-level messages before `beforeSeq` (the newest when null), oldest first. */
  async topLevelPage(access: ThreadAccess, beforeSeq: bigint | null, size: number): Promise<MessagePage> {
    const rows = await this.threads.topLevelBefore(access.row.id, beforeSeq, size + 1);
    const page = rows.slice(0, size).reverse();
    return { messages: await this.views(page, access.row.networkSlug), hasMore: rows.length > size };
  }

  /** The replies to each of `parentIds` (oldest first, at most THREAD_LIMITS.repliesPerMessage each). */
  async replies(
    access: ThreadAccess,
    parentIds: string[],
  ): Promise<Map<string, { replies: MessageView[]; count: number }>> {
    const rows = await this.threads.repliesTo(parentIds);
    const views = await this.views(rows, access.row.networkSlug);
    const result = new Map<string, { replies: MessageView[]; count: number }>(
      parentIds.map((id) => [id, { replies: [], count: 0 }]),
    );
    for (const view of views) {
      const entry = result.get(view.parentId!)!;
      entry.count += 1;
      if (entry.replies.length < THREAD_LIMITS.repliesPerMessage) entry.replies.push(view);
    }
    return result;
  }

  /**
   * What a client missed: messages after `afterSeq` (replies included), oldest first, at most
   * `limit`. Without `afterSeq`, the newest `limit` messages. Read from the database, so it holds
   * whichever process the client was connected to and whatever happened to it.
   */
  async catchUp(access: ThreadAccess, afterSeq: string | null, limit: number): Promise<MessagePage> {
    if (afterSeq === null) {
      const rows = await this.threads.newest(access.row.id, limit + 1);
      return {
        messages: await this.views(rows.slice(0, limit).reverse(), access.row.networkSlug),
        hasMore: rows.length > limit,
      };
    }
    const rows = await this.threads.after(access.row.id, BigInt(afterSeq), limit + 1);
    return { messages: await this.views(rows.slice(0, limit), access.row.networkSlug), hasMore: rows.length > limit };
  }

  /**
   * Messages up to `uptoSeq` edited or deleted since `since`, less a margin for clocks that
   * differ between processes (an update seen twice only replaces itself).
   */
  async changedSince(access: ThreadAccess, uptoSeq: string, since: string, limit: number): Promise<MessageView[]> {
    const from = new Date(new Date(since).getTime() - CLOCK_MARGIN_MS);
    return this.views(
      await this.threads.changedSince(access.row.id, BigInt(uptoSeq), from, limit),
      access.row.networkSlug,
    );
  }

  /** Sends `event` to every socket in the thread of a subject (the pages showing it), on every node; nothing when it has no thread yet. */
  async tellViewers<E extends ServerEventName>(
    subjectType: ThreadSubjectType,
    subjectId: string,
    event: E,
    payload: ServerEventPayloads[E],
  ): Promise<void> {
    const thread = await this.threads.findBySubject(subjectType, subjectId);
    if (thread) this.live.toThread(thread.id, event, payload);
  }

  /**
   * Takes out of the subject's thread room, on every process, each socket whose member may no
   * longer read it, and tells her so. Capabilities call it after changing who may read (a member
   * leaving or removed from a group, a resource hidden); a sweep also runs it on each process.
   */
  async recheckLiveAccess(subjectType: ThreadSubjectType, subjectId: string): Promise<number> {
    const thread = await this.threads.findBySubject(subjectType, subjectId);
    return thread ? this.recheckRoom(thread.id, false) : 0;
  }

  private async recheckRoom(threadId: string, localOnly: boolean): Promise<number> {
    const sockets = await this.live.socketsOf(threadId, localOnly);
    const userIds = [...new Set(sockets.map((s) => s.userId))];
    if (userIds.length === 0) return 0;
    const thread = await this.threads.access(threadId, userIds[0]);
    let allowed = new Set<string>();
    if (thread?.exists) {
      const groupId = thread.subjectType === 'GROUP' ? thread.subjectId : null;
      allowed = new Set(
        this.readers(thread, await this.threads.members(thread.networkId, userIds, groupId)).map((m) => m.userId),
      );
    }
    const gone = sockets.filter((s) => !allowed.has(s.userId));
    this.live.revoke(
      threadId,
      gone.map((s) => s.socket),
    );
    return gone.length;
  }

  /** Rechecks the thread rooms of this process's sockets (a backstop for changes nobody reported). */
  private async sweep() {
    for (const threadId of this.live.localThreadIds()) {
      await this.recheckRoom(threadId, true).catch((error: Error) =>
        this.logger.warn(`access sweep of thread ${threadId}: ${error.message}`),
      );
    }
  }

  onModuleInit() {
    this.sweepTimer = setInterval(() => void this.sweep(), ACCESS_SWEEP_MS);
    this.sweepTimer.unref();
  }

  onModuleDestroy() {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
  }

  /**
   * Stores a message and sends it to the thread. A retry with a clientId already used returns
   * the stored message and stores nothing. Mentions of members who may read the thread become
   * mention rows and MENTION notifications; the author of the message replied to gets REPLY.
   */
  async send(
    viewer: Viewer,
    input: SendInput,
    origin: EventOrigin = {},
  ): Promise<{ message: MessageView; created: boolean; access: ThreadAccess }> {
    const access = await this.authorise(viewer, input.threadId, 'thread.post', 'threadId', input.clientId);
    const existing = access.row.sentMessageId ? await this.threads.byClientId(viewer.userId, input.clientId) : null;
    if (existing) return { message: await this.sameMessage(existing, input, access), created: false, access };

    const parent = input.parentId ? await this.threads.message(input.parentId) : null;
    if (input.parentId) {
      if (!parent || parent.threadId !== access.row.id) throw invalid('parentId', 'not_in_thread', { kind: 'message' });
      if (parent.parentId) throw invalid('parentId', 'reply_to_reply');
      if (parent.deletedAt) throw invalid('parentId', 'deleted');
    }
    await this.limiter.consume(viewer.userId);

    const mentioned = await this.readersAmong(
      access.row,
      mentionedUserIds(input.body).filter((id) => id !== viewer.userId),
    );
    const replyTo =
      parent && parent.authorId !== viewer.userId && !mentioned.some((m) => m.userId === parent.authorId)
        ? await this.readersAmong(access.row, [parent.authorId])
        : [];
    const data = {
      threadId: access.row.id,
      authorId: viewer.userId,
      authorName: access.row.memberName ?? '',
      parentId: parent?.id ?? null,
      body: input.body,
      clientId: input.clientId,
      at: new Date(),
    };
    let stored: { row: MessageRow; prevSeq: bigint };
    try {
      // Most messages notify no one and commit in one statement; mentions and replies add their rows in the same transaction.
      stored =
        mentioned.length === 0 && replyTo.length === 0
          ? await this.threads.insertMessage(data)
          : await this.threads.transaction(async (db) => {
              const created = await this.threads.insertMessage(data, db);
              await this.threads.addMentions(
                db,
                created.row.id,
                mentioned.map((m) => m.userId),
              );
              await this.notifyAbout(
                db,
                access,
                created.row,
                mentioned.map((m) => m.userId),
                replyTo.map((m) => m.userId),
              );
              return created;
            });
    } catch (error) {
      // The same send arrived twice at once (a retry racing the original): answer with the winner.
      if (!isUniqueViolation(error)) throw error;
      const winner = await this.threads.byClientId(viewer.userId, input.clientId);
      if (!winner) throw error;
      return { message: await this.sameMessage(winner, input, access), created: false, access };
    }
    const mentionNames = new Map([[stored.row.id, new Map(mentioned.map((m) => [m.userId, m.name]))]]);
    const message = toMessageView(stored.row, {
      reactions: new Map(),
      mentionNames,
      networkSlug: access.row.networkSlug,
    });
    this.live.messageCreated(message, stored.prevSeq.toString(), access.row.networkId, origin.socketId);
    return { message, created: true, access };
  }

  private async sameMessage(existing: MessageRow, input: SendInput, access: ThreadAccess): Promise<MessageView> {
    if (existing.threadId !== access.row.id)
      throw conflict('client_id_reused', 'This clientId was already used for a message in another thread.', {
        field: 'clientId',
      });
    return this.view(existing, access.row.networkSlug);
  }

  private async notifyAbout(
    db: Prisma.TransactionClient,
    access: ThreadAccess,
    row: MessageRow,
    mentioned: string[],
    replyTo: string[],
  ) {
    const payload = {
      threadId: access.row.id,
      threadSubjectType: access.row.subjectType,
      threadSubjectId: access.row.subjectId,
      subjectTitle: access.row.subjectTitle ?? '',
      messageId: row.id,
      seq: row.seq.toString(),
      actorName: row.author.name,
      excerpt: excerpt(row.body),
    };
    const common = {
      networkId: access.row.networkId,
      subjectType: 'MESSAGE' as const,
      subjectId: row.id,
      actorId: row.authorId,
      payload,
    };
    await this.notifications.notify(db, { ...common, kind: 'MENTION', recipients: mentioned });
    await this.notifications.notify(db, { ...common, kind: 'REPLY', recipients: replyTo });
  }

  /** Those among `userIds` who are active members of the thread's network and may read it. */
  private async readersAmong(thread: ThreadAccessRow, userIds: string[]): Promise<{ userId: string; name: string }[]> {
    if (userIds.length === 0) return [];
    const groupId = thread.subjectType === 'GROUP' ? thread.subjectId : null;
    return this.readers(thread, await this.threads.members(thread.networkId, userIds, groupId));
  }

  private readers<M extends MemberFactsRow>(thread: ThreadAccessRow, members: M[]): M[] {
    return members.filter((m) => {
      const actor: Actor = { userId: m.userId, role: m.role, siteId: m.siteId, active: true };
      return can(actor, 'thread.read', {
        thread: subjectFacts(thread.subjectType, thread.subjectId, thread, m.groupMemberActive),
      });
    });
  }

  /** Members who follow a thread (have a read marker) and may still read it. */
  private async readingFollowers(threadId: string): Promise<string[]> {
    const found = await this.threads.followers(threadId);
    if (!found?.thread.exists) return [];
    return this.readers(found.thread, found.followers).map((m) => m.userId);
  }

  /** The message `messageId` with its thread, when the viewer may perform `action` on it. */
  private async messageFor(viewer: Viewer, messageId: string, action: ThreadAction) {
    const row = await this.threads.message(requireId(messageId, 'messageId'));
    if (!row) throw notFound('Message');
    const access = await this.authorise(viewer, row.threadId, 'thread.read', 'messageId');
    if (!can(access.actor, action, { thread: access.facts, authorId: row.authorId })) {
      throw forbidden(
        action === 'message.edit'
          ? 'edit this message'
          : action === 'message.delete'
            ? 'delete this message'
            : 'react in this thread',
      );
    }
    return { row, access };
  }

  /** The name a member's sockets show in presence and typing. */
  memberName(userId: string): Promise<string> {
    return this.threads.userName(userId);
  }

  /** Replaces the body of the viewer's own message; the old body is kept as a revision. */
  async edit(
    viewer: Viewer,
    messageId: string,
    body: string,
    origin: EventOrigin = {},
  ): Promise<{ message: MessageView; access: ThreadAccess }> {
    const { row, access } = await this.messageFor(viewer, messageId, 'message.edit');
    if (row.deletedAt) throw conflict('message_deleted', 'This message was deleted.', { field: 'messageId' });
    const known = new Set(await this.threads.mentionedIn(row.id));
    const mentioned = (
      await this.readersAmong(
        access.row,
        mentionedUserIds(body).filter((id) => id !== viewer.userId),
      )
    )
      .map((m) => m.userId)
      .filter((id) => !known.has(id));
    const at = new Date();
    const edited = await this.threads.transaction(async (db) => {
      const saved = await this.threads.edit(db, row.id, body, at);
      if (!saved) throw conflict('message_deleted', 'This message was deleted.', { field: 'messageId' });
      if (saved.editedAt?.getTime() === at.getTime()) {
        await this.threads.addMentions(db, row.id, mentioned);
        await this.notifyAbout(db, access, saved, mentioned, []);
      }
      return saved;
    });
    const message = await this.view(edited, access.row.networkSlug);
    if (edited.editedAt?.getTime() === at.getTime()) this.live.messageUpdated(message, origin.socketId);
    return { message, access };
  }

  /** Deletes a message, leaving a visible tombstone (author, or an admin moderating). */
  async delete(
    viewer: Viewer,
    messageId: string,
    origin: EventOrigin = {},
  ): Promise<{ message: MessageView; access: ThreadAccess }> {
    const { row, access } = await this.messageFor(viewer, messageId, 'message.delete');
    if (row.deletedAt) return { message: await this.view(row, access.row.networkSlug), access };
    const deleted = await this.threads.transaction((db) =>
      this.threads.tombstone(db, row.id, viewer.userId, new Date()),
    );
    const message = await this.view(deleted, access.row.networkSlug);
    this.live.messageUpdated(message, origin.socketId);
    return { message, access };
  }

  /** Puts the viewer's reaction on a message, or takes it off when it is there. */
  async toggleReaction(
    viewer: Viewer,
    messageId: string,
    emoji: string,
    origin: EventOrigin = {},
  ): Promise<ReactionsPayload & { reacted: boolean }> {
    const { row } = await this.messageFor(viewer, messageId, 'thread.post');
    if (row.deletedAt) throw conflict('message_deleted', 'This message was deleted.', { field: 'messageId' });
    const { reacted, reactions } = await this.threads.transaction(async (db) => {
      const locked = await this.threads.lockMessage(db, row.id);
      if (!locked || locked.deletedAt)
        throw conflict('message_deleted', 'This message was deleted.', { field: 'messageId' });
      const now = await this.threads.toggleReaction(db, row.id, viewer.userId, emoji);
      return {
        reacted: now,
        reactions: reactionsByMessage(await this.threads.reactions([row.id], db)).get(row.id) ?? [],
      };
    });
    const payload: ReactionsPayload = { threadId: row.threadId, messageId: row.id, seq: row.seq.toString(), reactions };
    this.live.reactionsChanged(payload, origin.socketId);
    return { ...payload, reacted };
  }

  /** Moves the viewer's read marker to `seq` (never past the newest message, never back). */
  async markRead(viewer: Viewer, threadId: string, seq: string, origin: EventOrigin = {}) {
    const access = await this.authorise(viewer, threadId);
    const target = BigInt(seq) > access.row.lastMessageSeq ? access.row.lastMessageSeq : BigInt(seq);
    const lastReadSeq = await this.threads.markRead(access.row.id, viewer.userId, target, new Date());
    const unread = await this.threads.unreadCount(access.row.id, viewer.userId, lastReadSeq);
    const payload = {
      threadId: access.row.id,
      networkId: access.row.networkId,
      unread,
      lastReadSeq: lastReadSeq.toString(),
    };
    this.live.unreadChanged(viewer.userId, payload, origin.socketId);
    return payload;
  }

  /** The viewer's read marker of a thread and how many messages of others follow it. */
  async readState(access: ThreadAccess): Promise<{ lastReadSeq: string; unread: number }> {
    const lastReadSeq = await this.threads.readMarker(access.row.id, access.actor.userId);
    const unread = await this.threads.unreadCount(access.row.id, access.actor.userId, lastReadSeq);
    return { lastReadSeq: lastReadSeq.toString(), unread };
  }

  /** Threads of a network the viewer follows and may still read, with unread messages; and their total. */
  async unreadThreads(viewer: Viewer, networkId: string) {
    const actor = await this.access.require(viewer, networkId, 'network.view');
    const rows = await this.threads.followedWithUnread(viewer.userId, networkId);
    const threads = rows
      .map((row) => ({ row, facts: subjectFacts(row.subjectType, row.subjectId, row, row.groupMemberActive) }))
      .filter(({ row, facts }) => row.exists && can(actor, 'thread.read', { thread: facts }))
      .map(({ row, facts }) => ({
        thread: this.toThreadView({ row, actor, facts }),
        access: { row, actor, facts },
        unread: row.unread,
        lastReadSeq: row.lastReadSeq.toString(),
      }));
    return { totalUnread: threads.reduce((sum, t) => sum + t.unread, 0), threads };
  }
}
