import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addCoDesigner,
  ANNOTATIONS,
  CREATE_CYCLE,
  cycleInput,
  decide,
  GET_CYCLE,
  ideaInTesting,
  newIdea,
  type TestIdea,
  UPDATE_CYCLE,
} from '../test-support/change-ideas';
import { errorOf } from '../test-support/graphql-client';
import { newMeasure, type TestMeasure } from '../test-support/measures';
import { TestApp, type TestMember } from '../test-support/test-app';

const IDEA_CYCLES = `query($id: ID!, $siteId: ID) { changeIdea(id: $id) { pdsaCycles(siteId: $siteId) { id number site { id } title } } }`;
const CHART_ANNOTATIONS = `query($measureId: ID!) { measureCharts(measureId: $measureId) { pdsaAnnotations { cycleId siteId startMonth endMonth ideaTitle } } }`;

const editInput = (cycle: { version: number }, overrides: Record<string, unknown> = {}) => {
  const { siteId: _siteId, ...rest } = cycleInput('unused', overrides);
  return {
    doNotes: '',
    studyNotes: '',
    act: null,
    actNotes: '',
    stage: 'PLAN',
    ...rest,
    expectedVersion: cycle.version,
  };
};

describe('PDSA cycles', () => {
  let app: TestApp;
  let networkId: string;
  let siteA: string;
  let siteB: string;
  let admin: TestMember;
  let leadA: TestMember;
  let leadB: TestMember;
  let clinicianA: TestMember;
  let patientA: TestMember;
  let patientB: TestMember;
  let familyA: TestMember;
  let researcher: TestMember;
  let measure: TestMeasure;
  let idea: TestIdea;

  beforeAll(async () => {
    app = await TestApp.start();
    const made = await app.newNetwork(2);
    admin = made.admin;
    networkId = made.network.id;
    [siteA, siteB] = made.sites.map((s) => s.id);
    [leadA, leadB, clinicianA, patientA, patientB, familyA, researcher] = await Promise.all([
      app.newMember(admin, networkId, 'SITE_LEAD', siteA, 'Lena Lead'),
      app.newMember(admin, networkId, 'SITE_LEAD', siteB),
      app.newMember(admin, networkId, 'CLINICIAN', siteA),
      app.newMember(admin, networkId, 'PATIENT_PARTNER', siteA),
      app.newMember(admin, networkId, 'PATIENT_PARTNER', siteB),
      app.newMember(admin, networkId, 'FAMILY_MEMBER', siteA),
      app.newMember(admin, networkId, 'RESEARCHER', null),
    ]);
    measure = await newMeasure(admin, networkId, 'PROPORTION');
    idea = await ideaInTesting(patientA, leadA, networkId, { title: 'Text reminders before labs' });
  });

  afterAll(() => app?.stop());

  describe('writing a cycle', () => {
    it('a site lead plans a cycle at her site with its prediction and the measures it should move; cycles are numbered per site', async () => {
      const first = (
        await leadA.client.ok(CREATE_CYCLE, { ideaId: idea.id, input: cycleInput(siteA, { measureIds: [measure.id] }) })
      ).createPdsaCycle;
      expect(first).toMatchObject({
        ideaId: idea.id,
        number: 1,
        stage: 'PLAN',
        act: null,
        startOn: '2026-03-02',
        endOn: '2026-03-27',
        version: 1,
        site: { id: siteA },
        measures: [{ id: measure.id }],
      });
      const second = (
        await clinicianA.client.ok(CREATE_CYCLE, {
          ideaId: idea.id,
          input: cycleInput(siteA, { startOn: '2026-04-06', endOn: null }),
        })
      ).createPdsaCycle;
      const atB = (await leadB.client.ok(CREATE_CYCLE, { ideaId: idea.id, input: cycleInput(siteB) })).createPdsaCycle;
      expect([second.number, atB.number]).toEqual([2, 1]);

      const all = (await researcher.client.ok(IDEA_CYCLES, { id: idea.id })).changeIdea.pdsaCycles;
      expect(all.map((c: any) => c.id)).toEqual(expect.arrayContaining([first.id, second.id, atB.id]));
      const atA = (await researcher.client.ok(IDEA_CYCLES, { id: idea.id, siteId: siteA })).changeIdea.pdsaCycles;
      expect(atA.map((c: any) => c.number)).toEqual([1, 2]);
    });

    it('is carried through do, study and act, against the version the editor saw', async () => {
      const cycle = (await leadA.client.ok(CREATE_CYCLE, { ideaId: idea.id, input: cycleInput(siteA) }))
        .createPdsaCycle;
      const done = (
        await clinicianA.client.ok(UPDATE_CYCLE, {
          cycleId: cycle.id,
          input: editInput(cycle, { stage: 'DO', doNotes: 'Sent 58 texts.' }),
        })
      ).updatePdsaCycle;
      const acted = (
        await leadA.client.ok(UPDATE_CYCLE, {
          cycleId: cycle.id,
          input: editInput(done, {
            stage: 'ACT',
            doNotes: 'Sent 58 texts.',
            studyNotes: '3 of 40 missed: better than the 5 predicted.',
            act: 'ADOPT',
            measureIds: [measure.id],
          }),
        })
      ).updatePdsaCycle;
      expect(acted).toMatchObject({ stage: 'ACT', act: 'ADOPT', version: 3, measures: [{ id: measure.id }] });

      const stale = await clinicianA.client.gql(UPDATE_CYCLE, {
        cycleId: cycle.id,
        input: editInput(done, { stage: 'STUDY', doNotes: 'x' }),
      });
      expect(errorOf(stale)).toEqual({ code: 'CONFLICT', field: 'input.expectedVersion' });
      expect(stale.errors![0].extensions).toMatchObject({ currentVersion: 3, currentStage: 'ACT' });
    });

    it.each([
      [{ prediction: '  ' }, 'input.prediction'],
      [{ plan: '' }, 'input.plan'],
      [{ title: '' }, 'input.title'],
      [{ startOn: '2026-03-32' }, 'input.startOn'],
      [{ endOn: '2026-03-01' }, 'input.endOn'],
      [{ stage: 'STUDY' }, 'input.doNotes'],
      [{ stage: 'STUDY', doNotes: 'Done', endOn: null }, 'input.endOn'],
      [{ stage: 'ACT', doNotes: 'Done', act: 'ADAPT' }, 'input.studyNotes'],
      [{ act: 'ADAPT', studyNotes: 'Fewer missed' }, 'input.stage'],
      [{ stage: 'ACT', doNotes: 'Done', studyNotes: 'Fewer missed' }, 'input.act'],
      [{ siteId: 'riverside' }, 'input.siteId'],
      [{ measureIds: ['x'] }, 'input.measureIds.0'],
    ])('%o is refused with BAD_USER_INPUT on %s and nothing is written', async (overrides, field) => {
      const before = await app.prisma.pdsaCycle.count();
      const result = await leadA.client.gql(CREATE_CYCLE, { ideaId: idea.id, input: cycleInput(siteA, overrides) });
      expect(errorOf(result)).toEqual({ code: 'BAD_USER_INPUT', field });
      expect(await app.prisma.pdsaCycle.count()).toBe(before);
    });

    it('refuses a site or a measure of another network', async () => {
      const other = await app.newNetwork(1);
      const foreignMeasure = await newMeasure(other.admin, other.network.id, 'COUNT');
      expect(
        errorOf(await admin.client.gql(CREATE_CYCLE, { ideaId: idea.id, input: cycleInput(other.sites[0].id) })),
      ).toEqual({ code: 'BAD_USER_INPUT', field: 'input.siteId' });
      expect(
        errorOf(
          await admin.client.gql(CREATE_CYCLE, {
            ideaId: idea.id,
            input: cycleInput(siteA, { measureIds: [measure.id, foreignMeasure.id] }),
          }),
        ),
      ).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'input.measureIds.1',
      });
    });

    it('tests only ideas in TESTING', async () => {
      const proposed = await newIdea(patientA, networkId);
      const result = await leadA.client.gql(CREATE_CYCLE, { ideaId: proposed.id, input: cycleInput(siteA) });
      expect(errorOf(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'ideaId' });
      expect(result.errors![0].message).toMatch(/PROPOSED/);
    });

    it('an existing cycle is still completed after the idea is adopted', async () => {
      const tested = await ideaInTesting(patientA, leadA, networkId);
      const cycle = (await leadA.client.ok(CREATE_CYCLE, { ideaId: tested.id, input: cycleInput(siteA) }))
        .createPdsaCycle;
      await decide(leadA, tested, 'ADOPTED', [patientA]);
      const studied = await leadA.client.ok(UPDATE_CYCLE, {
        cycleId: cycle.id,
        input: editInput(cycle, { stage: 'STUDY', doNotes: 'Done as planned' }),
      });
      expect(studied.updatePdsaCycle.stage).toBe('STUDY');
      expect(errorOf(await leadA.client.gql(CREATE_CYCLE, { ideaId: tested.id, input: cycleInput(siteA) }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'ideaId',
      });
    });
  });

  describe('who writes a cycle', () => {
    it.each([
      ['the site lead of that site', () => leadA, 'siteA', 'ok'],
      ['a clinician of that site', () => clinicianA, 'siteA', 'ok'],
      ['a network admin', () => admin, 'siteB', 'ok'],
      ['the site lead of another site', () => leadB, 'siteA', 'FORBIDDEN'],
      ['a clinician of another site', () => clinicianA, 'siteB', 'FORBIDDEN'],
      ['a patient partner at that site who does not co-design it', () => patientB, 'siteB', 'FORBIDDEN'],
      ['a family member at that site who does not co-design it', () => familyA, 'siteA', 'FORBIDDEN'],
      ['a researcher', () => researcher, 'siteA', 'FORBIDDEN'],
      ['the proposer, at her own site', () => patientA, 'siteA', 'ok'],
      ['the proposer, at another site', () => patientA, 'siteB', 'FORBIDDEN'],
    ] as const)('%s at %s: %s', async (_label, memberOf, site, outcome) => {
      const siteId = site === 'siteA' ? siteA : siteB;
      const result = await memberOf().client.gql(CREATE_CYCLE, {
        ideaId: idea.id,
        input: cycleInput(siteId, { title: `By ${_label}` }),
      });
      expect(result.errors ? errorOf(result).code : 'ok').toBe(outcome);
      expect(await app.prisma.pdsaCycle.count({ where: { title: `By ${_label}` } })).toBe(outcome === 'ok' ? 1 : 0);
    });

    it('a co-designer who joined writes cycles at her own site only, and is told so', async () => {
      const tested = await ideaInTesting(leadA, admin, networkId);
      await addCoDesigner(leadA, tested, familyA);
      await addCoDesigner(leadA, tested, patientB);
      const atA = (await familyA.client.ok(CREATE_CYCLE, { ideaId: tested.id, input: cycleInput(siteA) }))
        .createPdsaCycle;
      expect(
        errorOf(await familyA.client.gql(CREATE_CYCLE, { ideaId: tested.id, input: cycleInput(siteB) })).code,
      ).toBe('FORBIDDEN');
      expect((await familyA.client.ok(GET_CYCLE, { id: atA.id })).pdsaCycle.viewerCanEdit).toBe(true);
      expect((await patientB.client.ok(GET_CYCLE, { id: atA.id })).pdsaCycle.viewerCanEdit).toBe(false);
      expect(
        errorOf(await patientB.client.gql(UPDATE_CYCLE, { cycleId: atA.id, input: editInput(atA, { title: 'Mine' }) }))
          .code,
      ).toBe('FORBIDDEN');
    });
  });

  describe('on the charts', () => {
    it("a cycle is an annotation at its dates on its site's charts of the measures it should move", async () => {
      const other = await app.newNetwork(2);
      const net = other.network.id;
      const lead = await app.newMember(other.admin, net, 'SITE_LEAD', other.sites[0].id);
      const patient = await app.newMember(other.admin, net, 'PATIENT_PARTNER', other.sites[0].id);
      const remission = await newMeasure(other.admin, net, 'PROPORTION');
      const waits = await newMeasure(other.admin, net, 'MEAN');
      const tested = await ideaInTesting(patient, lead, net, { title: 'Flare plan on the fridge' });
      const c1 = (
        await lead.client.ok(CREATE_CYCLE, {
          ideaId: tested.id,
          input: cycleInput(other.sites[0].id, {
            measureIds: [remission.id],
            startOn: '2026-02-02',
            endOn: '2026-03-20',
          }),
        })
      ).createPdsaCycle;
      const c2 = (
        await other.admin.client.ok(CREATE_CYCLE, {
          ideaId: tested.id,
          input: cycleInput(other.sites[1].id, {
            measureIds: [remission.id, waits.id],
            startOn: '2026-04-01',
            endOn: null,
          }),
        })
      ).createPdsaCycle;

      const forRemission = (await patient.client.ok(ANNOTATIONS, { networkId: net, measureId: remission.id }))
        .pdsaAnnotations;
      expect(forRemission).toEqual([
        {
          cycleId: c1.id,
          ideaId: tested.id,
          ideaTitle: 'Flare plan on the fridge',
          ideaStatus: 'TESTING',
          siteId: other.sites[0].id,
          site: { id: other.sites[0].id },
          number: 1,
          title: c1.title,
          stage: 'PLAN',
          act: null,
          startOn: '2026-02-02',
          endOn: '2026-03-20',
          startMonth: '2026-02',
          endMonth: '2026-03',
          measureIds: [remission.id],
        },
        expect.objectContaining({ cycleId: c2.id, siteId: other.sites[1].id, startMonth: '2026-04', endMonth: null }),
      ]);
      const atSecondSite = (
        await patient.client.ok(ANNOTATIONS, { networkId: net, siteId: other.sites[1].id, measureId: waits.id })
      ).pdsaAnnotations;
      expect(atSecondSite.map((a: any) => a.cycleId)).toEqual([c2.id]);
      expect((await patient.client.ok(ANNOTATIONS, { networkId: net })).pdsaAnnotations).toHaveLength(2);

      const charts = (await patient.client.ok(CHART_ANNOTATIONS, { measureId: waits.id })).measureCharts
        .pdsaAnnotations;
      expect(charts).toEqual([
        {
          cycleId: c2.id,
          siteId: other.sites[1].id,
          startMonth: '2026-04',
          endMonth: null,
          ideaTitle: 'Flare plan on the fridge',
        },
      ]);

      expect(errorOf(await patient.client.gql(ANNOTATIONS, { networkId: net, siteId: siteA }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'siteId',
      });
      expect(errorOf(await patient.client.gql(ANNOTATIONS, { networkId: net, measureId: measure.id }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'measureId',
      });
      expect(errorOf(await leadA.client.gql(ANNOTATIONS, { networkId: net })).code).toBe('NOT_FOUND');
    });
  });

  describe('notifications', () => {
    it('a new cycle, and each change of its stage, notifies the members of its site but not its author', async () => {
      const tested = await ideaInTesting(patientA, leadA, networkId, { title: 'Lab slots after school' });
      const cycle = (await clinicianA.client.ok(CREATE_CYCLE, { ideaId: tested.id, input: cycleInput(siteA) }))
        .createPdsaCycle;

      const created = await app.prisma.notification.findMany({
        where: { subjectId: cycle.id, kind: 'PDSA_AT_SITE' },
        select: { userId: true, actorId: true, subjectType: true, payload: true },
      });
      const siteMembers = [leadA, patientA, familyA].map((m) => m.userId).sort();
      expect(created.map((n) => n.userId).sort()).toEqual(siteMembers);
      expect(created[0]).toMatchObject({
        actorId: clinicianA.userId,
        subjectType: 'PDSA_CYCLE',
        payload: { event: 'created', ideaTitle: 'Lab slots after school', siteId: siteA, number: 1, stage: 'PLAN' },
      });

      await leadA.client.ok(UPDATE_CYCLE, { cycleId: cycle.id, input: editInput(cycle, { title: 'Renamed only' }) });
      expect(await app.prisma.notification.count({ where: { subjectId: cycle.id } })).toBe(3);
      await leadA.client.ok(UPDATE_CYCLE, { cycleId: cycle.id, input: editInput({ version: 2 }, { stage: 'DO' }) });
      const stageChanged = await app.prisma.notification.findMany({
        where: { subjectId: cycle.id, payload: { path: ['event'], equals: 'stageChanged' } },
        select: { userId: true },
      });
      expect(stageChanged.map((n) => n.userId).sort()).toEqual(
        [clinicianA, patientA, familyA].map((m) => m.userId).sort(),
      );
    });
  });
});
