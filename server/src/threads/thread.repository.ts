import { Injectable } from '@nestjs/common';
import { Prisma, type Role, type ThreadSubjectType } from '../generated/prisma/client';
import type { Db } from '../platform/database/db';
import { PrismaService } from '../platform/database/prisma.service';

export const MESSAGE_SELECT = {
  id: true,
  seq: true,
  threadId: true,
  authorId: true,
  parentId: true,
  body: true,
  clientId: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  author: { select: { name: true } },
} as const;

export type MessageRow = Prisma.MessageGetPayload<{ select: typeof MESSAGE_SELECT }>;

const THREAD_SELECT = {
  id: true,
  networkId: true,
  subjectType: true,
  subjectId: true,
  lastMessageSeq: true,
  lastMessageAt: true,
} as const;
export type ThreadRow = Prisma.ThreadGetPayload<{ select: typeof THREAD_SELECT }>;

/** What the policy needs about a thread's subject, whoever asks. `exists` is false once the subject is gone. */
export interface SubjectFactsRow {
  networkId: string | null;
  exists: boolean;
  resourceHidden: boolean | null;
  resourceAuthorId: string | null;
  groupVisibility: 'OPEN' | 'INVITE_ONLY' | null;
  groupArchived: boolean | null;
}

/** A thread with its subject's facts and one member's standing in its network (and group). */
export interface ThreadAccessRow extends SubjectFactsRow {
  id: string;
  networkId: string;
  networkSlug: string;
  subjectType: ThreadSubjectType;
  subjectId: string;
  /** The idea's or resource's title, the site's or group's name: what a notification names. */
  subjectTitle: string | null;
  lastMessageSeq: bigint;
  lastMessageAt: Date | null;
  role: Role | null;
  memberName: string | null;
  memberSiteId: string | null;
  memberActive: boolean;
  groupMemberActive: boolean;
}

/** A member of a network as the policy sees her, with whether she is an active member of a group. */
export interface MemberFactsRow {
  userId: string;
  role: Role;
  siteId: string | null;
  groupMemberActive: boolean;
}

export interface ReactionRow {
  messageId: string;
  userId: string;
  emoji: string;
}

export interface FollowedThreadRow extends ThreadAccessRow {
  lastReadSeq: bigint;
  unread: number;
}

/** Joins the subject of `t` (a "Thread") and the standing of `userId` in its network and group. */
const accessJoins = (userId: string) => Prisma.sql`
  JOIN "Network" n ON n.id = t."networkId"
  LEFT JOIN "Membership" m ON m."networkId" = t."networkId" AND m."userId" = ${userId}::uuid
  LEFT JOIN "User" u ON u.id = m."userId"
  LEFT JOIN "ChangeIdea" ci ON t."subjectType" = 'CHANGE_IDEA' AND ci.id = t."subjectId"
  LEFT JOIN "Resource" r ON t."subjectType" = 'RESOURCE' AND r.id = t."subjectId"
  LEFT JOIN "Site" s ON t."subjectType" = 'SITE' AND s.id = t."subjectId"
  LEFT JOIN "WorkingGroup" g ON t."subjectType" = 'GROUP' AND g.id = t."subjectId"
  LEFT JOIN "GroupMembership" gm ON gm."groupId" = g.id AND gm."userId" = ${userId}::uuid`;

const accessColumns = Prisma.sql`
  t.id, t."networkId", n.slug AS "networkSlug", t."subjectType"::text AS "subjectType", t."subjectId", t."lastMessageSeq", t."lastMessageAt",
  COALESCE(ci.id, r.id, s.id, g.id) IS NOT NULL AS "exists", COALESCE(ci.title, r.title, s.name, g.name) AS "subjectTitle",
  r."hiddenAt" IS NOT NULL AS "resourceHidden", r."authorId" AS "resourceAuthorId",
  g.visibility::text AS "groupVisibility", g."archivedAt" IS NOT NULL AS "groupArchived",
  m.role::text AS role, u.name AS "memberName", m."siteId" AS "memberSiteId", (m.id IS NOT NULL AND m."deactivatedAt" IS NULL) AS "memberActive",
  COALESCE(gm.status = 'ACTIVE', false) AS "groupMemberActive"`;

