import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCoDesigner, newIdea, type TestIdea } from '../test-support/change-ideas';
import { errorOf } from '../test-support/graphql-client';
import { LiveClient } from '../test-support/live-client';
import {
  CAST_DOTS,
  CLOSE_PROPOSAL,
  hoursFromNow,
  ideaThreadId,
  OPEN_PROPOSAL,
  openProposal,
  PROPOSAL,
  proposalInput,
  PROPOSALS,
  TAKE_POSITION,
  takePosition,
  THREAD_OF,
} from '../test-support/proposals';
import { TestApp, type TestMember } from '../test-support/test-app';

const CREATE_GROUP = `mutation($networkId: ID!, $input: GroupInput!) { startGroup(networkId: $networkId, input: $input) { id } }`;
const zeros = (group: string) => ({ group, agree: 0, abstain: 0, disagree: 0, block: 0 });

describe("proposals with positions in a change idea's thread", () => {
  let app: TestApp;
  let networkId: string;
  let admin: TestMember;
  let lead: TestMember;
  let clinician: TestMember;
  let patient: TestMember;
  let family: TestMember;
  let researcher: TestMember;
  let idea: TestIdea;
  let threadId: string;

  beforeAll(async () => {
    app = await TestApp.start();
    const made = await app.newNetwork(2);
    admin = made.admin;
    networkId = made.network.id;
    const siteA = made.sites[0].id;
    [lead, clinician, patient, family, researcher] = await Promise.all([
      app.newMember(admin, networkId, 'SITE_LEAD', siteA, 'Sofia Lead'),
      app.newMember(admin, networkId, 'CLINICIAN', siteA, 'Clara Clinician'),
      app.newMember(admin, networkId, 'PATIENT_PARTNER', siteA, 'Pia Patient'),
      app.newMember(admin, networkId, 'FAMILY_MEMBER', siteA, 'Fredrik Family'),
      app.newMember(admin, networkId, 'RESEARCHER', null, 'Rut Researcher'),
    ]);
    idea = await newIdea(clinician, networkId, { title: 'Pre-visit huddles' });
    await addCoDesigner(clinician, idea, patient);
    threadId = await ideaThreadId(clinician, idea.id);
  });

  afterAll(() => app?.stop());

  describe('opening', () => {
    it('a co-designer opens one; it starts open with every voice group at zero, and the people taking part hear of it', async () => {
      const proposal = await openProposal(clinician, idea.id, {
        question: 'Test the huddle at Riverside in May?',
        details: 'Four Mondays.',
      });

      expect(proposal).toMatchObject({
        kind: 'CONSENT',
        question: 'Test the huddle at Riverside in May?',
        details: 'Four Mondays.',
        open: true,
        closedAt: null,
        outcome: '',
        revision: 0,
        voters: 0,
        threadId,
        proposer: { userId: clinician.userId, name: 'Clara Clinician' },
        positionTally: ['PATIENTS_AND_FAMILIES', 'CLINICIANS', 'SITE_TEAMS', 'RESEARCHERS', 'NETWORK_STAFF'].map(zeros),
        dotTally: [],
        viewerCanClose: true,
        notYetVoted: [
          { userId: clinician.userId, name: 'Clara Clinician' },
          { userId: patient.userId, name: 'Pia Patient' },
        ],
      });
      const told = await app.prisma.notification.findMany({
        where: { kind: 'PROPOSAL_OPENED', subjectId: idea.id },
        select: { userId: true, payload: true },
      });
      expect(told.map((n) => n.userId)).toEqual([patient.userId]);
      expect(told[0].payload).toMatchObject({
        proposalId: proposal.id,
        question: 'Test the huddle at Riverside in May?',
        ideaTitle: 'Pre-visit huddles',
        actorName: 'Clara Clinician',
      });
    });

    it('stewards open one too; a member neither taking part nor stewarding may not', async () => {
      expect((await openProposal(lead, idea.id)).proposer.userId).toBe(lead.userId);
      expect(errorOf(await family.client.gql(OPEN_PROPOSAL, { threadId, input: proposalInput() })).code).toBe(
        'FORBIDDEN',
      );
      expect((await family.client.ok(PROPOSALS, { threadId })).proposals.viewerCanOpen).toBe(false);
      expect((await patient.client.ok(PROPOSALS, { threadId })).proposals.viewerCanOpen).toBe(true);
    });

    it("only in a change idea's thread", async () => {
      const group = (
        await patient.client.ok(CREATE_GROUP, {
          networkId,
          input: { name: 'Transition to adult care', purpose: '', visibility: 'OPEN' },
        })
      ).startGroup;
      const groupThread = (await patient.client.ok(THREAD_OF, { subjectType: 'GROUP', subjectId: group.id })).thread.id;
      expect(
        errorOf(await patient.client.gql(OPEN_PROPOSAL, { threadId: groupThread, input: proposalInput() })).code,
      ).toBe('FORBIDDEN');
      expect((await patient.client.ok(PROPOSALS, { threadId: groupThread })).proposals).toEqual({
        threadId: groupThread,
        viewerCanOpen: false,
        nodes: [],
      });
    });

    it.each([
      [{ question: 'Hm' }, 'input.question'],
      [{ closesAt: hoursFromNow(0.05) }, 'input.closesAt'],
      [{ closesAt: hoursFromNow(24 * 61) }, 'input.closesAt'],
      [{ closesAt: 'next week' }, 'input.closesAt'],
      [{ options: ['A', 'B'] }, 'input.options'],
      [{ kind: 'DOT_VOTE', options: ['Only one'], dotsPerMember: 2 }, 'input.options'],
      [{ kind: 'DOT_VOTE', options: ['A', 'B'], dotsPerMember: null }, 'input.dotsPerMember'],
      [{ details: 'bad \ud800' }, 'input.details'],
    ])('refuses %o on %s and writes nothing', async (overrides, field) => {
      const before = await app.prisma.proposal.count();
      expect(errorOf(await clinician.client.gql(OPEN_PROPOSAL, { threadId, input: proposalInput(overrides) }))).toEqual(
        { code: 'BAD_USER_INPUT', field },
      );
      expect(await app.prisma.proposal.count()).toBe(before);
    });
  });

  describe('positions', () => {
    it('anyone who can see the idea takes a position and changes it until it closes; the tally is by voice group', async () => {
      const proposal = await openProposal(clinician, idea.id);
      await takePosition(patient, proposal.id, 'AGREE', 'Families asked for this.');
      await takePosition(family, proposal.id, 'ABSTAIN');
      await takePosition(lead, proposal.id, 'DISAGREE', 'Not in May: half the team is away.');
      await takePosition(researcher, proposal.id, 'AGREE');
      const changed = await takePosition(lead, proposal.id, 'AGREE', 'June then.');

      expect(changed).toMatchObject({
        voters: 4,
        revision: 5,
        hasUnresolvedBlock: false,
        viewerPosition: { position: 'AGREE', reason: 'June then.' },
      });
      expect(changed.positionTally).toEqual([
        { group: 'PATIENTS_AND_FAMILIES', agree: 1, abstain: 1, disagree: 0, block: 0 },
        zeros('CLINICIANS'),
        { group: 'SITE_TEAMS', agree: 1, abstain: 0, disagree: 0, block: 0 },
        { group: 'RESEARCHERS', agree: 1, abstain: 0, disagree: 0, block: 0 },
        zeros('NETWORK_STAFF'),
      ]);
      expect(changed.positions.map((p: any) => [p.member.name, p.role, p.position, p.reason])).toEqual([
        ['Pia Patient', 'PATIENT_PARTNER', 'AGREE', 'Families asked for this.'],
        ['Fredrik Family', 'FAMILY_MEMBER', 'ABSTAIN', ''],
        ['Sofia Lead', 'SITE_LEAD', 'AGREE', 'June then.'],
        ['Rut Researcher', 'RESEARCHER', 'AGREE', ''],
      ]);
      // Who has not taken a position is for the proposer only.
      expect(changed.notYetVoted).toBeNull();
      const asProposer = (await clinician.client.ok(PROPOSAL, { id: proposal.id })).proposal;
      expect(asProposer.notYetVoted).toEqual([{ userId: clinician.userId, name: 'Clara Clinician' }]);
    });

    it('a block needs a reason, and stands until its member changes it', async () => {
      const proposal = await openProposal(clinician, idea.id);
      expect(
        errorOf(
          await family.client.gql(TAKE_POSITION, {
            proposalId: proposal.id,
            input: { position: 'BLOCK', reason: '  ' },
          }),
        ),
      ).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'input.reason',
      });
      expect(
        (await takePosition(family, proposal.id, 'BLOCK', 'Families at Lakeview were not asked.')).hasUnresolvedBlock,
      ).toBe(true);
      expect((await takePosition(family, proposal.id, 'DISAGREE')).hasUnresolvedBlock).toBe(false);
    });

    it("closes early with the proposer's outcome; no position changes after; only its proposer closes it", async () => {
      const proposal = await openProposal(clinician, idea.id);
      await takePosition(patient, proposal.id, 'AGREE');
      expect(
        errorOf(await patient.client.gql(CLOSE_PROPOSAL, { proposalId: proposal.id, outcome: 'Mine now' })).code,
      ).toBe('FORBIDDEN');
      expect(errorOf(await clinician.client.gql(CLOSE_PROPOSAL, { proposalId: proposal.id, outcome: ' ' }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'outcome',
      });

      const closed = (
        await clinician.client.ok(CLOSE_PROPOSAL, { proposalId: proposal.id, outcome: 'We test in June at Riverside.' })
      ).closeProposal;

      expect(closed).toMatchObject({
        open: false,
        outcome: 'We test in June at Riverside.',
        closedAt: expect.any(String),
        viewerCanTakePosition: false,
      });
      const late = await patient.client.gql(TAKE_POSITION, {
        proposalId: proposal.id,
        input: { position: 'DISAGREE', reason: '' },
      });
      expect(errorOf(late).code).toBe('PROPOSAL_CLOSED');
      expect((await patient.client.ok(PROPOSAL, { id: proposal.id })).proposal.viewerPosition.position).toBe('AGREE');
      // The proposer may rewrite the outcome; the closing time stays.
      const rewritten = (
        await clinician.client.ok(CLOSE_PROPOSAL, {
          proposalId: proposal.id,
          outcome: 'We test in June, at two clinics.',
        })
      ).closeProposal;
      expect(rewritten).toMatchObject({ outcome: 'We test in June, at two clinics.', closedAt: closed.closedAt });
    });

    it('closes by itself at its closing time; the outcome is written after', async () => {
      const proposal = await openProposal(clinician, idea.id);
      const closesAt = new Date(Date.now() - 60_000);
      await app.prisma.proposal.update({ where: { id: proposal.id }, data: { closesAt } });
      expect(
        errorOf(
          await patient.client.gql(TAKE_POSITION, {
            proposalId: proposal.id,
            input: { position: 'AGREE', reason: '' },
          }),
        ).code,
      ).toBe('PROPOSAL_CLOSED');
      const closed = (
        await clinician.client.ok(CLOSE_PROPOSAL, { proposalId: proposal.id, outcome: 'Nobody answered in time.' })
      ).closeProposal;
      expect(closed).toMatchObject({ open: false, closedAt: closesAt.toISOString() });
    });

    it('positions sent at once each count, in distinct revisions', async () => {
      const proposal = await openProposal(clinician, idea.id);
      const people = await Promise.all(
        [1, 2, 3, 4, 5, 6].map((n) =>
          app.newMember(admin, networkId, n % 2 ? 'PATIENT_PARTNER' : 'RESEARCHER', null, `Voter ${n}`),
        ),
      );
      await Promise.all(people.map((p) => takePosition(p, proposal.id, 'AGREE')));
      const after = (await clinician.client.ok(PROPOSAL, { id: proposal.id })).proposal;
      expect(after.revision).toBe(6);
      expect(after.voters).toBe(6);
      expect(after.positionTally.find((g: any) => g.group === 'PATIENTS_AND_FAMILIES').agree).toBe(3);
      expect(after.positionTally.find((g: any) => g.group === 'RESEARCHERS').agree).toBe(3);
    });
  });

  describe('choosing among options with dots', () => {
    it('each member spreads at most her dots; the tally is per option and voice group; she may take them back', async () => {
      const proposal = await openProposal(lead, idea.id, {
        kind: 'DOT_VOTE',
        question: 'Which clinic tests it first?',
        options: ['Monday', 'Wednesday', 'Friday'],
        dotsPerMember: 3,
      });
      const [monday, wednesday, friday] = proposal.options.map((o: any) => o.id);
      expect(proposal).toMatchObject({ kind: 'DOT_VOTE', dotsPerMember: 3, positionTally: [] });
      expect(proposal.options.map((o: any) => o.label)).toEqual(['Monday', 'Wednesday', 'Friday']);

      await patient.client.ok(CAST_DOTS, {
        proposalId: proposal.id,
        votes: [
          { optionId: monday, dots: 2 },
          { optionId: friday, dots: 1 },
        ],
      });
      const after = (
        await clinician.client.ok(CAST_DOTS, {
          proposalId: proposal.id,
          votes: [
            { optionId: monday, dots: 1 },
            { optionId: wednesday, dots: 2 },
          ],
        })
      ).castDots;

      expect(after.voters).toBe(2);
      expect(after.dotTally.map((o: any) => [o.optionId, o.total])).toEqual([
        [monday, 3],
        [wednesday, 2],
        [friday, 1],
      ]);
      const mondayByGroup = Object.fromEntries(after.dotTally[0].byGroup.map((g: any) => [g.group, g.dots]));
      expect(mondayByGroup).toEqual({
        PATIENTS_AND_FAMILIES: 2,
        CLINICIANS: 1,
        SITE_TEAMS: 0,
        RESEARCHERS: 0,
        NETWORK_STAFF: 0,
      });
      expect(after.viewerDots).toEqual(
        expect.arrayContaining([
          { optionId: monday, dots: 1 },
          { optionId: wednesday, dots: 2 },
        ]),
      );

      expect(
        errorOf(
          await patient.client.gql(CAST_DOTS, { proposalId: proposal.id, votes: [{ optionId: monday, dots: 4 }] }),
        ),
      ).toEqual({ code: 'BAD_USER_INPUT', field: 'votes' });
      const other = await openProposal(lead, idea.id, { kind: 'DOT_VOTE', options: ['X', 'Y'], dotsPerMember: 1 });
      expect(
        errorOf(
          await patient.client.gql(CAST_DOTS, {
            proposalId: proposal.id,
            votes: [{ optionId: other.options[0].id, dots: 1 }],
          }),
        ),
      ).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'votes.0.optionId',
      });
      expect(
        errorOf(
          await patient.client.gql(TAKE_POSITION, {
            proposalId: proposal.id,
            input: { position: 'AGREE', reason: '' },
          }),
        ),
      ).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'proposalId',
      });

      const back = (await patient.client.ok(CAST_DOTS, { proposalId: proposal.id, votes: [] })).castDots;
      expect(back.voters).toBe(1);
      expect(back.dotTally.map((o: any) => o.total)).toEqual([1, 2, 0]);
    });
  });

  describe('the live tally', () => {
    it('everyone in the thread hears each change with its tally, in revision order; a member not in the thread hears nothing', async () => {
      const proposal = await openProposal(clinician, idea.id);
      const [watcherA, watcherB, elsewhere] = await Promise.all([
        LiveClient.open(app.url, patient.client.cookie),
        LiveClient.open(app.url, lead.client.cookie),
        LiveClient.open(app.url, researcher.client.cookie),
      ]);
      try {
        await watcherA.ok('thread:join', { threadId });
        await watcherB.ok('thread:join', { threadId });

        await takePosition(family, proposal.id, 'AGREE');
        await takePosition(lead, proposal.id, 'BLOCK', 'Not before the audit.');

        for (const watcher of [watcherA, watcherB]) {
          const second = await watcher.next(
            'proposal:changed',
            (p: any) => p.proposalId === proposal.id && p.revision === 2,
          );
          expect(second).toEqual({
            proposalId: proposal.id,
            threadId,
            kind: 'CONSENT',
            revision: 2,
            open: true,
            voters: 2,
            positions: [
              { group: 'PATIENTS_AND_FAMILIES', agree: 1, abstain: 0, disagree: 0, block: 0 },
              zeros('CLINICIANS'),
              { group: 'SITE_TEAMS', agree: 0, abstain: 0, disagree: 0, block: 1 },
              zeros('RESEARCHERS'),
              zeros('NETWORK_STAFF'),
            ],
            dots: null,
          });
          const revisions = watcher.received
            .filter((r) => r.event === 'proposal:changed' && r.payload.proposalId === proposal.id)
            .map((r) => r.payload.revision);
          expect(revisions).toEqual([1, 2]);
        }
        await clinician.client.ok(CLOSE_PROPOSAL, {
          proposalId: proposal.id,
          outcome: 'Blocked: we wait for the audit.',
        });
        expect(
          await watcherA.next('proposal:changed', (p: any) => p.proposalId === proposal.id && p.revision === 3),
        ).toMatchObject({ open: false });
        expect(elsewhere.received.filter((r) => r.event === 'proposal:changed')).toEqual([]);
      } finally {
        for (const w of [watcherA, watcherB, elsewhere]) w.close();
      }
    });

    it('a new proposal is announced in the thread, and dot votes carry their tally', async () => {
      const watcher = await LiveClient.open(app.url, family.client.cookie);
      try {
        await watcher.ok('thread:join', { threadId });
        const proposal = await openProposal(clinician, idea.id, {
          kind: 'DOT_VOTE',
          options: ['Texts', 'Cards'],
          dotsPerMember: 2,
        });
        expect(await watcher.next('proposal:changed', (p: any) => p.proposalId === proposal.id)).toMatchObject({
          revision: 0,
          voters: 0,
          positions: null,
          kind: 'DOT_VOTE',
        });
        await patient.client.ok(CAST_DOTS, {
          proposalId: proposal.id,
          votes: [{ optionId: proposal.options[1].id, dots: 2 }],
        });
        const tally = await watcher.next(
          'proposal:changed',
          (p: any) => p.proposalId === proposal.id && p.revision === 1,
        );
        expect(tally.dots.map((o: any) => [o.optionId, o.total])).toEqual([
          [proposal.options[0].id, 0],
          [proposal.options[1].id, 2],
        ]);
      } finally {
        watcher.close();
      }
    });
  });
});
