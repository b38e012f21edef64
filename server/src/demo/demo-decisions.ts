import {
  CHANGE_IDEA_STATUSES,
  DEFAULT_DECISION_CONFIRMATION_DAYS,
  decisionExpiresAt,
  POSITIONS,
  type Role,
} from '@commons/shared';
import { z } from 'zod';
import type { NotificationKind, Prisma } from '../generated/prisma/client';
import { readDemoData, type Who, whoSchema } from './demo-data';
import { DEMO_EMAIL_DOMAIN } from './demo-people';

const HOUR_MS = 3_600_000;

/**
 * data/decisions.json. `proposals`: proposals in the threads of demo ideas (by title): consent
 * proposals with members' positions, closed ones with their outcome, and dot votes (the options,
 * the dots each member has, and who put how many dots on which option, by its index). Times are
 * hours before the seeding; `closesInHours` is after it (negative: it has closed).
 * `pendingDecisions`: decisions still waiting for some of their participants (the first one
 * records it), with who has confirmed so far and the question of the proposal it rests on.
 * People are written as in data/change-ideas.json: a sign-in, or the nth member with a role at a site.
 */
const decisionsFileSchema = z
  .strictObject({
    proposals: z.array(
      z
        .strictObject({
          idea: z.string().min(1),
          by: whoSchema,
          question: z.string().min(1),
          details: z.string(),
          openedHoursAgo: z.number().min(0),
          closesInHours: z.number(),
          outcome: z.string().min(1).optional(),
          positions: z
            .array(
              z.strictObject({
                who: whoSchema,
                position: z.enum(POSITIONS),
                reason: z.string().min(1).optional(),
                hoursAgo: z.number().min(0),
              }),
            )
            .optional(),
          dots: z
            .strictObject({
              options: z.array(z.string().min(1)).min(2),
              perMember: z.number().int().min(1),
              ballots: z.array(
                z.strictObject({
                  who: whoSchema,
                  votes: z.array(z.tuple([z.number().int().min(0), z.number().int().min(1)])).min(1),
                  hoursAgo: z.number().min(0),
                }),
              ),
            })
            .optional(),
        })
        .superRefine((proposal, context) => {
          if (proposal.positions && proposal.dots)
            context.addIssue({ code: 'custom', path: ['dots'], message: 'a dot vote takes no positions' });
          proposal.dots?.ballots.forEach((ballot, i) => {
            ballot.votes.forEach(([option], k) => {
              if (option >= proposal.dots!.options.length)
                context.addIssue({
                  code: 'custom',
                  path: ['dots', 'ballots', i, 'votes', k],
                  message: `no option ${option}`,
                });
            });
            if (ballot.votes.reduce((total, [, dots]) => total + dots, 0) > proposal.dots!.perMember)
              context.addIssue({
                code: 'custom',
                path: ['dots', 'ballots', i, 'votes'],
                message: 'more dots than a member has',
              });
          });
        }),
    ),
    pendingDecisions: z.array(
      z.strictObject({
        idea: z.string().min(1),
        participants: z.array(whoSchema).min(1),
        to: z.enum(CHANGE_IDEA_STATUSES),
        decision: z.string().min(1),
        rationale: z.string().min(1),
        proposedHoursAgo: z.number().min(0),
        confirmed: z.array(z.strictObject({ who: whoSchema, comment: z.string(), hoursAgo: z.number().min(0) })),
        basedOn: z.string().min(1).optional(),
      }),
    ),
  })
  .superRefine((file, context) => {
    const questions = new Set(file.proposals.map((proposal) => proposal.question));
    file.pendingDecisions.forEach((decision, i) => {
      if (decision.basedOn !== undefined && !questions.has(decision.basedOn))
        context.addIssue({
          code: 'custom',
          path: ['pendingDecisions', i, 'basedOn'],
          message: 'no proposal asks this',
        });
    });
  });