@Injectable()
export class ThreadRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(work: (db: Prisma.TransactionClient) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work, { timeout: 15_000 });
  }

  /** The network of a subject and its facts, or null when there is no such subject. */
  async subject(subjectType: ThreadSubjectType, subjectId: string): Promise<SubjectFactsRow | null> {
    const none = { resourceHidden: null, resourceAuthorId: null, groupVisibility: null, groupArchived: null };
    switch (subjectType) {
      case 'CHANGE_IDEA': {
        const row = await this.prisma.changeIdea.findUnique({ where: { id: subjectId }, select: { networkId: true } });
        return row && { ...none, networkId: row.networkId, exists: true };
      }
      case 'RESOURCE': {
        const row = await this.prisma.resource.findUnique({
          where: { id: subjectId },
          select: { networkId: true, hiddenAt: true, authorId: true },
        });
        return (
          row && {
            ...none,
            networkId: row.networkId,
            exists: true,
            resourceHidden: row.hiddenAt !== null,
            resourceAuthorId: row.authorId,
          }
        );
      }
      case 'SITE': {
        const row = await this.prisma.site.findUnique({ where: { id: subjectId }, select: { networkId: true } });
        return row && { ...none, networkId: row.networkId, exists: true };
      }
      case 'GROUP': {
        const row = await this.prisma.workingGroup.findUnique({
          where: { id: subjectId },
          select: { networkId: true, visibility: true, archivedAt: true },
        });
        return (
          row && {
            ...none,
            networkId: row.networkId,
            exists: true,
            groupVisibility: row.visibility,
            groupArchived: row.archivedAt !== null,
          }
        );
      }
    }
  }

  async isActiveGroupMember(groupId: string, userId: string): Promise<boolean> {
    const row = await this.prisma.groupMembership.findUnique({
      where: { groupId_userId: { groupId, userId } },
      select: { status: true },
    });
    return row?.status === 'ACTIVE';
  }

  findBySubject(subjectType: ThreadSubjectType, subjectId: string) {
    return this.prisma.thread.findUnique({
      where: { subjectType_subjectId: { subjectType, subjectId } },
      select: THREAD_SELECT,
    });
  }

  /** The subject's thread, created on first use; concurrent first uses end with the same thread. */
  async ensure(networkId: string, subjectType: ThreadSubjectType, subjectId: string): Promise<ThreadRow> {
    await this.prisma.$executeRaw`
      INSERT INTO "Thread" (id, "networkId", "subjectType", "subjectId")
      VALUES (gen_random_uuid(), ${networkId}::uuid, ${subjectType}::"ThreadSubjectType", ${subjectId}::uuid)
      ON CONFLICT ("subjectType", "subjectId") DO NOTHING`;
    return (await this.findBySubject(subjectType, subjectId))!;
  }

  /**
   * The thread `threadId` with its subject's facts and `userId`'s standing, in one query; with
   * `clientId`, also the id of her message already sent with it (a retried send), if any.
   */
  async access(
    threadId: string,
    userId: string,
    clientId: string | null = null,
  ): Promise<(ThreadAccessRow & { sentMessageId: string | null }) | null> {
    const rows = await this.prisma.$queryRaw<(ThreadAccessRow & { sentMessageId: string | null })[]>`
      SELECT ${accessColumns}, sent.id AS "sentMessageId"
      FROM "Thread" t ${accessJoins(userId)}
      LEFT JOIN "Message" sent ON sent."authorId" = ${userId}::uuid AND sent."clientId" = ${clientId}
      WHERE t.id = ${threadId}::uuid`;
    return rows[0] ?? null;
  }

  /** Active members among `userIds` in `networkId`, and whether each is an active member of `groupId`. */
  async members(
    networkId: string,
    userIds: string[],
    groupId: string | null,
  ): Promise<(MemberFactsRow & { name: string })[]> {
    if (userIds.length === 0) return [];
    return this.prisma.$queryRaw<(MemberFactsRow & { name: string })[]>`
      SELECT m."userId", u.name, m.role::text AS role, m."siteId", COALESCE(gm.status = 'ACTIVE', false) AS "groupMemberActive"
      FROM "Membership" m
      JOIN "User" u ON u.id = m."userId"
      LEFT JOIN "GroupMembership" gm ON gm."groupId" = ${groupId}::uuid AND gm."userId" = m."userId"
      WHERE m."networkId" = ${networkId}::uuid AND m."deactivatedAt" IS NULL AND m."userId" IN (${Prisma.join(userIds.map((id) => Prisma.sql`${id}::uuid`))})`;
  }

  userName(userId: string): Promise<string> {
    return this.prisma.user
      .findUnique({ where: { id: userId }, select: { name: true } })
      .then((row) => row?.name ?? '');
  }

  async userNames(userIds: string[]): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } });
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  message(messageId: string, db: Db = this.prisma): Promise<MessageRow | null> {
    return db.message.findUnique({ where: { id: messageId }, select: MESSAGE_SELECT });
  }

  byClientId(authorId: string, clientId: string): Promise<MessageRow | null> {
    return this.prisma.message.findUnique({
      where: { authorId_clientId: { authorId, clientId } },
      select: MESSAGE_SELECT,
    });
  }

  /**
   * Stores a message in one statement: it locks the thread's row, draws the seq under that lock
   * (so messages of one thread commit in seq order and a catch-up "after seq N" never skips one
   * that commits later with a smaller seq), inserts the message and moves the author's read
   * marker to it. Returns the message and the seq of the one before it in the thread. Through
   * `db` it joins the caller's transaction; without one it commits by itself.
   */
  async insertMessage(
    data: {
      threadId: string;
      authorId: string;
      authorName: string;
      parentId: string | null;
      body: string;
      clientId: string;
      at: Date;
    },
    db: Db = this.prisma,
  ): Promise<{ row: MessageRow; prevSeq: bigint }> {
    const [stored] = await db.$queryRaw<{ id: string; seq: bigint; prev: bigint }[]>`
      WITH old AS (SELECT id, "lastMessageSeq" AS prev FROM "Thread" WHERE id = ${data.threadId}::uuid FOR UPDATE),
      locked AS (
        UPDATE "Thread" t SET "lastMessageSeq" = nextval(pg_get_serial_sequence('"Message"', 'seq')), "lastMessageAt" = ${data.at}
        FROM old WHERE t.id = old.id
        RETURNING t."lastMessageSeq" AS seq, old.prev),
      message AS (
        INSERT INTO "Message" (id, seq, "threadId", "authorId", "parentId", body, "clientId", "createdAt")
        SELECT gen_random_uuid(), locked.seq, ${data.threadId}::uuid, ${data.authorId}::uuid, ${data.parentId}::uuid, ${data.body}, ${data.clientId}, ${data.at}
        FROM locked
        RETURNING id, seq),
      marker AS (
        INSERT INTO "ThreadReadMarker" ("threadId", "userId", "lastReadSeq", "updatedAt")
        SELECT ${data.threadId}::uuid, ${data.authorId}::uuid, message.seq, ${data.at} FROM message
        ON CONFLICT ("threadId", "userId") DO UPDATE
          SET "lastReadSeq" = GREATEST("ThreadReadMarker"."lastReadSeq", EXCLUDED."lastReadSeq"), "updatedAt" = EXCLUDED."updatedAt")
      SELECT message.id, message.seq, locked.prev FROM message, locked`;
    if (!stored) throw new Error(`thread ${data.threadId} does not exist`);
    const row: MessageRow = {
      id: stored.id,
      seq: stored.seq,
      threadId: data.threadId,
      authorId: data.authorId,
      parentId: data.parentId,
      body: data.body,
      clientId: data.clientId,
      createdAt: data.at,
      editedAt: null,
      deletedAt: null,
      author: { name: data.authorName },
    };
    return { row, prevSeq: stored.prev };
  }

  async addMentions(db: Db, messageId: string, userIds: string[]): Promise<void> {
    if (userIds.length)
      await db.messageMention.createMany({
        data: userIds.map((userId) => ({ messageId, userId })),
        skipDuplicates: true,
      });
  }

  mentionedIn(messageId: string, db: Db = this.prisma): Promise<string[]> {
    return db.messageMention
      .findMany({ where: { messageId }, select: { userId: true } })
      .then((rows) => rows.map((row) => row.userId));
  }

  /** Moves `userId`'s read marker of a thread forward to `seq` (never back). */
  async markRead(threadId: string, userId: string, seq: bigint, at: Date, db: Db = this.prisma): Promise<bigint> {
    const [row] = await db.$queryRaw<{ lastReadSeq: bigint }[]>`
      INSERT INTO "ThreadReadMarker" ("threadId", "userId", "lastReadSeq", "updatedAt")
      VALUES (${threadId}::uuid, ${userId}::uuid, ${seq}, ${at})
      ON CONFLICT ("threadId", "userId") DO UPDATE
        SET "lastReadSeq" = GREATEST("ThreadReadMarker"."lastReadSeq", EXCLUDED."lastReadSeq"), "updatedAt" = EXCLUDED."updatedAt"
      RETURNING "lastReadSeq"`;
    return row.lastReadSeq;
  }

  async readMarker(threadId: string, userId: string): Promise<bigint> {
    const row = await this.prisma.threadReadMarker.findUnique({
      where: { threadId_userId: { threadId, userId } },
      select: { lastReadSeq: true },
    });
    return row?.lastReadSeq ?? 0n;
  }

  /** Messages of others after `afterSeq` in a thread, tombstones apart: what `userId` has not read. */
  unreadCount(threadId: string, userId: string, afterSeq: bigint): Promise<number> {
    return this.prisma.message.count({
      where: { threadId, seq: { gt: afterSeq }, authorId: { not: userId }, deletedAt: null },
    });
  }

  /**
   * Active members of the thread's network who follow it (have a read marker: they posted in it
   * or read it), each with her standing in its group, and the thread with its subject's facts.
   */
  async followers(threadId: string): Promise<{ thread: ThreadAccessRow; followers: MemberFactsRow[] } | null> {
    const rows = await this.prisma.$queryRaw<(ThreadAccessRow & { followerId: string | null })[]>`
      SELECT ${accessColumns}, m."userId" AS "followerId"
      FROM "Thread" t
      JOIN "ThreadReadMarker" rm ON rm."threadId" = t.id
      JOIN "Network" n ON n.id = t."networkId"
      JOIN "Membership" m ON m."networkId" = t."networkId" AND m."userId" = rm."userId" AND m."deactivatedAt" IS NULL
      LEFT JOIN "User" u ON u.id = m."userId"
      LEFT JOIN "ChangeIdea" ci ON t."subjectType" = 'CHANGE_IDEA' AND ci.id = t."subjectId"
      LEFT JOIN "Resource" r ON t."subjectType" = 'RESOURCE' AND r.id = t."subjectId"
      LEFT JOIN "Site" s ON t."subjectType" = 'SITE' AND s.id = t."subjectId"
      LEFT JOIN "WorkingGroup" g ON t."subjectType" = 'GROUP' AND g.id = t."subjectId"
      LEFT JOIN "GroupMembership" gm ON gm."groupId" = g.id AND gm."userId" = rm."userId"
      WHERE t.id = ${threadId}::uuid`;
    if (rows.length === 0) return null;
    return {
      thread: rows[0],
      followers: rows.map((row) => ({
        userId: row.followerId!,
        role: row.role!,
        siteId: row.memberSiteId,
        groupMemberActive: row.groupMemberActive,
      })),
    };
  }

  /** The threads of `networkId` that `userId` follows and has unread messages in, newest activity first. */
  followedWithUnread(userId: string, networkId: string): Promise<FollowedThreadRow[]> {
    return this.prisma.$queryRaw<FollowedThreadRow[]>`
      SELECT ${accessColumns}, rm."lastReadSeq",
        (SELECT count(*) FROM "Message" msg
          WHERE msg."threadId" = t.id AND msg.seq > rm."lastReadSeq" AND msg."authorId" <> rm."userId" AND msg."deletedAt" IS NULL)::int AS unread
      FROM "ThreadReadMarker" rm JOIN "Thread" t ON t.id = rm."threadId" ${accessJoins(userId)}
      WHERE rm."userId" = ${userId}::uuid AND t."networkId" = ${networkId}::uuid AND t."lastMessageSeq" > rm."lastReadSeq"
      ORDER BY t."lastMessageAt" DESC NULLS LAST`;
  }

  /** Messages of a thread after `afterSeq`, oldest first, at most `take`. */
  after(threadId: string, afterSeq: bigint, take: number): Promise<MessageRow[]> {
    return this.prisma.message.findMany({
      where: { threadId, seq: { gt: afterSeq } },
      orderBy: { seq: 'asc' },
      take,
      select: MESSAGE_SELECT,
    });
  }

  /** Messages of a thread up to `uptoSeq` edited or deleted at or after `since`, oldest first, at most `take`. */
  changedSince(threadId: string, uptoSeq: bigint, since: Date, take: number): Promise<MessageRow[]> {
    return this.prisma.message.findMany({
      where: { threadId, seq: { lte: uptoSeq }, OR: [{ editedAt: { gte: since } }, { deletedAt: { gte: since } }] },
      orderBy: { seq: 'asc' },
      take,
      select: MESSAGE_SELECT,
    });
  }

  /** The newest `take` messages of a thread (replies included), newest first. */
  newest(threadId: string, take: number): Promise<MessageRow[]> {
    return this.prisma.message.findMany({
      where: { threadId },
      orderBy: { seq: 'desc' },
      take,
      select: MESSAGE_SELECT,
    });
  }

  /** Top-level messages of a thread before `beforeSeq` (all when null), newest first, at most `take`. */
  topLevelBefore(threadId: string, beforeSeq: bigint | null, take: number): Promise<MessageRow[]> {
    return this.prisma.message.findMany({
      where: { threadId, parentId: null, ...(beforeSeq !== null ? { seq: { lt: beforeSeq } } : {}) },
      orderBy: { seq: 'desc' },
      take,
      select: MESSAGE_SELECT,
    });
  }

  /** The replies to `parentIds`, oldest first. */
  repliesTo(parentIds: string[]): Promise<MessageRow[]> {
    if (parentIds.length === 0) return Promise.resolve([]);
    return this.prisma.message.findMany({
      where: { parentId: { in: parentIds } },
      orderBy: { seq: 'asc' },
      select: MESSAGE_SELECT,
    });
  }

  reactions(messageIds: string[], db: Db = this.prisma): Promise<ReactionRow[]> {
    if (messageIds.length === 0) return Promise.resolve([]);
    return db.messageReaction.findMany({
      where: { messageId: { in: messageIds } },
      orderBy: { createdAt: 'asc' },
      select: { messageId: true, userId: true, emoji: true },
    });
  }

  /** The members each message mentions (validated when it was written), with their current names. */
  async mentionNames(messageIds: string[]): Promise<Map<string, Map<string, string>>> {
    const result = new Map<string, Map<string, string>>();
    if (messageIds.length === 0) return result;
    const rows = await this.prisma.messageMention.findMany({
      where: { messageId: { in: messageIds } },
      select: { messageId: true, userId: true, user: { select: { name: true } } },
    });
    for (const row of rows) {
      const names = result.get(row.messageId) ?? new Map<string, string>();
      names.set(row.userId, row.user.name);
      result.set(row.messageId, names);
    }
    return result;
  }

  revisions(messageIds: string[]) {
    return this.prisma.messageRevision.findMany({
      where: { messageId: { in: messageIds } },
      orderBy: { editedAt: 'asc' },
      select: { id: true, messageId: true, body: true, editedAt: true },
    });
  }

  /** Replaces the body of a live message, keeping the old one as a revision; null when it was deleted meanwhile. */
  async edit(db: Prisma.TransactionClient, messageId: string, body: string, at: Date): Promise<MessageRow | null> {
    const [current] = await db.$queryRaw<{ body: string; deletedAt: Date | null }[]>`
      SELECT body, "deletedAt" FROM "Message" WHERE id = ${messageId}::uuid FOR UPDATE`;
    if (!current || current.deletedAt) return null;
    if (current.body === body) return this.message(messageId, db);
    await db.messageRevision.create({ data: { messageId, body: current.body, editedAt: at } });
    return db.message.update({ where: { id: messageId }, data: { body, editedAt: at }, select: MESSAGE_SELECT });
  }

  /** Leaves a tombstone: the body and every earlier version gone, reactions and mentions with them. */
  async tombstone(db: Prisma.TransactionClient, messageId: string, deletedById: string, at: Date): Promise<MessageRow> {
    await db.messageRevision.deleteMany({ where: { messageId } });
    await db.messageReaction.deleteMany({ where: { messageId } });
    await db.messageMention.deleteMany({ where: { messageId } });
    await db.message.updateMany({
      where: { id: messageId, deletedAt: null },
      data: { body: '', deletedAt: at, deletedById },
    });
    return (await this.message(messageId, db))!;
  }

  /** Adds the reaction when absent, removes it when present; true when it is now there. */
  async toggleReaction(
    db: Prisma.TransactionClient,
    messageId: string,
    userId: string,
    emoji: string,
  ): Promise<boolean> {
    const removed = await db.messageReaction.deleteMany({ where: { messageId, userId, emoji } });
    if (removed.count > 0) return false;
    await db.messageReaction.createMany({ data: [{ messageId, userId, emoji }], skipDuplicates: true });
    return true;
  }

  /** Holds the message's row until the transaction ends, so toggles of one message queue up. */
  async lockMessage(db: Prisma.TransactionClient, messageId: string): Promise<{ deletedAt: Date | null } | null> {
    const [row] = await db.$queryRaw<
      { deletedAt: Date | null }[]
    >`SELECT "deletedAt" FROM "Message" WHERE id = ${messageId}::uuid FOR UPDATE`;
    return row ?? null;
  }
}
