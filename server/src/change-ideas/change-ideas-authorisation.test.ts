import { DECISION_STEWARD_ROLES, type Role, ROLES } from '@commons/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACTORS as ACTORS_ORDER,
  type Actor,
  authorisationCases,
  type Outcome,
  outcomeOf,
} from '../test-support/authorisation-table';
import {
  ANNOTATIONS,
  CREATE_CYCLE,
  cycleInput,
  CONFIRM_DECISION,
  decisionInput,
  DECLINE_DECISION,
  EDIT,
  ENDORSE,
  GET_CYCLE,
  GET_IDEA,
  ideaInput,
  ideaInTesting,
  INVITE,
  LEAVE,
  LIST_IDEAS,
  newIdea,
  PROPOSE,
  PROPOSE_DECISION,
  proposeDecision,
  RESPOND,
  type TestIdea,
  UPDATE_CYCLE,
  WITHDRAW_DECISION,
  AWAITING_ME,
} from '../test-support/change-ideas';
import {
  CAST_DOTS,
  CLOSE_PROPOSAL,
  ideaThreadId,
  OPEN_PROPOSAL,
  openProposal,
  PROPOSAL,
  proposalInput,
  PROPOSALS,
  TAKE_POSITION,
} from '../test-support/proposals';
import type { TestClient } from '../test-support/graphql-client';
import { TestApp, type TestMember } from '../test-support/test-app';

/**
 * Who may do what with change ideas and PDSA cycles. Every role has a member at site A ("her own
 * site"); B is another site. The ideas acted on are proposed by another patient partner at site A
 * unless a column says "her own". Cells as in test-support/authorisation-table.ts.
 */
function cases<C extends string>(columns: C[], table: Record<Actor, string>): [Actor, C, Outcome][] {
  return authorisationCases(columns, table).map(([actor, , outcome, column]): [Actor, C, Outcome] => [
    actor,
    column,
    outcome,
  ]);
}

const DRIVER_IDEAS = `query($networkId: ID!) { drivers(networkId: $networkId) { id changeIdeas { id } } }`;
const CHART_ANNOTATIONS = `query($measureId: ID!) { measureCharts(measureId: $measureId) { pdsaAnnotations { cycleId } } }`;

