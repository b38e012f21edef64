import { DEFAULT_DECISION_CONFIRMATION_DAYS, decisionExpiresAt, type Position, type Role } from '@commons/shared';
import type { ChangeIdeaStatus, NotificationKind, Prisma } from '../generated/prisma/client';
import { DEMO_EMAIL_DOMAIN } from './demo-people';

const HOUR_MS = 3_600_000;

/** A demo sign-in by the part of her email before the @, or the nth member with a role at a site (index into DEMO_SITES). */
type Who = string | { role: Role; site: number | null; n?: number };

const ST_BRIGID = 1;
const LAKEVIEW = 2;

interface DemoProposal {
  idea: string;
  by: Who;
  question: string;
  details: string;
  openedHoursAgo: number;
  /** Hours from now; negative: it has closed. */
  closesInHours: number;
  outcome?: string;
  positions?: { who: Who; position: Position; reason?: string; hoursAgo: number }[];
  /** A dot vote: its options, the dots each member has, and who put how many dots where (by option index). */
  dots?: {
    options: string[];
    perMember: number;
    ballots: { who: Who; votes: [option: number, dots: number][]; hoursAgo: number }[];
  };
}

interface DemoPendingDecision {
  idea: string;
  /** The first participant records it. */
  participants: Who[];
  to: ChangeIdeaStatus;
  decision: string;
  rationale: string;
  proposedHoursAgo: number;
  /** Who has confirmed so far (besides the recorder), with a comment. */
  confirmed: { who: Who; comment: string; hoursAgo: number }[];
  /** The question of the demo proposal it rests on. */
  basedOn?: string;
}

/**
 * Proposals in the threads of three demo ideas: one open with positions from patients, families
 * and the care team (the proposer sees who has not answered yet), a closed one with its outcome,
 * and an open dot vote.
 */
const DEMO_PROPOSALS: DemoProposal[] = [
  {
    idea: 'A school support plan written with the family at diagnosis',
    by: 'family',
    question: "Shall we test the one-page plan with the two St Brigid's schools this term?",
    details:
      'Six weeks, then we study it with the head teachers and the families. The toilet pass card stays at the top.',
    openedHoursAgo: 20,
    closesInHours: 24 * 5,
    positions: [
      {
        who: { role: 'SITE_LEAD', site: ST_BRIGID },
        position: 'AGREE',
        reason: 'Both head teachers are ready to start after half term.',
        hoursAgo: 18,
      },
      {
        who: { role: 'CLINICIAN', site: ST_BRIGID },
        position: 'AGREE',
        reason: 'With the exam line added.',
        hoursAgo: 16,
      },
      {
        who: { role: 'PATIENT_PARTNER', site: ST_BRIGID },
        position: 'ABSTAIN',
        reason: 'I left school before any of this existed, so I will let others judge.',
        hoursAgo: 9,
      },
      {
        who: 'researcher',
        position: 'DISAGREE',
        reason: 'Two schools will not tell us much; could we add a third?',
        hoursAgo: 4,
      },
    ],
  },
  {
    idea: 'Book the first drug level together with the third infusion',
    by: { role: 'CLINICIAN', site: LAKEVIEW },
    question: 'Adopt booking the first level with the third infusion at Riverside and Lakeview?',
    details:
      'Riverside had the level taken on the day for 12 of 14 children. Lakeview\'s second cycle uses the "from the drip" wording.',
    openedHoursAgo: 72,
    closesInHours: -20,
    outcome:
      "Everyone who answered agreed. We propose adopting it once Lakeview's second cycle has been studied, with the new wording in the text.",
    positions: [
      {
        who: 'family',
        position: 'AGREE',
        reason: 'The text the day before made all the difference for us.',
        hoursAgo: 70,
      },
      {
        who: { role: 'PATIENT_PARTNER', site: LAKEVIEW },
        position: 'AGREE',
        reason: 'Only with "taken from the drip" in the text.',
        hoursAgo: 60,
      },
      { who: 'sitelead', position: 'AGREE', hoursAgo: 50 },
      { who: 'clinician', position: 'AGREE', hoursAgo: 30 },
    ],
  },
  {
    idea: 'A two-question text check-in between visits',
    by: 'patient',
    question: 'Which two questions should the check-in ask?',
    details: 'Two dots each. The two questions with the most dots go into the first version of the text.',
    openedHoursAgo: 30,
    closesInHours: 24 * 3,
    dots: {
      options: [
        'How many times did you need the toilet yesterday?',
        'How bad is your tummy pain today, from 0 to 10?',
        'Did you miss school or work this week because of your IBD?',
        'Is there anything you would like the team to call you about?',
      ],
      perMember: 2,
      ballots: [
        {
          who: 'patient',
          votes: [
            [1, 1],
            [3, 1],
          ],
          hoursAgo: 29,
        },
        {
          who: { role: 'FAMILY_MEMBER', site: 0 },
          votes: [
            [2, 1],
            [3, 1],
          ],
          hoursAgo: 25,
        },
        { who: 'researcher', votes: [[0, 2]], hoursAgo: 12 },
      ],
    },
  },
];

/** Decisions still waiting for some of their participants, so the demo sign-ins find one on their home page. */
const DEMO_PENDING_DECISIONS: DemoPendingDecision[] = [
  {
    idea: 'A school support plan written with the family at diagnosis',
    participants: ['family', 'patient', { role: 'SITE_LEAD', site: ST_BRIGID }, { role: 'CLINICIAN', site: ST_BRIGID }],
    to: 'TESTING',
    decision: "Test the one-page school plan with two St Brigid's schools this term.",
    rationale:
      'The plan went through three drafts with families; two head teachers have agreed to try it for six weeks.',
    proposedHoursAgo: 6,
    confirmed: [
      {
        who: { role: 'SITE_LEAD', site: ST_BRIGID },
        comment: 'Yes. I will brief both schools on Monday.',
        hoursAgo: 5,
      },
      { who: { role: 'CLINICIAN', site: ST_BRIGID }, comment: '', hoursAgo: 2 },
    ],
  },
  {
    idea: 'Book the first drug level together with the third infusion',
    participants: [{ role: 'CLINICIAN', site: LAKEVIEW }, 'sitelead', 'clinician', 'family'],
    to: 'ADOPTED',
    decision: 'Adopt booking the first drug level with the third infusion at Riverside and Lakeview.',
    rationale:
      'Both sites took the level on the day for most children, families found the text helpful, and the proposal in the thread found no objection.',
    proposedHoursAgo: 18,
    confirmed: [{ who: 'family', comment: 'Gladly, with the new wording.', hoursAgo: 15 }],
    basedOn: 'Adopt booking the first level with the third infusion at Riverside and Lakeview?',
  },
];

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
