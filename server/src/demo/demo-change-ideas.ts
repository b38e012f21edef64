import {
  addMonths,
  CHANGE_IDEA_STATUSES,
  type ChangeIdeaStatus,
  type MonthKey,
  PDSA_ACTS,
  PDSA_STAGES,
  type Role,
} from '@commons/shared';
import { z } from 'zod';
import type { NotificationKind, Prisma } from '../generated/prisma/client';
import { type Day, daySchema, readDemoData, siteIndexSchema, type Who, whoSchema } from './demo-data';
import { DEMO_DRIVERS, DEMO_MEASURES } from './demo-measures';
import { DEMO_EMAIL_DOMAIN, DEMO_SITES } from './demo-people';

/**
 * data/change-ideas.json: eight change ideas of the demo network, in every status. Pre-visit
 * planning is the change behind the improvement the demo measures show at Riverside and Lakeview
 * from month 10 (demo-measures.ts), so its PDSA cycles run there in months 7-10. People are demo
 * sign-ins or the nth member with a role at a site; sites are indexes into the demo's sites (0
 * Riverside, 1 St Brigid's, 2 Lakeview); days are [months after the network's first month, day];
 * drivers are titles of data/measures.json's drivers, measures its keys.
 */
const decisionSchema = z.strictObject({
  on: daySchema,
  to: z.enum(CHANGE_IDEA_STATUSES),
  decision: z.string().min(1),
  rationale: z.string().min(1),
  /** Why it went ahead without a patient or family voice (moves to TESTING or ADOPTED without one need it). */
  patientVoiceReason: z.string().min(1).optional(),
  /** The first participant records it. */
  participants: z.array(whoSchema).min(1),
});

const cycleSchema = z.strictObject({
  site: siteIndexSchema,
  by: whoSchema,
  title: z.string().min(1),
  plan: z.string(),
  prediction: z.string(),
  doNotes: z.string(),
  studyNotes: z.string(),
  act: z.enum(PDSA_ACTS).nullable(),
  actNotes: z.string(),
  stage: z.enum(PDSA_STAGES),
  start: daySchema,
  end: daySchema.nullable(),
  measures: z.array(z.string().min(1)),
});

const changeIdeasFileSchema = z.array(
  z
    .strictObject({
      title: z.string().min(1),
      problem: z.string().min(1),
      idea: z.string().min(1),
      proposer: whoSchema,
      proposed: daySchema,
      drivers: z.array(z.string().min(1)),
      /** Joined on a day, or still invited (joined null). */
      coDesigners: z.array(
        z.strictObject({
          who: whoSchema,
          invitedBy: whoSchema.optional(),
          invited: daySchema,
          joined: daySchema.nullable(),
        }),
      ),
      endorsers: z.array(whoSchema),
      decisions: z.array(decisionSchema),
      cycles: z.array(cycleSchema),
      nextDecision: daySchema.optional(),
    })
    .superRefine((idea, context) => {
      const drivers = new Set(DEMO_DRIVERS.flatMap((driver) => [driver.title, ...driver.secondary]));
      idea.drivers.forEach((title, i) => {
        if (!drivers.has(title))
          context.addIssue({ code: 'custom', path: ['drivers', i], message: `no driver "${title}"` });
      });
      const measures = new Set<string>(DEMO_MEASURES.map((measure) => measure.key));
      idea.cycles.forEach((cycle, i) => {
        if (cycle.site >= DEMO_SITES.length)
          context.addIssue({ code: 'custom', path: ['cycles', i, 'site'], message: `no site ${cycle.site}` });
        cycle.measures.forEach((key, k) => {
          if (!measures.has(key))
            context.addIssue({ code: 'custom', path: ['cycles', i, 'measures', k], message: `no measure "${key}"` });
        });
      });
    }),
);

export const DEMO_CHANGE_IDEAS = readDemoData('change-ideas.json', changeIdeasFileSchema);

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
