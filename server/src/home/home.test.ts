import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addCoDesigner,
  CREATE_CYCLE,
  cycleInput,
  decide,
  ENDORSE,
  ideaInTesting,
  newIdea,
  UPDATE_CYCLE,
} from '../test-support/change-ideas';
import { errorOf } from '../test-support/graphql-client';
import { TestApp, type TestMember } from '../test-support/test-app';

const MY_IDEAS = `query($networkId: ID!, $first: Int) {
  myChangeIdeas(networkId: $networkId, first: $first) {
    idea { id title status proposer { name } }
    proposed coDesigning endorsed unreadMessages
    nextDecision { dueOn basis overdue options cycle { id title endOn } }
  }
}`;
const TESTING_AT_MY_SITE = `query($networkId: ID!) {
  ideasTestingAtMySite(networkId: $networkId) {
    idea { id title status }
    cycles { id number title stage site { id } }
    nextDecision { dueOn basis }
  }
}`;

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('home cards', () => {
  let app: TestApp;
  let networkId: string;
  let siteA: string;
  let siteB: string;
  let admin: TestMember;
  let lead: TestMember;
  let leadB: TestMember;
  let clinician: TestMember;
  let patient: TestMember;
  let family: TestMember;
  let researcher: TestMember;

  beforeAll(async () => {
    app = await TestApp.start();
    const made = await app.newNetwork(2);
    admin = made.admin;
    networkId = made.network.id;
    [siteA, siteB] = made.sites.map((site) => site.id);
    [lead, leadB, clinician, patient, family, researcher] = await Promise.all([
      app.newMember(admin, networkId, 'SITE_LEAD', siteA, 'Sofia Lead'),
      app.newMember(admin, networkId, 'SITE_LEAD', siteB, 'Oskar Lead'),
      app.newMember(admin, networkId, 'CLINICIAN', siteA, 'Clara Clinician'),
      app.newMember(admin, networkId, 'PATIENT_PARTNER', siteA, 'Pia Patient'),
      app.newMember(admin, networkId, 'FAMILY_MEMBER', siteB, 'Fredrik Family'),
      app.newMember(admin, networkId, 'RESEARCHER', null, 'Rut Researcher'),
    ]);
  });

  afterAll(() => app?.stop());

  /** A thread on the idea with messages by `authors` in order; returns each message's seq. */
  async function threadWith(
    ideaId: string,
    authors: TestMember[],
    deleted: number[] = [],
  ): Promise<{ threadId: string; seqs: bigint[] }> {
    const thread = await app.prisma.thread.create({
      data: { networkId, subjectType: 'CHANGE_IDEA', subjectId: ideaId },
    });
    const seqs: bigint[] = [];
    for (const [i, author] of authors.entries()) {
      const message = await app.prisma.message.create({
        data: {
          threadId: thread.id,
          authorId: author.userId,
          clientId: `${thread.id}-${i}`,
          ...(deleted.includes(i)
            ? { body: '', deletedAt: new Date(), deletedById: author.userId }
            : { body: `Message ${i}` }),
        },
      });
      seqs.push(message.seq);
    }
    await app.prisma.thread.update({
      where: { id: thread.id },
      data: { lastMessageSeq: seqs[seqs.length - 1], lastMessageAt: new Date() },
    });
    return { threadId: thread.id, seqs };
  }

  describe("myChangeIdeas (a patient or family partner's ideas)", () => {
    it('lists the ideas she co-designs or endorsed, and not the others', async () => {
      await newIdea(patient, networkId, { title: 'Her own idea' });
      const coDesigned = await newIdea(clinician, networkId, { title: 'She co-designs this' });
      await addCoDesigner(clinician, coDesigned, patient);
      const endorsed = await newIdea(lead, networkId, { title: 'She endorsed this' });
      await patient.client.ok(ENDORSE, { ideaId: endorsed.id, endorsed: true });
      const invitedOnly = await newIdea(lead, networkId, { title: 'Invited, not yet answered' });
      await lead.client.ok(`mutation($i: ID!, $u: ID!) { inviteCoDesigner(ideaId: $i, userId: $u) { id } }`, {
        i: invitedOnly.id,
        u: patient.userId,
      });
      await newIdea(family, networkId, { title: "Someone else's idea" });

      const cards = (await patient.client.ok(MY_IDEAS, { networkId, first: 50 })).myChangeIdeas;

      const byTitle = Object.fromEntries(
        cards.map((c: any) => [
          c.idea.title,
          { proposed: c.proposed, coDesigning: c.coDesigning, endorsed: c.endorsed },
        ]),
      );
      expect(byTitle).toEqual({
        'Her own idea': { proposed: true, coDesigning: true, endorsed: false },
        'She co-designs this': { proposed: false, coDesigning: true, endorsed: false },
        'She endorsed this': { proposed: false, coDesigning: false, endorsed: true },
      });
      expect(cards.every((c: any) => c.unreadMessages === 0)).toBe(true);
    });

    it('counts unread messages by others after her read marker, leaving out her own and deleted ones', async () => {
      const idea = await newIdea(family, networkId, { title: 'Sibling support evening' });
      const unmarked = await newIdea(family, networkId, { title: 'Unmarked thread' });
      const { threadId, seqs } = await threadWith(idea.id, [patient, family, clinician, family, family, family], [4]);
      await app.prisma.threadReadMarker.create({ data: { threadId, userId: family.userId, lastReadSeq: seqs[1] } });
      await threadWith(unmarked.id, [patient, patient]);

      const cards = (await family.client.ok(MY_IDEAS, { networkId, first: 50 })).myChangeIdeas;

      const unread = Object.fromEntries(cards.map((c: any) => [c.idea.title, c.unreadMessages]));
      expect(unread).toMatchObject({ 'Sibling support evening': 1, 'Unmarked thread': 2 });
    });

    it('gives the next decision due: the agreed date, or the end of an open PDSA cycle when sooner; in-progress ideas first, soonest first', async () => {
      const member = await app.newMember(admin, networkId, 'PATIENT_PARTNER', siteA, 'Decision Member');
      await newIdea(member, networkId, { title: 'Agreed date in a month', nextDecisionOn: isoDay(30) });
      await newIdea(member, networkId, { title: 'No date yet' });
      const testing = await ideaInTesting(member, lead, networkId, { title: 'Testing, cycle ends soon' });
      const cycle = (
        await lead.client.ok(CREATE_CYCLE, {
          ideaId: testing.id,
          input: cycleInput(siteA, { title: 'Week one', startOn: isoDay(-20), endOn: isoDay(-2) }),
        })
      ).createPdsaCycle;
      await decide(member, await newIdea(member, networkId, { title: 'Abandoned' }), 'ABANDONED', [lead]);

      const cards = (await member.client.ok(MY_IDEAS, { networkId, first: 10 })).myChangeIdeas;

      expect(cards.map((c: any) => c.idea.title)).toEqual([
        'Testing, cycle ends soon',
        'Agreed date in a month',
        'No date yet',
        'Abandoned',
      ]);
      const [soon, agreed, none, done] = cards.map((c: any) => c.nextDecision);
      expect(soon).toEqual({
        dueOn: isoDay(-2),
        basis: 'PDSA_CYCLE_END',
        overdue: true,
        options: ['ADOPTED', 'ADAPTED', 'ABANDONED', 'CO_DESIGN'],
        cycle: { id: cycle.id, title: 'Week one', endOn: isoDay(-2) },
      });
      expect(agreed).toEqual({
        dueOn: isoDay(30),
        basis: 'AGREED_DATE',
        overdue: false,
        options: ['CO_DESIGN', 'ABANDONED'],
        cycle: null,
      });
      expect(none).toEqual({
        dueOn: null,
        basis: 'UNSCHEDULED',
        overdue: false,
        options: ['CO_DESIGN', 'ABANDONED'],
        cycle: null,
      });
      expect(done).toBeNull();

      await lead.client.ok(UPDATE_CYCLE, {
        cycleId: cycle.id,
        input: {
          ...cycleInput(siteA, { title: 'Week one', startOn: isoDay(-20), endOn: isoDay(-2) }),
          siteId: undefined,
          doNotes: 'Texted 38 families.',
          studyNotes: 'Missed visits fell to 4 in 40, better than predicted.',
          stage: 'ACT',
          act: 'ADOPT',
          actNotes: '',
          expectedVersion: cycle.version,
        },
      });
      const acted = (await member.client.ok(MY_IDEAS, { networkId, first: 10 })).myChangeIdeas.find(
        (c: any) => c.idea.id === testing.id,
      );
      expect(acted.nextDecision).toMatchObject({ dueOn: null, basis: 'UNSCHEDULED' });
    });

    it('returns at most `first` cards and refuses a bad `first`', async () => {
      expect((await patient.client.ok(MY_IDEAS, { networkId, first: 1 })).myChangeIdeas).toHaveLength(1);
      expect(errorOf(await patient.client.gql(MY_IDEAS, { networkId, first: 0 }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'first',
      });
    });
  });

  describe("ideasTestingAtMySite (a clinician or site lead's site)", () => {
    it("lists the ideas in testing with PDSA cycles at her site, with only her site's cycles", async () => {
      const idea = await ideaInTesting(clinician, lead, networkId, { title: 'Pre-visit huddles' });
      await lead.client.ok(CREATE_CYCLE, { ideaId: idea.id, input: cycleInput(siteA, { title: 'Huddles at A' }) });
      await leadB.client.ok(CREATE_CYCLE, { ideaId: idea.id, input: cycleInput(siteB, { title: 'Huddles at B' }) });
      const onlyB = await ideaInTesting(family, leadB, networkId, { title: 'Only tested at B' });
      await leadB.client.ok(CREATE_CYCLE, { ideaId: onlyB.id, input: cycleInput(siteB, { title: 'B alone' }) });
      const notTesting = await newIdea(lead, networkId, { title: 'Still proposed' });

      const atA = (await clinician.client.ok(TESTING_AT_MY_SITE, { networkId })).ideasTestingAtMySite;
      const atB = (await leadB.client.ok(TESTING_AT_MY_SITE, { networkId })).ideasTestingAtMySite;

      const ours = new Set([idea.id, onlyB.id, notTesting.id]);
      const summary = (cards: any[]) =>
        cards
          .filter((c) => ours.has(c.idea.id))
          .map((c) => [
            c.idea.title,
            c.cycles.map((cycle: any) => `${cycle.title}@${cycle.site.id === siteA ? 'A' : 'B'}`),
          ]);
      expect(summary(atA)).toEqual([['Pre-visit huddles', ['Huddles at A@A']]]);
      expect(summary(atB)).toEqual([
        ['Only tested at B', ['B alone@B']],
        ['Pre-visit huddles', ['Huddles at B@B']],
      ]);
      expect(atA.find((c: any) => c.idea.id === idea.id).nextDecision).toEqual({
        dueOn: '2026-03-27',
        basis: 'PDSA_CYCLE_END',
      });
    });

    it('drops an idea once a decision moves it out of testing, and is empty for a member without a site', async () => {
      const idea = await ideaInTesting(clinician, lead, networkId, { title: 'Nurse phone line' });
      await lead.client.ok(CREATE_CYCLE, { ideaId: idea.id, input: cycleInput(siteA) });
      const titles = async () =>
        (await lead.client.ok(TESTING_AT_MY_SITE, { networkId })).ideasTestingAtMySite.map((c: any) => c.idea.title);
      expect(await titles()).toContain('Nurse phone line');

      await decide(clinician, idea, 'ADOPTED', [lead]);

      expect(await titles()).not.toContain('Nurse phone line');
      expect((await researcher.client.ok(TESTING_AT_MY_SITE, { networkId })).ideasTestingAtMySite).toEqual([]);
    });
  });
});
