import {
  addMonths,
  type ChangeIdeaStatus,
  type MonthKey,
  type PdsaAct,
  type PdsaStage,
  type Role,
} from '@commons/shared';
import type { NotificationKind, Prisma } from '../generated/prisma/client';
import { readDemoJson } from './demo-data';
import { DEMO_EMAIL_DOMAIN } from './demo-people';

/**
 * Who someone in the demo is: a memorable sign-in by the local part of her email ('patient'),
 * or the nth member with a role at a site (index into DEMO_SITES; null for network-wide).
 */
type Who = string | { role: Role; site: number | null; n?: number };

/** A day of the demo: months after the network's first month, and the day of that month. */
type Day = [month: number, day: number];

interface DemoDecision {
  on: Day;
  to: ChangeIdeaStatus;
  decision: string;
  rationale: string;
  /** Why it went ahead without a patient or family voice (moves to TESTING or ADOPTED without one need it). */
  patientVoiceReason?: string;
  /** The first participant records it. */
  participants: Who[];
}

interface DemoCycle {
  /** 0 = Riverside, 2 = Lakeview. */
  site: number;
  by: Who;
  title: string;
  plan: string;
  prediction: string;
  doNotes: string;
  studyNotes: string;
  act: PdsaAct | null;
  actNotes: string;
  stage: PdsaStage;
  start: Day;
  end: Day | null;
  measures: string[];
}

interface DemoIdea {
  title: string;
  problem: string;
  idea: string;
  proposer: Who;
  proposed: Day;
  drivers: string[];
  /** Joined on a day, or still invited (joined null). */
  coDesigners: { who: Who; invitedBy?: Who; invited: Day; joined: Day | null }[];
  endorsers: Who[];
  decisions: DemoDecision[];
  cycles: DemoCycle[];
  nextDecision?: Day;
}

/**
 * Eight change ideas of the demo network, in every status (data/change-ideas.json). Pre-visit
 * planning is the change behind the improvement the demo measures show at Riverside and Lakeview
 * from month 10 (demo-measures.ts), so its PDSA cycles run there in months 7-10. Sites are indexes
 * into DEMO_SITES: 0 Riverside, 1 St Brigid's, 2 Lakeview.
 */
export const DEMO_CHANGE_IDEAS: DemoIdea[] = readDemoJson('change-ideas.json');

interface SeedPerson {
  userId: string;
  email: string;
  role: Role;
  site: number | null;
}

/** Events of the last few demo months that still show as unread notifications. */
const RECENT_MONTH = 21;

/**
 * Seeds the demo change ideas with their co-designers, endorsements, decisions and PDSA
 * cycles, and the notifications their recent events would have sent.
 */
