import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addCoDesigner,
  AWAITING_ME,
  CONFIRM_DECISION,
  decide,
  DECLINE_DECISION,
  decisionInput,
  GET_IDEA,
  newIdea,
  PROPOSE_DECISION,
  proposeDecision,
  type TestIdea,
  WITHDRAW_DECISION,
} from '../test-support/change-ideas';
import { errorOf } from '../test-support/graphql-client';
import { LiveClient } from '../test-support/live-client';
import { ideaThreadId, openProposal, takePosition } from '../test-support/proposals';
import { TestApp, type TestMember } from '../test-support/test-app';

const DAY_MS = 24 * 60 * 60 * 1000;
const IDEA_DECISIONS = `query($id: ID!) {
  changeIdea(id: $id) {
    status version nextDecisionOn movesNeedingPatientVoiceReason
    pendingDecision { id status toStatus participants { member { userId } answer } }
    decisions { id status fromStatus toStatus patientVoiceReason decidedAt closedAt participants { member { userId } role answer answeredAt comment } }
  }
}`;
const SET_DAYS = `mutation($networkId: ID!, $days: Int!) { setDecisionConfirmationDays(networkId: $networkId, days: $days) { id decisionConfirmationDays } }`;

describe('decisions taken together: each participant confirms', () => {
  let app: TestApp;
  let networkId: string;
  let admin: TestMember;
  let lead: TestMember;
  let otherLead: TestMember;
  let clinician: TestMember;
  let patient: TestMember;
  let family: TestMember;
  let researcher: TestMember;
  let siteA: string;

  beforeAll(async () => {
    app = await TestApp.start();
    const made = await app.newNetwork(2);
    admin = made.admin;
    siteA = made.sites[0].id;
    networkId = made.network.id;
    [lead, otherLead, clinician, patient, family, researcher] = await Promise.all([
      app.newMember(admin, networkId, 'SITE_LEAD', made.sites[0].id, 'Sofia Lead'),
      app.newMember(admin, networkId, 'SITE_LEAD', made.sites[1].id, 'Oskar Lead'),
      app.newMember(admin, networkId, 'CLINICIAN', made.sites[0].id, 'Clara Clinician'),
      app.newMember(admin, networkId, 'PATIENT_PARTNER', made.sites[0].id, 'Pia Patient'),
      app.newMember(admin, networkId, 'FAMILY_MEMBER', made.sites[0].id, 'Fredrik Family'),
      app.newMember(admin, networkId, 'RESEARCHER', null, 'Rut Researcher'),
    ]);
  });

  afterAll(() => app?.stop());

  const ideaOf = async (id: string) => (await admin.client.ok(IDEA_DECISIONS, { id })).changeIdea;
  const notificationsOf = (subjectId: string, kind: string) =>
    app.prisma.notification.findMany({
      where: { subjectId, kind: kind as never },
      select: { userId: true, actorId: true, payload: true },
    });

  describe('recording and confirming', () => {
    it('recording waits: the recorder has confirmed, everyone else is asked, the idea does not move', async () => {
      const idea = await newIdea(patient, networkId, { title: 'Lab texts' });
      const before = Date.now();

      const decision = await proposeDecision(patient, idea, 'CO_DESIGN', [lead, researcher], {
        decision: 'Co-design it with two families',
        nextDecisionOn: '2026-09-01',
      });

      expect(decision).toMatchObject({
        status: 'PENDING',
        fromStatus: 'PROPOSED',
        toStatus: 'CO_DESIGN',
        decidedAt: null,
        closedAt: null,
        decidedBy: { userId: patient.userId },
      });
      const expiresIn = new Date(decision.expiresAt).getTime() - new Date(decision.proposedAt).getTime();
      expect(expiresIn).toBe(14 * DAY_MS);
      expect(new Date(decision.proposedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(decision.participants).toEqual([
        {
          member: { userId: patient.userId, name: 'Pia Patient' },
          role: 'PATIENT_PARTNER',
          coDesigner: true,
          answer: 'CONFIRMED',
          answeredAt: decision.proposedAt,
          comment: '',
        },
        expect.objectContaining({
          member: expect.objectContaining({ userId: expect.any(String) }),
          answer: 'WAITING',
          answeredAt: null,
        }),
        expect.objectContaining({ answer: 'WAITING', answeredAt: null }),
      ]);
      const now = await ideaOf(idea.id);
      expect(now).toMatchObject({
        status: 'PROPOSED',
        version: 1,
        nextDecisionOn: null,
        pendingDecision: { id: decision.id, status: 'PENDING' },
      });

      const asked = await notificationsOf(idea.id, 'DECISION_AWAITING_CONFIRMATION');
      expect(asked.map((n) => n.userId).sort()).toEqual([lead.userId, researcher.userId].sort());
      expect(asked[0]).toMatchObject({ actorId: patient.userId });
      expect(asked[0].payload).toMatchObject({
        ideaId: idea.id,
        ideaTitle: 'Lab texts',
        decisionId: decision.id,
        fromStatus: 'PROPOSED',
        toStatus: 'CO_DESIGN',
        decision: 'Co-design it with two families',
        actorName: 'Pia Patient',
        expiresAt: decision.expiresAt,
      });
      expect((await lead.client.ok(AWAITING_ME, { networkId })).decisionsAwaitingMe.map((d: any) => d.id)).toContain(
        decision.id,
      );
      expect(
        (await patient.client.ok(AWAITING_ME, { networkId })).decisionsAwaitingMe.map((d: any) => d.id),
      ).not.toContain(decision.id);
    });

    it('the idea moves once confirmations meet the together rule; the record shows who confirmed, when, in which role, with her comment, and who did not answer', async () => {
      const idea = await newIdea(patient, networkId);
      const decision = await proposeDecision(patient, idea, 'CO_DESIGN', [researcher, lead, clinician], {
        nextDecisionOn: '2026-09-01',
      });

      // A researcher confirming brings no site lead or admin: it still waits.
      const first = (
        await researcher.client.ok(CONFIRM_DECISION, { decisionId: decision.id, comment: 'Yes, with Riverside first.' })
      ).confirmDecision;
      expect(first.status).toBe('PENDING');
      expect(await ideaOf(idea.id)).toMatchObject({ status: 'PROPOSED', version: 1 });
      expect(
        (await researcher.client.ok(AWAITING_ME, { networkId })).decisionsAwaitingMe.map((d: any) => d.id),
      ).not.toContain(decision.id);

      // The site lead confirming with the proposer meets the rule; the clinician's answer is not needed.
      const taken = (await lead.client.ok(CONFIRM_DECISION, { decisionId: decision.id })).confirmDecision;

      expect(taken).toMatchObject({ status: 'TAKEN', decidedAt: expect.any(String), closedAt: taken.decidedAt });
      const answers = Object.fromEntries(taken.participants.map((p: any) => [p.member.userId, p]));
      expect(answers[researcher.userId]).toMatchObject({
        role: 'RESEARCHER',
        answer: 'CONFIRMED',
        comment: 'Yes, with Riverside first.',
        answeredAt: first.participants.find((p: any) => p.member.userId === researcher.userId).answeredAt,
      });
      expect(answers[lead.userId]).toMatchObject({
        role: 'SITE_LEAD',
        answer: 'CONFIRMED',
        answeredAt: taken.decidedAt,
        comment: '',
      });
      expect(answers[clinician.userId]).toMatchObject({ role: 'CLINICIAN', answer: 'WAITING', answeredAt: null });
      expect(await ideaOf(idea.id)).toMatchObject({
        status: 'CO_DESIGN',
        version: 2,
        nextDecisionOn: '2026-09-01',
        pendingDecision: null,
      });
      expect((await notificationsOf(idea.id, 'IDEA_DECISION')).map((n) => n.userId).sort()).toEqual(
        [patient.userId, researcher.userId, clinician.userId].sort(),
      );

      // Too late to answer: it no longer waits for her.
      const late = await clinician.client.gql(CONFIRM_DECISION, { decisionId: decision.id });
      expect(errorOf(late).code).toBe('DECISION_CLOSED');
      expect(late.errors![0].extensions!.status).toBe('TAKEN');
      expect(
        (await clinician.client.ok(AWAITING_ME, { networkId })).decisionsAwaitingMe.map((d: any) => d.id),
      ).not.toContain(decision.id);
    });

    it('records the role a participant has when she confirms', async () => {
      const idea = await newIdea(patient, networkId);
      const changing = await app.newMember(admin, networkId, 'CLINICIAN', siteA, 'Changing Role');
      const decision = await proposeDecision(patient, idea, 'CO_DESIGN', [lead, changing]);
      await app.prisma.membership.updateMany({
        where: { userId: changing.userId, networkId },
        data: { role: 'RESEARCHER' },
      });
      const saved = (await changing.client.ok(CONFIRM_DECISION, { decisionId: decision.id })).confirmDecision;
      expect(saved.participants.find((p: any) => p.member.userId === changing.userId)).toMatchObject({
        role: 'RESEARCHER',
        answer: 'CONFIRMED',
      });
    });

    it('tells the pages open on the idea live, and the home pages of everyone named: when it is recorded and when it takes effect', async () => {
      const idea = await newIdea(patient, networkId);
      const threadId = await ideaThreadId(clinician, idea.id);
      const [watcher, named, bystander] = await Promise.all([
        LiveClient.open(app.url, clinician.client.cookie),
        LiveClient.open(app.url, lead.client.cookie),
        LiveClient.open(app.url, researcher.client.cookie),
      ]);
      try {
        await watcher.ok('thread:join', { threadId });
        const decision = await proposeDecision(patient, idea, 'CO_DESIGN', [lead]);
        expect(await watcher.next('idea:changed')).toEqual({ ideaId: idea.id, status: 'PROPOSED', version: 1 });
        expect(await named.next('decision:changed')).toEqual({
          networkId,
          ideaId: idea.id,
          decisionId: decision.id,
          status: 'PENDING',
        });
        await lead.client.ok(CONFIRM_DECISION, { decisionId: decision.id });
        expect(await watcher.next('idea:changed', (p: any) => p.status === 'CO_DESIGN')).toEqual({
          ideaId: idea.id,
          status: 'CO_DESIGN',
          version: 2,
        });
        expect(await named.next('decision:changed', (p: any) => p.status === 'TAKEN')).toMatchObject({
          decisionId: decision.id,
        });
        expect(bystander.received.filter((r) => r.event === 'decision:changed' || r.event === 'idea:changed')).toEqual(
          [],
        );
      } finally {
        for (const client of [watcher, named, bystander]) client.close();
      }
    });

    it('confirming again changes only the comment; a member not named may not answer; a non-member is told nothing exists', async () => {
      const idea = await newIdea(patient, networkId);
      const decision = await proposeDecision(patient, idea, 'CO_DESIGN', [lead, researcher]);
      await researcher.client.ok(CONFIRM_DECISION, { decisionId: decision.id, comment: 'first' });
      const again = (await researcher.client.ok(CONFIRM_DECISION, { decisionId: decision.id, comment: 'second' }))
        .confirmDecision;
      expect(again.status).toBe('PENDING');
      expect(again.participants.find((p: any) => p.member.userId === researcher.userId).comment).toBe('second');

      expect(errorOf(await clinician.client.gql(CONFIRM_DECISION, { decisionId: decision.id })).code).toBe('FORBIDDEN');
      expect(errorOf(await admin.client.gql(DECLINE_DECISION, { decisionId: decision.id })).code).toBe('FORBIDDEN');
      const outsider = (await app.newNetwork(1)).admin;
      expect(errorOf(await outsider.client.gql(CONFIRM_DECISION, { decisionId: decision.id })).code).toBe('NOT_FOUND');
      expect(errorOf(await lead.client.gql(CONFIRM_DECISION, { decisionId: 'not-an-id' }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'decisionId',
      });
      expect(
        errorOf(await lead.client.gql(CONFIRM_DECISION, { decisionId: decision.id, comment: 'x'.repeat(1001) })),
      ).toEqual({ code: 'BAD_USER_INPUT', field: 'comment' });
      expect((await ideaOf(idea.id)).status).toBe('PROPOSED');
    });
  });

  describe('declining, withdrawing and expiry', () => {
    it('a decline with its reason ends the decision visibly; the others hear why; nobody answers it any more', async () => {
      const idea = await newIdea(patient, networkId, { title: 'School plans' });
      const decision = await proposeDecision(patient, idea, 'CO_DESIGN', [lead, researcher]);
      await researcher.client.ok(CONFIRM_DECISION, { decisionId: decision.id });

      const declined = (
        await lead.client.ok(DECLINE_DECISION, {
          decisionId: decision.id,
          reason: 'Not before the school term starts.',
        })
      ).declineDecision;

      expect(declined).toMatchObject({ status: 'DECLINED', decidedAt: null, closedAt: expect.any(String) });
      expect(declined.participants.find((p: any) => p.member.userId === lead.userId)).toMatchObject({
        answer: 'DECLINED',
        comment: 'Not before the school term starts.',
      });
      const now = await ideaOf(idea.id);
      expect(now).toMatchObject({ status: 'PROPOSED', version: 1, pendingDecision: null });
      expect(now.decisions[0]).toMatchObject({ id: decision.id, status: 'DECLINED' });
      const told = await notificationsOf(idea.id, 'DECISION_DECLINED');
      expect(told.map((n) => n.userId).sort()).toEqual([patient.userId, researcher.userId].sort());
      expect(told[0].payload).toMatchObject({
        reason: 'Not before the school term starts.',
        actorName: 'Sofia Lead',
        toStatus: 'CO_DESIGN',
        ideaTitle: 'School plans',
      });

      const late = await researcher.client.gql(CONFIRM_DECISION, { decisionId: decision.id });
      expect(errorOf(late).code).toBe('DECISION_CLOSED');
      expect(late.errors![0].extensions!.status).toBe('DECLINED');
      // The idea is free for the next decision.
      expect((await decide(patient, idea, 'CO_DESIGN', [lead])).status).toBe('CO_DESIGN');
    });

    it('a participant who confirmed may still decline while it waits', async () => {
      const idea = await newIdea(patient, networkId);
      const decision = await proposeDecision(patient, idea, 'CO_DESIGN', [lead, researcher]);
      await researcher.client.ok(CONFIRM_DECISION, { decisionId: decision.id });
      expect(
        (await researcher.client.ok(DECLINE_DECISION, { decisionId: decision.id, reason: 'On second thoughts, no.' }))
          .declineDecision.status,
      ).toBe('DECLINED');
    });

    it('its recorder withdraws it; nobody else may', async () => {
      const idea = await newIdea(patient, networkId);
      const decision = await proposeDecision(patient, idea, 'CO_DESIGN', [lead]);
      expect(errorOf(await lead.client.gql(WITHDRAW_DECISION, { decisionId: decision.id })).code).toBe('FORBIDDEN');
      expect((await patient.client.ok(WITHDRAW_DECISION, { decisionId: decision.id })).withdrawDecision.status).toBe(
        'WITHDRAWN',
      );
      expect(errorOf(await patient.client.gql(WITHDRAW_DECISION, { decisionId: decision.id })).code).toBe(
        'DECISION_CLOSED',
      );
      expect(errorOf(await lead.client.gql(CONFIRM_DECISION, { decisionId: decision.id })).code).toBe(
        'DECISION_CLOSED',
      );
      expect((await ideaOf(idea.id)).status).toBe('PROPOSED');
    });

    it("expires after the network's number of days, which only admins set", async () => {
      expect(errorOf(await lead.client.gql(SET_DAYS, { networkId, days: 3 })).code).toBe('FORBIDDEN');
      expect(errorOf(await admin.client.gql(SET_DAYS, { networkId, days: 0 }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'days',
      });
      expect(
        (await admin.client.ok(SET_DAYS, { networkId, days: 3 })).setDecisionConfirmationDays.decisionConfirmationDays,
      ).toBe(3);
      const idea = await newIdea(patient, networkId);
      try {
        const decision = await proposeDecision(patient, idea, 'CO_DESIGN', [lead]);
        expect(new Date(decision.expiresAt).getTime() - new Date(decision.proposedAt).getTime()).toBe(3 * DAY_MS);

        // Three days pass.
        const expiredAt = new Date(Date.now() - 1000);
        await app.prisma.changeIdeaDecision.update({ where: { id: decision.id }, data: { expiresAt: expiredAt } });

        const now = await ideaOf(idea.id);
        expect(now.pendingDecision).toBeNull();
        expect(now.decisions[0]).toMatchObject({
          id: decision.id,
          status: 'EXPIRED',
          closedAt: expiredAt.toISOString(),
        });
        expect(
          (await lead.client.ok(AWAITING_ME, { networkId })).decisionsAwaitingMe.map((d: any) => d.id),
        ).not.toContain(decision.id);
        const late = await lead.client.gql(CONFIRM_DECISION, { decisionId: decision.id });
        expect(errorOf(late).code).toBe('DECISION_CLOSED');
        expect(late.errors![0].extensions!.status).toBe('EXPIRED');
        expect(await app.prisma.changeIdeaDecision.findUniqueOrThrow({ where: { id: decision.id } })).toMatchObject({
          status: 'EXPIRED',
          closedAt: expiredAt,
        });
        expect((await ideaOf(idea.id)).status).toBe('PROPOSED');
        // A new decision may be recorded.
        expect((await decide(patient, idea, 'CO_DESIGN', [lead])).status).toBe('CO_DESIGN');
      } finally {
        await admin.client.ok(SET_DAYS, { networkId, days: 14 });
      }
    });
  });

  describe('the together rule, as before', () => {
    it.each([
      ['an admin alone', () => admin, () => [admin], 'NO_CO_DESIGNER'],
      ['a site lead with an admin but no co-designer', () => lead, () => [lead, admin], 'NO_CO_DESIGNER'],
      [
        'the proposer with other members but no steward',
        () => patient,
        () => [patient, clinician, researcher],
        'NO_STEWARD',
      ],
      ['the proposer naming a site lead but not herself', () => patient, () => [lead], 'ACTOR_NOT_PARTICIPANT'],
    ] as const)(
      '%s is refused (FORBIDDEN) and nothing is written, nobody is asked',
      async (_label, actorOf, participantsOf, reason) => {
        const idea = await newIdea(patient, networkId);
        const result = await actorOf().client.gql(PROPOSE_DECISION, {
          ideaId: idea.id,
          input: decisionInput(idea, 'CO_DESIGN', participantsOf()),
        });
        expect(errorOf(result)).toEqual({ code: 'FORBIDDEN', field: 'input.participantIds' });
        expect(result.errors![0].extensions!.reason).toBe(reason);
        expect(await app.prisma.changeIdeaDecision.count({ where: { ideaId: idea.id } })).toBe(0);
        expect(await notificationsOf(idea.id, 'DECISION_AWAITING_CONFIRMATION')).toEqual([]);
      },
    );

    it('a member who neither takes part in the idea nor stewards may not record one', async () => {
      const idea = await newIdea(patient, networkId);
      const result = await researcher.client.gql(PROPOSE_DECISION, {
        ideaId: idea.id,
        input: decisionInput(idea, 'CO_DESIGN', [researcher, patient, lead]),
      });
      expect(errorOf(result).code).toBe('FORBIDDEN');
    });

    it('follows the lifecycle, names the participant who is not a member, validates by field', async () => {
      const idea = await newIdea(patient, networkId);
      const wrongMove = await patient.client.gql(PROPOSE_DECISION, {
        ideaId: idea.id,
        input: decisionInput(idea, 'ADOPTED', [patient, lead]),
      });
      expect(errorOf(wrongMove)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.toStatus' });
      const outsider = (await app.newNetwork(1)).admin;
      expect(
        errorOf(
          await patient.client.gql(PROPOSE_DECISION, {
            ideaId: idea.id,
            input: decisionInput(idea, 'CO_DESIGN', [patient, lead, outsider]),
          }),
        ),
      ).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'input.participantIds.2',
      });
      for (const [overrides, field] of [
        [{ decision: '  ' }, 'input.decision'],
        [{ rationale: '' }, 'input.rationale'],
        [{ participantIds: [] }, 'input.participantIds'],
        [{ expectedVersion: 0 }, 'input.expectedVersion'],
        [{ patientVoiceReason: 'x\u0000' }, 'input.patientVoiceReason'],
        [{ proposalId: 'nope' }, 'input.proposalId'],
      ] as const) {
        expect(
          errorOf(
            await patient.client.gql(PROPOSE_DECISION, {
              ideaId: idea.id,
              input: decisionInput(idea, 'CO_DESIGN', [patient, lead], overrides),
            }),
          ),
        ).toEqual({
          code: 'BAD_USER_INPUT',
          field,
        });
      }
      expect(await app.prisma.changeIdeaDecision.count({ where: { ideaId: idea.id } })).toBe(0);
    });

    it('a decision on a version someone else already moved answers CONFLICT with the current state', async () => {
      const idea = await newIdea(patient, networkId);
      await decide(lead, idea, 'CO_DESIGN', [patient]);
      const stale = await patient.client.gql(PROPOSE_DECISION, {
        ideaId: idea.id,
        input: decisionInput(idea, 'ABANDONED', [patient, lead]),
      });
      expect(errorOf(stale)).toEqual({ code: 'CONFLICT', field: 'input.expectedVersion' });
      expect(stale.errors![0].extensions).toMatchObject({ currentVersion: 2, currentStatus: 'CO_DESIGN' });
    });
  });

  describe('two decisions on one idea never both take effect', () => {
    it('while one waits, another is refused with DECISION_PENDING naming it', async () => {
      const idea = await newIdea(patient, networkId);
      const waiting = await proposeDecision(patient, idea, 'CO_DESIGN', [lead]);
      const second = await lead.client.gql(PROPOSE_DECISION, {
        ideaId: idea.id,
        input: decisionInput(idea, 'ABANDONED', [lead, patient]),
      });
      expect(errorOf(second).code).toBe('DECISION_PENDING');
      expect(second.errors![0].extensions!.pendingDecisionId).toBe(waiting.id);
    });

    it('of decisions recorded at once on the same idea, exactly one waits', async () => {
      const ideas = await Promise.all([1, 2, 3].map(() => newIdea(patient, networkId)));
      for (const idea of ideas) {
        const results = await Promise.all([
          patient.client.gql(PROPOSE_DECISION, {
            ideaId: idea.id,
            input: decisionInput(idea, 'CO_DESIGN', [patient, lead]),
          }),
          lead.client.gql(PROPOSE_DECISION, {
            ideaId: idea.id,
            input: decisionInput(idea, 'ABANDONED', [lead, patient]),
          }),
          patient.client.gql(PROPOSE_DECISION, {
            ideaId: idea.id,
            input: decisionInput(idea, 'ABANDONED', [patient, otherLead]),
          }),
        ]);
        expect(results.map((r) => (r.errors ? errorOf(r).code : 'ok')).sort()).toEqual([
          'DECISION_PENDING',
          'DECISION_PENDING',
          'ok',
        ]);
        expect(await app.prisma.changeIdeaDecision.count({ where: { ideaId: idea.id } })).toBe(1);
      }
    });

    it('the database itself refuses a second pending decision on an idea', async () => {
      const idea = await newIdea(patient, networkId);
      const waiting = await proposeDecision(patient, idea, 'CO_DESIGN', [lead]);
      const row = await app.prisma.changeIdeaDecision.findUniqueOrThrow({ where: { id: waiting.id } });
      const { id: _id, ...copy } = row;
      await expect(app.prisma.changeIdeaDecision.create({ data: { ...copy, toStatus: 'ABANDONED' } })).rejects.toThrow(
        /Unique constraint/,
      );
    });

    it('confirmations sent at once, each enough for the rule, move the idea exactly once; the later one hears it was taken', async () => {
      for (let round = 0; round < 3; round++) {
        const idea = await newIdea(patient, networkId);
        const decision = await proposeDecision(patient, idea, 'CO_DESIGN', [lead, researcher, otherLead]);
        const results = await Promise.all(
          [lead, otherLead].map((m) => m.client.gql(CONFIRM_DECISION, { decisionId: decision.id })),
        );
        expect(results.filter((r) => !r.errors).map((r) => r.data.confirmDecision.status)).toEqual(['TAKEN']);
        const refused = results.find((r) => r.errors)!;
        expect(errorOf(refused).code).toBe('DECISION_CLOSED');
        expect(refused.errors![0].extensions!.status).toBe('TAKEN');
        expect(await app.prisma.changeIdea.findUniqueOrThrow({ where: { id: idea.id } })).toMatchObject({
          status: 'CO_DESIGN',
          version: 2,
        });
        expect(await notificationsOf(idea.id, 'IDEA_DECISION')).toHaveLength(3);
      }
    });

    it('a decisive confirmation and a decline sent at once: exactly one of them counts', async () => {
      for (let round = 0; round < 3; round++) {
        const idea = await newIdea(patient, networkId);
        const decision = await proposeDecision(patient, idea, 'CO_DESIGN', [lead, researcher]);
        const [confirmed, declined] = await Promise.all([
          lead.client.gql(CONFIRM_DECISION, { decisionId: decision.id }),
          researcher.client.gql(DECLINE_DECISION, { decisionId: decision.id, reason: 'No' }),
        ]);
        expect([confirmed, declined].filter((r) => r.errors).map((r) => errorOf(r).code)).toEqual(['DECISION_CLOSED']);
        const status = (await app.prisma.changeIdeaDecision.findUniqueOrThrow({ where: { id: decision.id } })).status;
        const ideaNow = await app.prisma.changeIdea.findUniqueOrThrow({ where: { id: idea.id } });
        if (confirmed.errors) {
          expect(status).toBe('DECLINED');
          expect(ideaNow).toMatchObject({ status: 'PROPOSED', version: 1 });
        } else {
          expect(status).toBe('TAKEN');
          expect(ideaNow).toMatchObject({ status: 'CO_DESIGN', version: 2 });
        }
      }
    });

    it('a decision never takes effect on an idea that left the status it was recorded in', async () => {
      const idea = await newIdea(patient, networkId);
      const decision = await proposeDecision(patient, idea, 'CO_DESIGN', [lead]);
      // Whatever moved it meanwhile (a repair by hand, say), the decision does not move it again.
      await app.prisma.changeIdea.update({
        where: { id: idea.id },
        data: { status: 'ABANDONED', version: { increment: 1 } },
      });
      const result = await lead.client.gql(CONFIRM_DECISION, { decisionId: decision.id });
      expect(errorOf(result).code).toBe('CONFLICT');
      expect(result.errors![0].extensions).toMatchObject({ currentStatus: 'ABANDONED' });
      expect(await app.prisma.changeIdea.findUniqueOrThrow({ where: { id: idea.id } })).toMatchObject({
        status: 'ABANDONED',
        version: 2,
      });
      expect((await app.prisma.changeIdeaDecision.findUniqueOrThrow({ where: { id: decision.id } })).status).toBe(
        'PENDING',
      );
    });
  });

  describe('the patient voice', () => {
    /** An idea in CO_DESIGN proposed by the clinician, with no patient or family co-designer. */
    async function coDesignedByCareTeam(): Promise<TestIdea> {
      const idea = await newIdea(clinician, networkId);
      return decide(clinician, idea, 'CO_DESIGN', [lead]);
    }

    it('without a patient or family co-designer or position, a move to TESTING needs a recorded reason, shown on the idea', async () => {
      const idea = await coDesignedByCareTeam();
      expect((await ideaOf(idea.id)).movesNeedingPatientVoiceReason).toEqual(['TESTING']);

      const refused = await clinician.client.gql(PROPOSE_DECISION, {
        ideaId: idea.id,
        input: decisionInput(idea, 'TESTING', [clinician, lead], { patientVoiceReason: '  ' }),
      });
      expect(errorOf(refused)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.patientVoiceReason' });
      expect(refused.errors![0].message).toMatch(/patient partner or family member/);

      const decision = await proposeDecision(clinician, idea, 'TESTING', [lead], {
        patientVoiceReason: 'The family panel meets in May; this test is one clinic only.',
      });
      await lead.client.ok(CONFIRM_DECISION, { decisionId: decision.id });
      const now = await ideaOf(idea.id);
      expect(now.status).toBe('TESTING');
      expect(now.decisions[0]).toMatchObject({
        status: 'TAKEN',
        toStatus: 'TESTING',
        patientVoiceReason: 'The family panel meets in May; this test is one clinic only.',
      });
      expect(now.movesNeedingPatientVoiceReason).toEqual(['ADOPTED']);
    });

    it('a move that does not need it keeps no reason', async () => {
      const idea = await newIdea(clinician, networkId);
      const decision = await proposeDecision(clinician, idea, 'CO_DESIGN', [lead], {
        patientVoiceReason: 'Not needed here',
      });
      expect(decision.patientVoiceReason).toBe('');
    });

    it('a family co-designer is a voice', async () => {
      const idea = await coDesignedByCareTeam();
      await addCoDesigner(clinician, idea, family);
      expect((await ideaOf(idea.id)).movesNeedingPatientVoiceReason).toEqual([]);
      const decision = await proposeDecision(clinician, idea, 'TESTING', [lead], { patientVoiceReason: '' });
      expect(decision.status).toBe('PENDING');
    });

    it("so is a patient's position on a proposal in the idea's thread", async () => {
      const idea = await coDesignedByCareTeam();
      const proposal = await openProposal(clinician, idea.id);
      await takePosition(patient, proposal.id, 'AGREE');
      expect((await ideaOf(idea.id)).movesNeedingPatientVoiceReason).toEqual([]);
      expect((await proposeDecision(clinician, idea, 'TESTING', [lead], { patientVoiceReason: '' })).status).toBe(
        'PENDING',
      );
    });
  });

  describe('resting on a proposal', () => {
    it('a proposal with a block standing cannot be the basis of adopting the idea; once the block is lifted it can', async () => {
      const idea = await newIdea(patient, networkId);
      const testing = await decide(patient, await decide(patient, idea, 'CO_DESIGN', [lead]), 'TESTING', [lead]);
      const proposal = await openProposal(patient, idea.id, { question: 'Adopt the texts at every site?' });
      await takePosition(lead, proposal.id, 'AGREE');
      await takePosition(family, proposal.id, 'BLOCK', 'Families at Lakeview were not asked.');

      const blocked = await patient.client.gql(PROPOSE_DECISION, {
        ideaId: idea.id,
        input: decisionInput(testing, 'ADOPTED', [patient, lead], { proposalId: proposal.id }),
      });
      expect(errorOf(blocked)).toEqual({ code: 'PROPOSAL_BLOCKED', field: 'input.proposalId' });
      // Another move may rest on it: a block stops adoption, not the conversation.
      const adapt = await proposeDecision(patient, testing, 'ADAPTED', [lead], { proposalId: proposal.id });
      expect(adapt.proposal).toEqual({ id: proposal.id, question: 'Adopt the texts at every site?' });
      await patient.client.ok(WITHDRAW_DECISION, { decisionId: adapt.id });

      await takePosition(family, proposal.id, 'DISAGREE', 'Still unsure, but I will not stop it.');
      const adopt = await proposeDecision(patient, testing, 'ADOPTED', [lead], { proposalId: proposal.id });
      expect(adopt.status).toBe('PENDING');
    });

    it('a block that arrives while the adoption waits stops it taking effect', async () => {
      const idea = await newIdea(patient, networkId);
      const testing = await decide(patient, await decide(patient, idea, 'CO_DESIGN', [lead]), 'TESTING', [lead]);
      const proposal = await openProposal(patient, idea.id);
      const adopt = await proposeDecision(patient, testing, 'ADOPTED', [lead], { proposalId: proposal.id });
      await takePosition(family, proposal.id, 'BLOCK', 'Not ready.');

      expect(errorOf(await lead.client.gql(CONFIRM_DECISION, { decisionId: adopt.id })).code).toBe('PROPOSAL_BLOCKED');
      expect((await ideaOf(idea.id)).status).toBe('TESTING');
      expect((await app.prisma.changeIdeaDecision.findUniqueOrThrow({ where: { id: adopt.id } })).status).toBe(
        'PENDING',
      );
    });

    it("only a proposal in the idea's own thread", async () => {
      const idea = await newIdea(patient, networkId);
      const other = await newIdea(patient, networkId);
      const elsewhere = await openProposal(patient, other.id);
      const result = await patient.client.gql(PROPOSE_DECISION, {
        ideaId: idea.id,
        input: decisionInput(idea, 'CO_DESIGN', [patient, lead], { proposalId: elsewhere.id }),
      });
      expect(errorOf(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.proposalId' });
    });
  });

  it('the home card lists decisions waiting for her, soonest to expire first, with their ideas', async () => {
    const member = await app.newMember(admin, networkId, 'SITE_LEAD', siteA, 'Home Card Lead');
    const first = await newIdea(patient, networkId, { title: 'First asked' });
    const second = await newIdea(clinician, networkId, { title: 'Second asked' });
    const a = await proposeDecision(patient, first, 'CO_DESIGN', [member]);
    const b = await proposeDecision(clinician, second, 'ABANDONED', [member]);
    await app.prisma.changeIdeaDecision.update({
      where: { id: b.id },
      data: { expiresAt: new Date(Date.now() + DAY_MS) },
    });

    const cards = (await member.client.ok(AWAITING_ME, { networkId })).decisionsAwaitingMe;

    expect(cards.map((d: any) => [d.id, d.idea.title, d.toStatus])).toEqual([
      [b.id, 'Second asked', 'ABANDONED'],
      [a.id, 'First asked', 'CO_DESIGN'],
    ]);
    await member.client.ok(CONFIRM_DECISION, { decisionId: a.id });
    expect((await member.client.ok(AWAITING_ME, { networkId })).decisionsAwaitingMe.map((d: any) => d.id)).toEqual([
      b.id,
    ]);
    expect((await member.client.ok(GET_IDEA, { id: first.id })).changeIdea.status).toBe('CO_DESIGN');
  });
});
