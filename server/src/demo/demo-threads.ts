import { mentionToken } from '@commons/shared';
import { z } from 'zod';
import type { Prisma } from '../generated/prisma/client';
import { readDemoData, roleSchema } from './demo-data';
import { DEMO_SIGN_INS } from './demo-people';

const MINUTE_MS = 60_000;

/**
 * data/threads.json: live discussion on demo change ideas (by title). A message is by a demo
 * sign-in (the part of her email before the @) or by the first active co-designer of the idea with
 * a role; its body is Markdown, where `{name}` mentions that demo sign-in; `replyTo` is the index
 * of an earlier message it answers (one level deep). `readUpTo`: how many messages of the thread
 * each demo sign-in has read.
 */
const threadsFileSchema = z.array(
  z
    .strictObject({
      idea: z.string().min(1),
      messages: z
        .array(
          z.strictObject({
            by: z.union([z.string().min(1), z.strictObject({ role: roleSchema })]),
            minutesAgo: z.number().min(0),
            body: z.string().min(1),
            replyTo: z.number().int().min(0).optional(),
          }),
        )
        .min(1),
      readUpTo: z.record(z.string(), z.number().int().min(0)),
    })
    .superRefine((conversation, context) => {
      conversation.messages.forEach((message, i) => {
        if (message.replyTo !== undefined && message.replyTo >= i)
          context.addIssue({ code: 'custom', path: ['messages', i, 'replyTo'], message: 'not an earlier message' });
      });
      for (const [name, count] of Object.entries(conversation.readUpTo))
        if (count > conversation.messages.length)
          context.addIssue({ code: 'custom', path: ['readUpTo', name], message: `more than the thread's messages` });
    }),
);
type Author = z.output<typeof threadsFileSchema>[number]['messages'][number]['by'];

const CONVERSATIONS = readDemoData('threads.json', threadsFileSchema);

/**
 * Live discussion on two demo change ideas, so the threads, unread badges and a mention show on
 * the first visit: messages by their co-designers, one level of replies, read markers part way.
 */
export async function seedDemoThreads(
  tx: Prisma.TransactionClient,
  input: { networkId: string; now?: Date },
): Promise<void> {
  const now = input.now ?? new Date();
  const users = new Map(
    (
      await tx.user.findMany({
        where: { email: { in: DEMO_SIGN_INS.map((s) => s.email) } },
        select: { id: true, email: true, name: true },
      })
    ).map((u) => [u.email.split('@')[0], u]),
  );
  const demoUser = (name: string) => {
    const user = users.get(name);
    if (!user) throw new Error(`demo threads: no demo sign-in ${name}`);
    return user;
  };

  for (const conversation of CONVERSATIONS) {
    const idea = await tx.changeIdea.findFirst({
      where: { networkId: input.networkId, title: conversation.idea },
      select: {
        id: true,
        title: true,
        coDesigners: {
          where: { status: 'ACTIVE' },
          orderBy: { joinedAt: 'asc' },
          select: { userId: true, role: true, user: { select: { name: true } } },
        },
      },
    });
    if (!idea) throw new Error(`demo threads: no idea "${conversation.idea}"`);
    const author = (who: Author) => {
      if (typeof who === 'string') return demoUser(who);
      const found = idea.coDesigners.find((c) => c.role === who.role);
      if (!found) throw new Error(`demo threads: no ${who.role} co-designing "${idea.title}"`);
      return { id: found.userId, name: found.user.name };
    };
    const thread = await tx.thread.create({
      data: { networkId: input.networkId, subjectType: 'CHANGE_IDEA', subjectId: idea.id },
    });
    const stored: { id: string; seq: bigint; authorId: string }[] = [];
    for (const [index, message] of conversation.messages.entries()) {
      const by = author(message.by);
      const mentioned = [...message.body.matchAll(/\{(\w+)\}/g)].map((m) => demoUser(m[1]));
      const body = message.body.replace(/\{(\w+)\}/g, (_, name: string) =>
        mentionToken(demoUser(name).name, demoUser(name).id),
      );
      const createdAt = new Date(now.getTime() - message.minutesAgo * MINUTE_MS);
      const parent = message.replyTo === undefined ? null : stored[message.replyTo];
      const row = await tx.message.create({
        data: {
          threadId: thread.id,
          authorId: by.id,
          parentId: parent?.id ?? null,
          body,
          clientId: `demo-${thread.id}-${index}`,
          createdAt,
        },
        select: { id: true, seq: true, authorId: true },
      });
      stored.push(row);
      const payload = {
        threadId: thread.id,
        threadSubjectType: 'CHANGE_IDEA',
        threadSubjectId: idea.id,
        subjectTitle: idea.title,
        messageId: row.id,
        seq: row.seq.toString(),
        actorName: by.name,
        excerpt: body.replace(/@\[([^\]]*)\]\(user:[^)]*\)/g, '@$1').slice(0, 140),
      };
      const notices = [
        ...mentioned.map((user) => ({ userId: user.id, kind: 'MENTION' as const })),
        ...(parent && parent.authorId !== by.id ? [{ userId: parent.authorId, kind: 'REPLY' as const }] : []),
      ].filter((notice) => notice.userId !== by.id);
      if (mentioned.length)
        await tx.messageMention.createMany({ data: mentioned.map((user) => ({ messageId: row.id, userId: user.id })) });
      if (notices.length) {
        await tx.notification.createMany({
          data: notices.map((notice) => ({
            ...notice,
            networkId: input.networkId,
            subjectType: 'MESSAGE' as const,
            subjectId: row.id,
            actorId: by.id,
            payload,
            createdAt,
          })),
        });
      }
    }
    const last = stored[stored.length - 1];
    await tx.thread.update({
      where: { id: thread.id },
      data: {
        lastMessageSeq: last.seq,
        lastMessageAt: new Date(now.getTime() - conversation.messages.at(-1)!.minutesAgo * MINUTE_MS),
      },
    });
    // Authors have read up to their own messages; the demo sign-ins as set, so some threads show unread messages.
    const markers = new Map<string, bigint>();
    for (const message of stored) markers.set(message.authorId, message.seq);
    for (const [name, count] of Object.entries(conversation.readUpTo))
      if (count > 0) markers.set(demoUser(name).id, stored[count - 1].seq);
    await tx.threadReadMarker.createMany({
      data: [...markers].map(([userId, lastReadSeq]) => ({ threadId: thread.id, userId, lastReadSeq, updatedAt: now })),
    });
  }
}