describe('authorisation of change ideas and PDSA cycles', () => {
  let app: TestApp;
  let networkId: string;
  let siteA: string;
  let siteB: string;
  let admin: TestMember;
  let outsider: TestMember;
  let signedOut: TestClient;
  const members = {} as Record<Role, TestMember>;
  /** Proposes the ideas acted on: someone else for every actor. */
  let author: TestMember;
  /** A site lead of site B, the steward taking part with the author in decisions. */
  let steward: TestMember;
  let testing: TestIdea;
  let cycle: { id: string; version: number };
  let measureId: string;

  const clientOf = (actor: Actor): TestClient =>
    actor === 'SIGNED_OUT' ? signedOut : actor === 'NON_MEMBER' ? outsider.client : members[actor].client;
  const memberOf = (actor: Actor): { userId: string } =>
    actor === 'SIGNED_OUT' || actor === 'NON_MEMBER' ? outsider : members[actor];

  beforeAll(async () => {
    app = await TestApp.start();
    const made = await app.newNetwork(2);
    admin = made.admin;
    networkId = made.network.id;
    [siteA, siteB] = made.sites.map((s) => s.id);
    members.NETWORK_ADMIN = admin;
    const others = ROLES.filter((role) => role !== 'NETWORK_ADMIN');
    const made2 = await Promise.all(others.map((role) => app.newMember(admin, networkId, role, siteA)));
    others.forEach((role, i) => (members[role] = made2[i]));
    [author, steward] = await Promise.all([
      app.newMember(admin, networkId, 'PATIENT_PARTNER', siteA, 'Idea Author'),
      app.newMember(admin, networkId, 'SITE_LEAD', siteB, 'Steward Lead'),
    ]);
    outsider = (await app.newNetwork(1)).admin;
    signedOut = app.client();
    measureId = (
      await admin.client.ok(
        `mutation($networkId: ID!, $input: MeasureInput!) { createMeasure(networkId: $networkId, input: $input) { id } }`,
        {
          networkId,
          input: {
            key: 'remission',
            name: 'Remission',
            definition: '',
            kind: 'PROPORTION',
            direction: 'UP',
            unit: '%',
            target: null,
            defaultChart: 'P',
          },
        },
      )
    ).createMeasure.id;
    testing = await ideaInTesting(author, steward, networkId);
    cycle = (
      await admin.client.ok(CREATE_CYCLE, { ideaId: testing.id, input: cycleInput(siteA, { measureIds: [measureId] }) })
    ).createPdsaCycle;
  });

  afterAll(() => app?.stop());

  describe('reading', () => {
    //                         changeIdeas | changeIdea | Driver.changeIdeas | pdsaCycle | pdsaAnnotations | MeasureCharts.pdsaAnnotations
    const table: Record<Actor, string> = {
      PATIENT_PARTNER: '       ok  ok  ok  ok  ok  ok',
      FAMILY_MEMBER: '         ok  ok  ok  ok  ok  ok',
      CLINICIAN: '             ok  ok  ok  ok  ok  ok',
      RESEARCHER: '            ok  ok  ok  ok  ok  ok',
      SITE_LEAD: '             ok  ok  ok  ok  ok  ok',
      NETWORK_ADMIN: '         ok  ok  ok  ok  ok  ok',
      NON_MEMBER: '            NF  NF  NF  NF  NF  NF',
      SIGNED_OUT: '            UA  UA  UA  UA  UA  UA',
    };
    const columns = ['changeIdeas', 'changeIdea', 'driverIdeas', 'pdsaCycle', 'pdsaAnnotations', 'chartAnnotations'];
    it.each(cases(columns, table))('%s reading %s: %s', async (actor, column, outcome) => {
      const client = clientOf(actor);
      const result = {
        changeIdeas: () => client.gql(LIST_IDEAS, { networkId }),
        changeIdea: () => client.gql(GET_IDEA, { id: testing.id }),
        driverIdeas: () => client.gql(DRIVER_IDEAS, { networkId }),
        pdsaCycle: () => client.gql(GET_CYCLE, { id: cycle.id }),
        pdsaAnnotations: () => client.gql(ANNOTATIONS, { networkId, siteId: siteA, measureId }),
        chartAnnotations: () => client.gql(CHART_ANNOTATIONS, { measureId }),
      }[column]!;

      const response = await result();

      expect(outcomeOf(response)).toBe(outcome);
      if (outcome !== 'ok') expect(response.data).toBeNull();
    });
  });

  describe('proposing, editing and endorsing', () => {
    //                         propose | edit her own | edit someone else's | endorse
    const table: Record<Actor, string> = {
      PATIENT_PARTNER: '       ok  ok  F   ok',
      FAMILY_MEMBER: '         ok  ok  F   ok',
      CLINICIAN: '             ok  ok  F   ok',
      RESEARCHER: '            ok  ok  F   ok',
      SITE_LEAD: '             ok  ok  F   ok',
      NETWORK_ADMIN: '         ok  ok  ok  ok',
      NON_MEMBER: '            NF  NF  NF  NF',
      SIGNED_OUT: '            UA  UA  UA  UA',
    };
    it.each(cases(['propose', 'edit own', 'edit other', 'endorse'], table))(
      '%s: %s: %s',
      async (actor, column, outcome) => {
        const client = clientOf(actor);
        if (column === 'propose') {
          const title = `Proposed by ${actor}`;
          expect(outcomeOf(await client.gql(PROPOSE, { networkId, input: ideaInput({ title }) }))).toBe(outcome);
          expect(await app.prisma.changeIdea.count({ where: { title } })).toBe(outcome === 'ok' ? 1 : 0);
          return;
        }
        const owner = column === 'edit own' && actor in members ? members[actor as Role] : author;
        const idea = await newIdea(owner, networkId);
        if (column === 'endorse') {
          expect(outcomeOf(await client.gql(ENDORSE, { ideaId: idea.id, endorsed: true }))).toBe(outcome);
          expect(await app.prisma.changeIdeaEndorsement.count({ where: { ideaId: idea.id } })).toBe(
            outcome === 'ok' ? 1 : 0,
          );
          return;
        }
        expect(
          outcomeOf(
            await client.gql(EDIT, {
              ideaId: idea.id,
              input: { ...ideaInput({ title: 'Edited title' }), expectedVersion: 1 },
            }),
          ),
        ).toBe(outcome);
        expect((await app.prisma.changeIdea.findUniqueOrThrow({ where: { id: idea.id } })).version).toBe(
          outcome === 'ok' ? 2 : 1,
        );
      },
    );
  });

  describe('proposeDecision', () => {
    //                         with the author and a site lead | alone | her own idea, with a site lead
    const table: Record<Actor, string> = {
      PATIENT_PARTNER: '       F   F   ok',
      FAMILY_MEMBER: '         F   F   ok',
      CLINICIAN: '             F   F   ok',
      RESEARCHER: '            F   F   ok',
      SITE_LEAD: '             ok  F   ok',
      NETWORK_ADMIN: '         ok  F   ok',
      NON_MEMBER: '            NF  NF  NF',
      SIGNED_OUT: '            UA  UA  UA',
    };
    it.each(cases(['with author and steward', 'alone', 'own with steward'], table))(
      '%s proposing a decision %s: %s',
      async (actor, column, outcome) => {
        const me = memberOf(actor);
        const owner = column === 'own with steward' && actor in members ? members[actor as Role] : author;
        const idea = await newIdea(owner, networkId);
        const participants =
          column === 'alone' ? [me] : column === 'own with steward' ? [me, steward] : [me, author, steward];
        if (column !== 'alone' && (outcome === 'ok' || outcome === 'FORBIDDEN')) {
          // Told beforehand: whether she may record a decision (alone fails for the quorum, not for her), and the moves, the same for all.
          const { changeIdea } = await clientOf(actor).ok(
            `query($id: ID!) { changeIdea(id: $id) { viewerCanRecordDecision nextStatuses } }`,
            { id: idea.id },
          );
          expect(changeIdea).toEqual({
            viewerCanRecordDecision: outcome === 'ok',
            nextStatuses: ['CO_DESIGN', 'ABANDONED'],
          });
        }

        const result = await clientOf(actor).gql(PROPOSE_DECISION, {
          ideaId: idea.id,
          input: decisionInput(idea, 'CO_DESIGN', participants),
        });

        expect(outcomeOf(result)).toBe(outcome);
        expect(await app.prisma.changeIdeaDecision.count({ where: { ideaId: idea.id, status: 'PENDING' } })).toBe(
          outcome === 'ok' ? 1 : 0,
        );
        // Recording never moves the idea: only the participants' confirmations do.
        expect((await app.prisma.changeIdea.findUniqueOrThrow({ where: { id: idea.id } })).status).toBe('PROPOSED');
      },
    );
  });

  describe('answering decisions', () => {
    // A decision on the author's idea, recorded by the author, naming the steward and (in the
    // first two columns) the actor. Nobody answers for someone else, not even an admin.
    //                         confirm, named | decline, named | confirm, not named | decline, not named | withdraw her own | withdraw another's | decisionsAwaitingMe
    const table: Record<Actor, string> = {
      PATIENT_PARTNER: '       ok  ok  F   F   ok  F   ok',
      FAMILY_MEMBER: '         ok  ok  F   F   ok  F   ok',
      CLINICIAN: '             ok  ok  F   F   ok  F   ok',
      RESEARCHER: '            ok  ok  F   F   ok  F   ok',
      SITE_LEAD: '             ok  ok  F   F   ok  F   ok',
      NETWORK_ADMIN: '         ok  ok  F   F   ok  F   ok',
      NON_MEMBER: '            NF  NF  NF  NF  NF  NF  NF',
      SIGNED_OUT: '            UA  UA  UA  UA  UA  UA  UA',
    };
    const columns = [
      'confirm named',
      'decline named',
      'confirm not named',
      'decline not named',
      'withdraw own',
      'withdraw other',
      'awaiting',
    ];
    it.each(cases(columns, table))('%s: %s: %s', async (actor, column, outcome) => {
      const client = clientOf(actor);
      if (column === 'awaiting') {
        expect(outcomeOf(await client.gql(AWAITING_ME, { networkId }))).toBe(outcome);
        return;
      }
      const named = column.endsWith(' named') && !column.includes('not');
      if (column === 'withdraw own') {
        // Her own idea, a decision she records with a steward (a non-member records on the author's idea and cannot).
        const owner = actor in members ? members[actor as Role] : author;
        const idea = await newIdea(owner, networkId);
        const decision = await proposeDecision(owner, idea, 'CO_DESIGN', [steward]);
        const result = await client.gql(WITHDRAW_DECISION, { decisionId: decision.id });
        expect(outcomeOf(result)).toBe(outcome);
        expect((await app.prisma.changeIdeaDecision.findUniqueOrThrow({ where: { id: decision.id } })).status).toBe(
          outcome === 'ok' ? 'WITHDRAWN' : 'PENDING',
        );
        return;
      }
      const idea = await newIdea(author, networkId);
      const others = named && actor in members ? [steward, memberOf(actor)] : [steward];
      const decision = await proposeDecision(author, idea, 'CO_DESIGN', others);
      const result = column.startsWith('confirm')
        ? await client.gql(CONFIRM_DECISION, { decisionId: decision.id })
        : column.startsWith('decline')
          ? await client.gql(DECLINE_DECISION, { decisionId: decision.id, reason: 'No' })
          : await client.gql(WITHDRAW_DECISION, { decisionId: decision.id });
      expect(outcomeOf(result)).toBe(outcome);
      const answers = await app.prisma.changeIdeaDecisionParticipant.findMany({
        where: { decisionId: decision.id, userId: { not: author.userId } },
        select: { answer: true },
      });
      const expected = outcome === 'ok' ? (column.startsWith('confirm') ? 'CONFIRMED' : 'DECLINED') : 'WAITING';
      expect(answers.some((a) => a.answer === expected)).toBe(true);
      // A steward's confirmation with the author's meets the together rule: the decision takes effect.
      const decisive = column.startsWith('confirm') && DECISION_STEWARD_ROLES.includes(actor as Role);
      expect((await app.prisma.changeIdeaDecision.findUniqueOrThrow({ where: { id: decision.id } })).status).toBe(
        outcome !== 'ok' ? 'PENDING' : column.startsWith('decline') ? 'DECLINED' : decisive ? 'TAKEN' : 'PENDING',
      );
    });
  });

  describe("proposals in an idea's thread", () => {
    // On the author's idea (she opened the proposal acted on), unless a column says "her own".
    //                         proposals | proposal | open, her own idea | open, someone else's | take a position | cast dots | close her own | close another's
    const table: Record<Actor, string> = {
      PATIENT_PARTNER: '       ok  ok  ok  F   ok  ok  ok  F',
      FAMILY_MEMBER: '         ok  ok  ok  F   ok  ok  ok  F',
      CLINICIAN: '             ok  ok  ok  F   ok  ok  ok  F',
      RESEARCHER: '            ok  ok  ok  F   ok  ok  ok  F',
      SITE_LEAD: '             ok  ok  ok  ok  ok  ok  ok  F',
      NETWORK_ADMIN: '         ok  ok  ok  ok  ok  ok  ok  F',
      NON_MEMBER: '            NF  NF  NF  NF  NF  NF  NF  NF',
      SIGNED_OUT: '            UA  UA  UA  UA  UA  UA  UA  UA',
    };
    const columns = ['proposals', 'proposal', 'open own', 'open other', 'position', 'dots', 'close own', 'close other'];
    it.each(cases(columns, table))('%s: %s: %s', async (actor, column, outcome) => {
      const client = clientOf(actor);
      const own = actor in members ? members[actor as Role] : author;
      if (column === 'open own' || column === 'open other') {
        const idea = await newIdea(column === 'open own' ? own : author, networkId);
        const threadId = await ideaThreadId(author, idea.id);
        const question = `Opened by ${actor} (${column})`;
        expect(outcomeOf(await client.gql(OPEN_PROPOSAL, { threadId, input: proposalInput({ question }) }))).toBe(
          outcome,
        );
        expect(await app.prisma.proposal.count({ where: { question } })).toBe(outcome === 'ok' ? 1 : 0);
        return;
      }
      const idea = await newIdea(author, networkId);
      if (column === 'close own') {
        // A proposal she opened in a thread of an idea she proposed (a non-member's own is the author's).
        const mine = own === author ? idea : await newIdea(own, networkId);
        const proposal = await openProposal(own, mine.id);
        expect(outcomeOf(await client.gql(CLOSE_PROPOSAL, { proposalId: proposal.id, outcome: 'Agreed.' }))).toBe(
          outcome,
        );
        return;
      }
      const dots = column === 'dots';
      const proposal = await openProposal(
        author,
        idea.id,
        dots ? { kind: 'DOT_VOTE', options: ['A', 'B'], dotsPerMember: 2 } : {},
      );
      const result = {
        proposals: () => client.gql(PROPOSALS, { threadId: proposal.threadId }),
        proposal: () => client.gql(PROPOSAL, { id: proposal.id }),
        position: () =>
          client.gql(TAKE_POSITION, { proposalId: proposal.id, input: { position: 'AGREE', reason: '' } }),
        dots: () =>
          client.gql(CAST_DOTS, { proposalId: proposal.id, votes: [{ optionId: proposal.options[0].id, dots: 1 }] }),
        'close other': () => client.gql(CLOSE_PROPOSAL, { proposalId: proposal.id, outcome: 'Agreed.' }),
      }[column]!;
      const response = await result();
      expect(outcomeOf(response)).toBe(outcome);
      if (outcome !== 'ok') expect(response.data).toBeNull();
      const written = dots
        ? await app.prisma.proposalDotVote.count({ where: { proposalId: proposal.id } })
        : await app.prisma.proposalPosition.count({ where: { proposalId: proposal.id } });
      if (column === 'position' || column === 'dots') expect(written).toBe(outcome === 'ok' ? 1 : 0);
      if (column === 'close other')
        expect((await app.prisma.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).outcome).toBe('');
    });
  });

  describe('network settings', () => {
    //                         setDecisionConfirmationDays
    const table: Record<Actor, string> = {
      PATIENT_PARTNER: '       F',
      FAMILY_MEMBER: '         F',
      CLINICIAN: '             F',
      RESEARCHER: '            F',
      SITE_LEAD: '             F',
      NETWORK_ADMIN: '         ok',
      NON_MEMBER: '            NF',
      SIGNED_OUT: '            UA',
    };
    it.each(cases(['setDecisionConfirmationDays'], table))('%s: %s: %s', async (actor, _column, outcome) => {
      const days = 20 + ACTORS_ORDER.indexOf(actor);
      const result = await clientOf(actor).gql(
        `mutation($networkId: ID!, $days: Int!) { setDecisionConfirmationDays(networkId: $networkId, days: $days) { decisionConfirmationDays } }`,
        {
          networkId,
          days,
        },
      );
      expect(outcomeOf(result)).toBe(outcome);
      const stored = (await app.prisma.network.findUniqueOrThrow({ where: { id: networkId } }))
        .decisionConfirmationDays;
      expect(stored === days).toBe(outcome === 'ok');
      await app.prisma.network.update({ where: { id: networkId }, data: { decisionConfirmationDays: 14 } });
    });
  });

  describe('co-designers', () => {
    //                         invite to someone else's idea | invite to her own | answer her invitation | leave
    const table: Record<Actor, string> = {
      PATIENT_PARTNER: '       F   ok  ok  ok',
      FAMILY_MEMBER: '         F   ok  ok  ok',
      CLINICIAN: '             F   ok  ok  ok',
      RESEARCHER: '            F   ok  ok  ok',
      SITE_LEAD: '             ok  ok  ok  ok',
      NETWORK_ADMIN: '         ok  ok  ok  ok',
      NON_MEMBER: '            NF  NF  NF  NF',
      SIGNED_OUT: '            UA  UA  UA  UA',
    };
    it.each(cases(['invite other', 'invite own', 'respond', 'leave'], table))(
      '%s: %s: %s',
      async (actor, column, outcome) => {
        const client = clientOf(actor);
        const own = column === 'invite own' && actor in members;
        const idea = await newIdea(own ? members[actor as Role] : author, networkId);
        if (column.startsWith('invite')) {
          const invitee = own && actor === 'PATIENT_PARTNER' ? author : members.PATIENT_PARTNER;
          expect(outcomeOf(await client.gql(INVITE, { ideaId: idea.id, userId: invitee.userId }))).toBe(outcome);
          expect(
            await app.prisma.changeIdeaCoDesigner.count({ where: { ideaId: idea.id, userId: invitee.userId } }),
          ).toBe(outcome === 'ok' ? 1 : 0);
          return;
        }
        if (actor in members)
          await author.client.ok(INVITE, { ideaId: idea.id, userId: members[actor as Role].userId });
        if (column === 'leave' && actor in members) await client.ok(RESPOND, { ideaId: idea.id, accept: true });
        const result =
          column === 'respond'
            ? await client.gql(RESPOND, { ideaId: idea.id, accept: true })
            : await client.gql(LEAVE, { ideaId: idea.id });
        expect(outcomeOf(result)).toBe(outcome);
        if (actor in members) {
          const row = await app.prisma.changeIdeaCoDesigner.findUniqueOrThrow({
            where: { ideaId_userId: { ideaId: idea.id, userId: memberOf(actor).userId } },
          });
          expect(row.status).toBe(column === 'respond' ? 'ACTIVE' : 'LEFT');
        }
      },
    );
  });

  describe('PDSA cycles', () => {
    //                         create at her own site | create at another site | update a cycle at her own site
    const table: Record<Actor, string> = {
      PATIENT_PARTNER: '       F   F   F',
      FAMILY_MEMBER: '         F   F   F',
      CLINICIAN: '             ok  F   ok',
      RESEARCHER: '            F   F   F',
      SITE_LEAD: '             ok  F   ok',
      NETWORK_ADMIN: '         ok  ok  ok',
      NON_MEMBER: '            NF  NF  NF',
      SIGNED_OUT: '            UA  UA  UA',
    };
    it.each(cases(['create own site', 'create other site', 'update own site'], table))(
      '%s: %s: %s',
      async (actor, column, outcome) => {
        const client = clientOf(actor);
        if (column.startsWith('create')) {
          const title = `${column} by ${actor}`;
          const result = await client.gql(CREATE_CYCLE, {
            ideaId: testing.id,
            input: cycleInput(column === 'create own site' ? siteA : siteB, { title }),
          });
          expect(outcomeOf(result)).toBe(outcome);
          expect(await app.prisma.pdsaCycle.count({ where: { title } })).toBe(outcome === 'ok' ? 1 : 0);
          return;
        }
        const target = (await admin.client.ok(CREATE_CYCLE, { ideaId: testing.id, input: cycleInput(siteA) }))
          .createPdsaCycle;
        const { siteId: _site, ...fields } = cycleInput(siteA, { title: 'Updated title' });
        const result = await client.gql(UPDATE_CYCLE, {
          cycleId: target.id,
          input: { ...fields, expectedVersion: target.version },
        });
        expect(outcomeOf(result)).toBe(outcome);
        expect((await app.prisma.pdsaCycle.findUniqueOrThrow({ where: { id: target.id } })).version).toBe(
          outcome === 'ok' ? 2 : 1,
        );
      },
    );
  });
});