export async function seedDemoChangeIdeas(
  tx: Prisma.TransactionClient,
  input: { networkId: string; firstMonth: MonthKey; siteIds: string[]; people: SeedPerson[] },
): Promise<void> {
  const { networkId, firstMonth } = input;
  const at = ([month, day]: Day, hour = 10) =>
    new Date(`${addMonths(firstMonth, month)}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`);
  const date = ([month, day]: Day) =>
    new Date(`${addMonths(firstMonth, month)}-${String(day).padStart(2, '0')}T00:00:00Z`);
  const person = (who: Who): SeedPerson => {
    const found =
      typeof who === 'string'
        ? input.people.find((p) => p.email === `${who}@${DEMO_EMAIL_DOMAIN}`)
        : input.people.filter((p) => p.role === who.role && p.site === who.site)[who.n ?? 0];
    if (!found) throw new Error(`demo change ideas: nobody is ${JSON.stringify(who)}`);
    return found;
  };
  const drivers = new Map(
    (await tx.driver.findMany({ where: { networkId }, select: { id: true, title: true } })).map((d) => [d.title, d.id]),
  );
  const measures = new Map(
    (await tx.measure.findMany({ where: { networkId }, select: { id: true, key: true } })).map((m) => [m.key, m.id]),
  );
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
    subject: { type: 'CHANGE_IDEA' | 'PDSA_CYCLE'; id: string },
    actorId: string,
    createdAt: Date,
    payload: Prisma.InputJsonObject,
    recipients: string[],
  ) => {
    for (const userId of new Set(recipients)) {
      if (userId === actorId) continue;
      notifications.push({
        userId,
        networkId,
        kind,
        subjectType: subject.type,
        subjectId: subject.id,
        actorId,
        payload: { ...payload, actorName: names.get(actorId) ?? '' },
        createdAt,
      });
    }
  };

  for (const demo of DEMO_CHANGE_IDEAS) {
    const proposer = person(demo.proposer);
    const last = demo.decisions[demo.decisions.length - 1];
    const updated = [
      demo.proposed,
      ...demo.decisions.map((d) => d.on),
      ...demo.cycles.map((c) => c.end ?? c.start),
    ].map((d) => at(d).getTime());
    const idea = await tx.changeIdea.create({
      data: {
        networkId,
        title: demo.title,
        problem: demo.problem,
        idea: demo.idea,
        proposerId: proposer.userId,
        status: last?.to ?? 'PROPOSED',
        nextDecisionOn: demo.nextDecision ? date(demo.nextDecision) : null,
        version: 1 + demo.decisions.length,
        statusChangedAt: at(last?.on ?? demo.proposed),
        createdAt: at(demo.proposed),
        updatedAt: new Date(Math.max(...updated)),
        drivers: { create: demo.drivers.map((title) => ({ driverId: drivers.get(title)! })) },
      },
      select: { id: true },
    });
    const coDesignerIds = [proposer.userId];
    await tx.changeIdeaCoDesigner.create({
      data: {
        ideaId: idea.id,
        userId: proposer.userId,
        role: proposer.role,
        status: 'ACTIVE',
        invitedAt: at(demo.proposed),
        joinedAt: at(demo.proposed),
      },
    });
    for (const c of demo.coDesigners) {
      const member = person(c.who);
      const inviter = person(c.invitedBy ?? demo.proposer);
      await tx.changeIdeaCoDesigner.create({
        data: {
          ideaId: idea.id,
          userId: member.userId,
          role: member.role,
          status: c.joined ? 'ACTIVE' : 'INVITED',
          invitedById: inviter.userId,
          invitedAt: at(c.invited, 9),
          joinedAt: c.joined ? at(c.joined, 18) : null,
          respondedAt: c.joined ? at(c.joined, 18) : null,
        },
      });
      if (c.joined) coDesignerIds.push(member.userId);
      else
        notify(
          'CO_DESIGN_INVITE',
          { type: 'CHANGE_IDEA', id: idea.id },
          inviter.userId,
          at(c.invited, 9),
          { ideaId: idea.id, ideaTitle: demo.title },
          [member.userId],
        );
    }
    const endorsers = demo.endorsers.map(person);
    await tx.changeIdeaEndorsement.createMany({
      data: endorsers.map((e, i) => ({
        ideaId: idea.id,
        userId: e.userId,
        role: e.role,
        createdAt: new Date(at(demo.proposed).getTime() + (i + 1) * 86_400_000),
      })),
    });
    let from: ChangeIdeaStatus = 'PROPOSED';
    for (const d of demo.decisions) {
      const participants = d.participants.map(person);
      // Recorded in the morning; each participant confirmed during the day, the last at 15:00, when it took effect.
      const confirmedAt = (i: number) =>
        i === 0 ? at(d.on, 9) : new Date(at(d.on, 15).getTime() - (participants.length - 1 - i) * 3_600_000);
      const decision = await tx.changeIdeaDecision.create({
        data: {
          ideaId: idea.id,
          status: 'TAKEN',
          fromStatus: from,
          toStatus: d.to,
          decision: d.decision,
          rationale: d.rationale,
          patientVoiceReason: d.patientVoiceReason ?? '',
          decidedById: participants[0].userId,
          proposedAt: at(d.on, 9),
          expiresAt: new Date(at(d.on, 9).getTime() + 14 * 86_400_000),
          decidedAt: at(d.on, 15),
          closedAt: at(d.on, 15),
          participants: {
            create: participants.map((p, i) => ({
              userId: p.userId,
              role: p.role,
              coDesigner: coDesignerIds.includes(p.userId),
              answer: 'CONFIRMED' as const,
              answeredAt: confirmedAt(i),
            })),
          },
        },
        select: { id: true },
      });
      if (d.on[0] >= RECENT_MONTH) {
        notify(
          'IDEA_DECISION',
          { type: 'CHANGE_IDEA', id: idea.id },
          participants[0].userId,
          at(d.on, 15),
          {
            ideaId: idea.id,
            ideaTitle: demo.title,
            decisionId: decision.id,
            fromStatus: from,
            toStatus: d.to,
            decision: d.decision,
          },
          [...coDesignerIds, ...endorsers.map((e) => e.userId), ...participants.map((p) => p.userId)],
        );
      }
      from = d.to;
    }
    const numbers = new Map<number, number>();
    for (const c of demo.cycles) {
      const author = person(c.by);
      const number = (numbers.get(c.site) ?? 0) + 1;
      numbers.set(c.site, number);
      const siteId = input.siteIds[c.site];
      const cycle = await tx.pdsaCycle.create({
        data: {
          networkId,
          ideaId: idea.id,
          siteId,
          number,
          title: c.title,
          plan: c.plan,
          prediction: c.prediction,
          doNotes: c.doNotes,
          studyNotes: c.studyNotes,
          act: c.act,
          actNotes: c.actNotes,
          stage: c.stage,
          startOn: date(c.start),
          endOn: c.end ? date(c.end) : null,
          createdById: author.userId,
          updatedById: author.userId,
          version: 1 + ['PLAN', 'DO', 'STUDY', 'ACT'].indexOf(c.stage),
          createdAt: at([c.start[0], Math.max(1, c.start[1] - 3)]),
          updatedAt: at(c.end ?? c.start, 16),
          measures: { create: c.measures.map((key) => ({ measureId: measures.get(key)! })) },
        },
        select: { id: true },
      });
      if (c.start[0] >= RECENT_MONTH + 1) {
        notify(
          'PDSA_AT_SITE',
          { type: 'PDSA_CYCLE', id: cycle.id },
          author.userId,
          at([c.start[0], Math.max(1, c.start[1] - 3)]),
          {
            event: 'created',
            cycleId: cycle.id,
            ideaId: idea.id,
            ideaTitle: demo.title,
            siteId,
            number,
            title: c.title,
            stage: 'PLAN',
          },
          input.people.filter((p) => p.site === c.site).map((p) => p.userId),
        );
      }
    }
  }
  await tx.notification.createMany({ data: notifications });
}