const { proposals: DEMO_PROPOSALS, pendingDecisions: DEMO_PENDING_DECISIONS } = readDemoData(
  'decisions.json',
  decisionsFileSchema,
);

interface SeedPerson {
  userId: string;
  email: string;
  role: Role;
  site: number | null;
}

/**
 * Seeds the demo's proposals (in the threads of their ideas, creating a thread where none is yet)
 * and its decisions waiting for confirmations, with the notifications they sent. Run after the
 * change ideas and threads; times are relative to `now`, so pending decisions wait into the future.
 */
export async function seedDemoDecisions(
  tx: Prisma.TransactionClient,
  input: { networkId: string; people: SeedPerson[]; now?: Date },
): Promise<void> {
  const now = input.now ?? new Date();
  const ago = (hours: number) => new Date(now.getTime() - hours * HOUR_MS);
  const person = (who: Who): SeedPerson => {
    const found =
      typeof who === 'string'
        ? input.people.find((p) => p.email === `${who}@${DEMO_EMAIL_DOMAIN}`)
        : input.people.filter((p) => p.role === who.role && p.site === who.site)[who.n ?? 0];
    if (!found) throw new Error(`demo decisions: nobody is ${JSON.stringify(who)}`);
    return found;
  };
  const ideaOf = async (title: string) => {
    const idea = await tx.changeIdea.findFirst({
      where: { networkId: input.networkId, title },
      select: {
        id: true,
        title: true,
        status: true,
        proposerId: true,
        coDesigners: { where: { status: 'ACTIVE' }, select: { userId: true } },
      },
    });
    if (!idea) throw new Error(`demo decisions: no idea "${title}"`);
    return idea;
  };
  const names = new Map(
    (
      await tx.user.findMany({
        where: { id: { in: input.people.map((p) => p.userId) } },
        select: { id: true, name: true },
      })
    ).map((u) => [u.id, u.name]),
  );
  const notifications: Prisma.NotificationCreateManyInput[] = [];
  const notify = (
    kind: NotificationKind,
    ideaId: string,
    actorId: string,
    createdAt: Date,
    payload: Prisma.InputJsonObject,
    recipients: string[],
  ) => {
    for (const userId of new Set(recipients)) {
      if (userId !== actorId)
        notifications.push({
          userId,
          networkId: input.networkId,
          kind,
          subjectType: 'CHANGE_IDEA',
          subjectId: ideaId,
          actorId,
          payload: { ...payload, actorName: names.get(actorId) ?? '' },
          createdAt,
        });
    }
  };

  const proposalIds = new Map<string, string>();
  for (const demo of DEMO_PROPOSALS) {
    const idea = await ideaOf(demo.idea);
    const thread =
      (await tx.thread.findUnique({
        where: { subjectType_subjectId: { subjectType: 'CHANGE_IDEA', subjectId: idea.id } },
        select: { id: true },
      })) ??
      (await tx.thread.create({
        data: {
          networkId: input.networkId,
          subjectType: 'CHANGE_IDEA',
          subjectId: idea.id,
          createdAt: ago(demo.openedHoursAgo),
        },
        select: { id: true },
      }));
    const proposer = person(demo.by);
    const closesAt = new Date(now.getTime() + demo.closesInHours * HOUR_MS);
    const changes = (demo.positions?.length ?? 0) + (demo.dots?.ballots.length ?? 0) + (demo.outcome ? 1 : 0);
    const proposal = await tx.proposal.create({
      data: {
        networkId: input.networkId,
        threadId: thread.id,
        kind: demo.dots ? 'DOT_VOTE' : 'CONSENT',
        question: demo.question,
        details: demo.details,
        proposerId: proposer.userId,
        closesAt,
        closedAt: demo.closesInHours < 0 ? closesAt : null,
        outcome: demo.outcome ?? '',
        outcomeAt: demo.outcome ? ago(Math.max(0, -demo.closesInHours - 2)) : null,
        dotsPerMember: demo.dots?.perMember ?? null,
        revision: changes,
        createdAt: ago(demo.openedHoursAgo),
        options: demo.dots ? { create: demo.dots.options.map((label, position) => ({ label, position })) } : undefined,
      },
      select: { id: true, options: { select: { id: true }, orderBy: { position: 'asc' } } },
    });
    proposalIds.set(demo.question, proposal.id);
    if (demo.positions) {
      await tx.proposalPosition.createMany({
        data: demo.positions.map((p) => {
          const who = person(p.who);
          return {
            proposalId: proposal.id,
            userId: who.userId,
            role: who.role,
            position: p.position,
            reason: p.reason ?? '',
            createdAt: ago(p.hoursAgo),
            updatedAt: ago(p.hoursAgo),
          };
        }),
      });
    }
    for (const ballot of demo.dots?.ballots ?? []) {
      const who = person(ballot.who);
      await tx.proposalDotVote.createMany({
        data: ballot.votes.map(([option, dots]) => ({
          proposalId: proposal.id,
          optionId: proposal.options[option].id,
          userId: who.userId,
          role: who.role,
          dots,
          updatedAt: ago(ballot.hoursAgo),
        })),
      });
    }
    notify(
      'PROPOSAL_OPENED',
      idea.id,
      proposer.userId,
      ago(demo.openedHoursAgo),
      { ideaId: idea.id, ideaTitle: idea.title, proposalId: proposal.id, question: demo.question },
      [idea.proposerId, ...idea.coDesigners.map((c) => c.userId)],
    );
  }

  for (const demo of DEMO_PENDING_DECISIONS) {
    const idea = await ideaOf(demo.idea);
    const participants = demo.participants.map(person);
    const recorder = participants[0];
    const coDesigners = new Set([idea.proposerId, ...idea.coDesigners.map((c) => c.userId)]);
    const confirmed = new Map(demo.confirmed.map((c) => [person(c.who).userId, c]));
    const proposedAt = ago(demo.proposedHoursAgo);
    const decision = await tx.changeIdeaDecision.create({
      data: {
        ideaId: idea.id,
        status: 'PENDING',
        fromStatus: idea.status,
        toStatus: demo.to,
        decision: demo.decision,
        rationale: demo.rationale,
        proposalId: demo.basedOn ? proposalIds.get(demo.basedOn)! : null,
        decidedById: recorder.userId,
        proposedAt,
        expiresAt: decisionExpiresAt(proposedAt, DEFAULT_DECISION_CONFIRMATION_DAYS),
        participants: {
          create: participants.map((p) => {
            const answer = confirmed.get(p.userId);
            return {
              userId: p.userId,
              role: p.role,
              coDesigner: coDesigners.has(p.userId),
              answer: p === recorder || answer ? ('CONFIRMED' as const) : ('WAITING' as const),
              answeredAt: p === recorder ? proposedAt : answer ? ago(answer.hoursAgo) : null,
              comment: answer?.comment ?? '',
            };
          }),
        },
      },
      select: { id: true, expiresAt: true },
    });
    notify(
      'DECISION_AWAITING_CONFIRMATION',
      idea.id,
      recorder.userId,
      proposedAt,
      {
        ideaId: idea.id,
        ideaTitle: idea.title,
        decisionId: decision.id,
        fromStatus: idea.status,
        toStatus: demo.to,
        decision: demo.decision,
        rationale: demo.rationale,
        expiresAt: decision.expiresAt!.toISOString(),
      },
      participants.map((p) => p.userId),
    );
    // Those who confirmed already have read the request.
    for (const n of notifications) {
      if (
        n.kind === 'DECISION_AWAITING_CONFIRMATION' &&
        (n.payload as { decisionId?: string }).decisionId === decision.id &&
        confirmed.has(n.userId)
      )
        n.readAt = ago(confirmed.get(n.userId)!.hoursAgo);
    }
  }
  await tx.notification.createMany({ data: notifications });
}
