import { type Role, ROLES } from '@commons/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, authorisationCases, type Outcome, outcomeOf } from '../test-support/authorisation-table';
import {
  ANNOTATIONS,
  CREATE_CYCLE,
  cycleInput,
  DECIDE,
  decisionInput,
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
  RESPOND,
  type TestIdea,
  UPDATE_CYCLE,
} from '../test-support/change-ideas';
import type { TestClient } from '../test-support/graphql-client';
import { TestApp, type TestMember } from '../test-support/test-app';

/**
 * Who may do what with change ideas and PDSA cycles. Every role has a member at site A ("her own
 * site"); B is another site. The ideas acted on are proposed by another patient partner at site A
 * unless a column says "her own". Cells as in test-support/authorisation-table.ts.
 */
function cases<C extends string>(columns: C[], table: Record<Actor, string>): [Actor, C, Outcome][] {
  return authorisationCases(columns, table).map(([actor, , outcome, column]): [Actor, C, Outcome] => [actor, column, outcome]);
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

  const clientOf = (actor: Actor): TestClient => (actor === 'SIGNED_OUT' ? signedOut : actor === 'NON_MEMBER' ? outsider.client : members[actor].client);
  const memberOf = (actor: Actor): { userId: string } => (actor === 'SIGNED_OUT' || actor === 'NON_MEMBER' ? outsider : members[actor]);

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
      await admin.client.ok(`mutation($networkId: ID!, $input: MeasureInput!) { createMeasure(networkId: $networkId, input: $input) { id } }`, {
        networkId,
        input: { key: 'remission', name: 'Remission', definition: '', kind: 'PROPORTION', direction: 'UP', unit: '%', target: null, defaultChart: 'P' },
      })
    ).createMeasure.id;
    testing = await ideaInTesting(author, steward, networkId);
    cycle = (await admin.client.ok(CREATE_CYCLE, { ideaId: testing.id, input: cycleInput(siteA, { measureIds: [measureId] }) })).createPdsaCycle;
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
    it.each(cases(['propose', 'edit own', 'edit other', 'endorse'], table))('%s: %s: %s', async (actor, column, outcome) => {
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
        expect(await app.prisma.changeIdeaEndorsement.count({ where: { ideaId: idea.id } })).toBe(outcome === 'ok' ? 1 : 0);
        return;
      }
      expect(outcomeOf(await client.gql(EDIT, { ideaId: idea.id, input: { ...ideaInput({ title: 'Edited title' }), expectedVersion: 1 } }))).toBe(outcome);
      expect((await app.prisma.changeIdea.findUniqueOrThrow({ where: { id: idea.id } })).version).toBe(outcome === 'ok' ? 2 : 1);
    });
  });

  describe('decideChangeIdea', () => {
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
    it.each(cases(['with author and steward', 'alone', 'own with steward'], table))('%s deciding %s: %s', async (actor, column, outcome) => {
      const me = memberOf(actor);
      const owner = column === 'own with steward' && actor in members ? members[actor as Role] : author;
      const idea = await newIdea(owner, networkId);
      const participants = column === 'alone' ? [me] : column === 'own with steward' ? [me, steward] : [me, author, steward];

      const result = await clientOf(actor).gql(DECIDE, { ideaId: idea.id, input: decisionInput(idea, 'CO_DESIGN', participants) });

      expect(outcomeOf(result)).toBe(outcome);
      expect(await app.prisma.changeIdeaDecision.count({ where: { ideaId: idea.id } })).toBe(outcome === 'ok' ? 1 : 0);
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
    it.each(cases(['invite other', 'invite own', 'respond', 'leave'], table))('%s: %s: %s', async (actor, column, outcome) => {
      const client = clientOf(actor);
      const own = column === 'invite own' && actor in members;
      const idea = await newIdea(own ? members[actor as Role] : author, networkId);
      if (column.startsWith('invite')) {
        const invitee = own && actor === 'PATIENT_PARTNER' ? author : members.PATIENT_PARTNER;
        expect(outcomeOf(await client.gql(INVITE, { ideaId: idea.id, userId: invitee.userId }))).toBe(outcome);
        expect(await app.prisma.changeIdeaCoDesigner.count({ where: { ideaId: idea.id, userId: invitee.userId } })).toBe(outcome === 'ok' ? 1 : 0);
        return;
      }
      if (actor in members) await author.client.ok(INVITE, { ideaId: idea.id, userId: members[actor as Role].userId });
      if (column === 'leave' && actor in members) await client.ok(RESPOND, { ideaId: idea.id, accept: true });
      const result = column === 'respond' ? await client.gql(RESPOND, { ideaId: idea.id, accept: true }) : await client.gql(LEAVE, { ideaId: idea.id });
      expect(outcomeOf(result)).toBe(outcome);
      if (actor in members) {
        const row = await app.prisma.changeIdeaCoDesigner.findUniqueOrThrow({ where: { ideaId_userId: { ideaId: idea.id, userId: memberOf(actor).userId } } });
        expect(row.status).toBe(column === 'respond' ? 'ACTIVE' : 'LEFT');
      }
    });
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
    it.each(cases(['create own site', 'create other site', 'update own site'], table))('%s: %s: %s', async (actor, column, outcome) => {
      const client = clientOf(actor);
      if (column.startsWith('create')) {
        const title = `${column} by ${actor}`;
        const result = await client.gql(CREATE_CYCLE, { ideaId: testing.id, input: cycleInput(column === 'create own site' ? siteA : siteB, { title }) });
        expect(outcomeOf(result)).toBe(outcome);
        expect(await app.prisma.pdsaCycle.count({ where: { title } })).toBe(outcome === 'ok' ? 1 : 0);
        return;
      }
      const target = (await admin.client.ok(CREATE_CYCLE, { ideaId: testing.id, input: cycleInput(siteA) })).createPdsaCycle;
      const { siteId: _site, ...fields } = cycleInput(siteA, { title: 'Updated title' });
      const result = await client.gql(UPDATE_CYCLE, { cycleId: target.id, input: { ...fields, expectedVersion: target.version } });
      expect(outcomeOf(result)).toBe(outcome);
      expect((await app.prisma.pdsaCycle.findUniqueOrThrow({ where: { id: target.id } })).version).toBe(outcome === 'ok' ? 2 : 1);
    });
  });
});
