import { mentionToken, type Role } from '@commons/shared';
import type { Prisma } from '../generated/prisma/client';
import { DEMO_SIGN_INS } from './demo-people';

const MINUTE_MS = 60_000;

/** A demo sign-in by its name before the @, or the first active co-designer of the idea with a role. */
type Author = string | { role: Role };

interface DemoMessage {
  by: Author;
  minutesAgo: number;
  /** Markdown; `{name}` placeholders become mentions of those demo sign-ins. */
  body: string;
  /** Index of the message this one answers (one level deep). */
  replyTo?: number;
}

interface DemoConversation {
  idea: string;
  messages: DemoMessage[];
  /** Demo sign-ins and how many messages of the thread each has read. */
  readUpTo: Record<string, number>;
}

const CONVERSATIONS: DemoConversation[] = [
  {
    idea: 'A school support plan written with the family at diagnosis',
    messages: [
      {
        by: 'family',
        minutesAgo: 60 * 26,
        body: 'I have put a first draft of the one-page plan on our group shelf. The part we argued about at home was **who the school should call first** in a flare: us, or the IBD nurse?',
      },
      {
        by: { role: 'CLINICIAN' },
        minutesAgo: 60 * 25,
        body: 'Parents first, always. The nurse line can go underneath as "if you cannot reach the family". Schools ring us for medical questions, but they should not be deciding what is a flare.',
        replyTo: 0,
      },
      {
        by: 'patient',
        minutesAgo: 60 * 20,
        body: 'From my side: please make the toilet pass part *the first thing* on the page. Nobody reads to the bottom, and that is the one that matters every day.',
      },
      {
        by: 'family',
        minutesAgo: 60 * 3,
        body: 'Good point {patient}. I moved it to the top and made it a tear-off card. Could you read the new version before Thursday?',
        replyTo: 2,
      },
      {
        by: { role: 'SITE_LEAD' },
        minutesAgo: 95,
        body: "Two head teachers near St Brigid's have agreed to try it this term. If the study after six weeks looks right, I would like us to decide on **testing it at sites** at the next review.",
      },
      {
        by: { role: 'CLINICIAN' },
        minutesAgo: 40,
        body: 'Agreed. I will add a line on exams: extra time and a seat near the door should be asked for *before* the exam term, not in the week.',
      },
    ],
    readUpTo: { family: 6, patient: 3 },
  },
  {
    idea: 'Book the first drug level together with the third infusion',
    messages: [
      {
        by: { role: 'CLINICIAN' },
        minutesAgo: 60 * 50,
        body: 'Riverside study is in: **12 of 14** children had the level taken on the day, as we predicted. The two misses were a wrong phone number and an infusion moved for illness.',
      },
      {
        by: { role: 'FAMILY_MEMBER' },
        minutesAgo: 60 * 49,
        body: 'The text the day before really helped us. One thing: it said "blood test" and my son was sure that meant another cannula. Could it say it is taken *from the drip*?',
        replyTo: 0,
      },
      {
        by: { role: 'PATIENT_PARTNER' },
        minutesAgo: 60 * 30,
        body: 'Yes please. That one word change would have saved me a lot of worry at 14.',
        replyTo: 0,
      },
      {
        by: { role: 'SITE_LEAD' },
        minutesAgo: 60 * 6,
        body: 'Changing the wording for cycle 2 at Lakeview. If Lakeview matches Riverside I think we are close to a decision to adopt.',
      },
    ],
    readUpTo: { clinician: 4, sitelead: 4 },
  },
];

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
