import { CHANGE_IDEA_STATUSES, decisionQuorumProblem, isAllowedTransition } from '@commons/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/demo-people';
import { ANNOTATIONS } from '../test-support/change-ideas';
import type { TestClient } from '../test-support/graphql-client';
import { TestApp } from '../test-support/test-app';

const IDEAS = `query($networkId: ID!) {
  changeIdeas(networkId: $networkId, first: 12) {
    nodes {
      id title status version noPatientOrFamilyVoice viewerCoDesignStatus nextDecisionOn
      drivers { id }
      coDesigners { member { userId } role status }
      endorsements { total byRole { role count } }
      decisions { status fromStatus toStatus decidedAt patientVoiceReason decidedBy { userId } participants { member { userId } role coDesigner answer } }
      pdsaCycles { number stage act studyNotes startOn endOn site { slug } measures { key } }
    }
  }
}`;

describe("the demo network's change ideas", () => {
  let app: TestApp;
  let patient: TestClient;
  let networkId: string;
  let ideas: any[];
  let firstMonth: string;

  beforeAll(async () => {
    app = await TestApp.start({ SEED_DEMO: 'true' });
    patient = app.client();
    await patient.signIn('patient@demo.commons.test', DEMO_PASSWORD);
    const network = await app.prisma.network.findFirstOrThrow({ select: { id: true, startedOn: true } });
    networkId = network.id;
    firstMonth = network.startedOn.toISOString().slice(0, 7);
    ideas = (await patient.ok(IDEAS, { networkId })).changeIdeas.nodes;
  });

  afterAll(() => app?.stop());

  it('has eight ideas in every status, each linked to drivers', () => {
    expect(ideas).toHaveLength(8);
    expect(new Set(ideas.map((i) => i.status))).toEqual(new Set(CHANGE_IDEA_STATUSES));
    for (const idea of ideas) expect(idea.drivers.length).toBeGreaterThan(0);
  });

  it('moved every idea by decisions the lifecycle and the together rule allow, each confirmed by everyone in it, one version each', () => {
    for (const idea of ideas) {
      const taken = idea.decisions.filter((d: any) => d.status === 'TAKEN');
      for (const decision of taken)
        expect(decision.participants.every((p: any) => p.answer === 'CONFIRMED')).toBe(true);
      const oldestFirst = [...taken].reverse();
      let status = 'PROPOSED';
      for (const decision of oldestFirst) {
        expect(decision.fromStatus).toBe(status);
        expect(isAllowedTransition(decision.fromStatus, decision.toStatus)).toBe(true);
        const participants = decision.participants.map((p: any) => ({
          userId: p.member.userId,
          role: p.role,
          coDesigner: p.coDesigner,
        }));
        expect(decisionQuorumProblem(decision.decidedBy.userId, participants)).toBeNull();
        status = decision.toStatus;
      }
      expect(idea.status).toBe(status);
      expect(idea.version).toBe(1 + taken.length);
    }
    // The one idea without a patient or family voice went to testing with a reason, shown on it.
    const registry = ideas.find((i) => i.title.startsWith('Monthly registry review'));
    expect(registry.decisions.find((d: any) => d.toStatus === 'TESTING').patientVoiceReason).toMatch(
      /patient partner is invited/,
    );
  });

  it('has decisions waiting on the home pages of the patient partner, the clinician and the site lead, and proposals with positions in their threads', async () => {
    const AWAITING = `query($networkId: ID!) { decisionsAwaitingMe(networkId: $networkId) { status toStatus idea { title } proposal { question } participants { answer } } }`;
    const signIn = async (who: string) => {
      const client = app.client();
      await client.signIn(`${who}@demo.commons.test`, DEMO_PASSWORD);
      return client;
    };
    const [clinician, lead] = [await signIn('clinician'), await signIn('sitelead')];
    expect(
      (await patient.ok(AWAITING, { networkId })).decisionsAwaitingMe.map((d: any) => [d.idea.title, d.toStatus]),
    ).toEqual([['A school support plan written with the family at diagnosis', 'TESTING']]);
    for (const member of [clinician, lead]) {
      const [waiting] = (await member.ok(AWAITING, { networkId })).decisionsAwaitingMe;
      expect(waiting).toMatchObject({
        status: 'PENDING',
        toStatus: 'ADOPTED',
        idea: { title: 'Book the first drug level together with the third infusion' },
      });
      expect(waiting.proposal.question).toMatch(/^Adopt booking the first level/);
      expect(waiting.participants.filter((p: any) => p.answer === 'CONFIRMED')).toHaveLength(2);
    }

    const PROPOSALS = `query($threadId: ID!) { proposals(threadId: $threadId) { nodes { kind question open voters outcome positionTally { group agree abstain disagree block } dotTally { total } } } }`;
    const THREAD = `query($id: ID!) { thread(subjectType: CHANGE_IDEA, subjectId: $id) { id } }`;
    const proposalsOf = async (title: string) => {
      const idea = ideas.find((i) => i.title === title);
      const { thread } = await patient.ok(THREAD, { id: idea.id });
      return (await patient.ok(PROPOSALS, { threadId: thread.id })).proposals.nodes;
    };
    const [school] = await proposalsOf('A school support plan written with the family at diagnosis');
    expect(school).toMatchObject({ kind: 'CONSENT', open: true, voters: 4 });
    expect(school.positionTally.map((g: any) => g.agree + g.abstain + g.disagree + g.block)).toEqual([1, 1, 1, 1, 0]);
    const [levels] = await proposalsOf('Book the first drug level together with the third infusion');
    expect(levels).toMatchObject({
      open: false,
      voters: 4,
      outcome: expect.stringMatching(/^Everyone who answered agreed/),
    });
    const [dots] = await proposalsOf('A two-question text check-in between visits');
    expect(dots).toMatchObject({ kind: 'DOT_VOTE', open: true, voters: 3 });
    expect(dots.dotTally.map((o: any) => o.total)).toEqual([2, 1, 1, 2]);
  });

  it('has the patient and family demo members co-designing, and one idea without a patient or family voice', async () => {
    const byEmail = async (email: string) => (await app.prisma.user.findUniqueOrThrow({ where: { email } })).id;
    const [patientId, familyId] = await Promise.all([
      byEmail('patient@demo.commons.test'),
      byEmail('family@demo.commons.test'),
    ]);
    const coDesigning = (userId: string) =>
      ideas.filter((i) => i.coDesigners.some((c: any) => c.member.userId === userId && c.status === 'ACTIVE'));
    expect(coDesigning(patientId).length).toBeGreaterThanOrEqual(3);
    expect(coDesigning(familyId).length).toBeGreaterThanOrEqual(3);
    expect(ideas.filter((i) => i.noPatientOrFamilyVoice).map((i) => i.title)).toEqual([
      'Monthly registry review to find children overdue for review',
    ]);
    const roles = new Set(
      ideas.flatMap((i) => i.coDesigners.filter((c: any) => c.status === 'ACTIVE').map((c: any) => c.role)),
    );
    expect(roles).toEqual(new Set(['PATIENT_PARTNER', 'FAMILY_MEMBER', 'CLINICIAN', 'RESEARCHER', 'SITE_LEAD']));
    expect(ideas.every((i) => i.endorsements.total > 0)).toBe(true);
  });

  it('tests ideas at Riverside and Lakeview from their improvement months, each cycle consistent', () => {
    const cycles = ideas.flatMap((i) => i.pdsaCycles);
    expect(cycles.length).toBeGreaterThanOrEqual(8);
    expect(new Set(cycles.map((c: any) => c.site.slug))).toEqual(new Set(['riverside', 'lakeview']));
    for (const cycle of cycles) {
      expect(cycle.startOn.slice(0, 7) >= firstMonth).toBe(true);
      if (cycle.endOn) expect(cycle.endOn >= cycle.startOn).toBe(true);
      if (cycle.act) expect(cycle.studyNotes).not.toBe('');
    }
    const huddle = ideas.find((i) => i.title.startsWith('A 15-minute huddle'));
    expect(huddle.status).toBe('ADOPTED');
    expect(huddle.pdsaCycles.map((c: any) => [c.site.slug, c.number, c.act])).toEqual([
      ['riverside', 1, 'ADAPT'],
      ['riverside', 2, 'ADOPT'],
      ['lakeview', 1, 'ADAPT'],
      ['lakeview', 2, 'ADOPT'],
    ]);
  });

  it("draws the pre-visit huddle on Riverside's remission chart", async () => {
    const riverside = await app.prisma.site.findFirstOrThrow({ where: { slug: 'riverside' } });
    const remission = await app.prisma.measure.findFirstOrThrow({ where: { key: 'remission' } });
    const { pdsaAnnotations } = await patient.ok(ANNOTATIONS, {
      networkId,
      siteId: riverside.id,
      measureId: remission.id,
    });
    expect(pdsaAnnotations.map((a: any) => a.title)).toContain('Thursday huddle for every IBD clinic');
  });

  it('leaves invitations open and recent events unread for the demo sign-ins', async () => {
    const clinician = app.client();
    await clinician.signIn('clinician@demo.commons.test', DEMO_PASSWORD);
    const mine = (await clinician.ok(IDEAS, { networkId })).changeIdeas.nodes.filter(
      (i: any) => i.viewerCoDesignStatus === 'INVITED',
    );
    expect(mine.map((i: any) => i.title)).toEqual(['A two-question text check-in between visits']);
    const clinicianId = (await app.prisma.user.findUniqueOrThrow({ where: { email: 'clinician@demo.commons.test' } }))
      .id;
    expect(
      await app.prisma.notification.count({ where: { userId: clinicianId, kind: 'CO_DESIGN_INVITE', readAt: null } }),
    ).toBe(1);
    expect(await app.prisma.notification.count({ where: { kind: 'IDEA_DECISION' } })).toBeGreaterThan(0);
    expect(await app.prisma.notification.count({ where: { kind: 'PDSA_AT_SITE' } })).toBeGreaterThan(0);
  });
});
