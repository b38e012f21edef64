import type { Role } from '@commons/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, type GraphqlResponse, type TestClient } from '../test-support/graphql-client';
import {
  type EntryInput,
  MEASURE_FIELDS,
  MONTH_REPORT,
  measureInput,
  monthsAgo,
  newMeasure,
} from '../test-support/measures';
import { SITE_STANDINGS, type SiteStanding } from '../test-support/authorisation-table';
import { TestApp, type TestMember } from '../test-support/test-app';

const CREATE_MEASURE = `mutation($networkId: ID!, $input: MeasureInput!) { createMeasure(networkId: $networkId, input: $input) { ${MEASURE_FIELDS} } }`;
const UPDATE_MEASURE = `mutation($measureId: ID!, $input: MeasureInput!) { updateMeasure(measureId: $measureId, input: $input) { ${MEASURE_FIELDS} } }`;
const MEASURES = `query($networkId: ID!) { measures(networkId: $networkId) { id key } }`;
const UPDATE_AIM = `mutation($networkId: ID!, $input: AimInput!) { updateAim(networkId: $networkId, input: $input) { id } }`;
const CREATE_DRIVER = `mutation($networkId: ID!, $input: DriverInput!) { createDriver(networkId: $networkId, input: $input) { id } }`;
const CHARTS = `query($measureId: ID!) { measureCharts(measureId: $measureId) { measure { id } } }`;
const COMPLETENESS = `query($networkId: ID!) { completeness(networkId: $networkId) { rows { site { id } } } }`;
const PREVIEW = `mutation($networkId: ID!, $csv: String!) { previewMeasureImport(networkId: $networkId, csv: $csv) { valid } }`;

type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHENTICATED' | 'BAD_USER_INPUT';
const outcomeOf = (result: GraphqlResponse): Outcome =>
  result.errors?.length ? (errorOf(result).code as Outcome) : 'ok';

/**
 * Who may report, read and define measures. Members of every role are at site A; "another
 * site" is B. The outsider is the admin of another network.
 */
describe('measures: authorisation', () => {
  let app: TestApp;
  let networkId: string;
  let siteA: string;
  let siteB: string;
  let admin: TestMember;
  let outsider: TestMember;
  let signedOut: TestClient;
  let measureId: string;
  const members = {} as Record<Role, TestMember>;
  let researcherWithoutSite: TestMember;
  // Asked to join site A and not answered yet: site A is not theirs (see SITE_STANDINGS).
  let pendingPartner: TestMember;
  let pendingResearcher: TestMember;

  const entries = (): EntryInput[] => [{ measureId, numerator: 5, denominator: 20 }];
  const write = (client: TestClient, siteId: string, month: string) =>
    client.gql(`mutation($input: SaveMonthReportInput!) { saveMonthReport(input: $input) { month } }`, {
      input: { networkId, siteId, month, submit: true, entries: entries().map((e) => ({ ...e, expectedVersion: 0 })) },
    });
  const read = (client: TestClient, siteId: string) =>
    client.gql(MONTH_REPORT, { networkId, siteId, month: monthsAgo(2) });
  type Who =
    | Role
    | 'NON_MEMBER'
    | 'SIGNED_OUT'
    | 'RESEARCHER_WITHOUT_SITE'
    | 'PATIENT_PARTNER_PENDING_A'
    | 'RESEARCHER_PENDING_A';
  const clientOf = (who: Who): TestClient =>
    who === 'SIGNED_OUT'
      ? signedOut
      : who === 'NON_MEMBER'
        ? outsider.client
        : who === 'RESEARCHER_WITHOUT_SITE'
          ? researcherWithoutSite.client
          : who === 'PATIENT_PARTNER_PENDING_A'
            ? pendingPartner.client
            : who === 'RESEARCHER_PENDING_A'
              ? pendingResearcher.client
              : members[who].client;

  beforeAll(async () => {
    app = await TestApp.start();
    const made = await app.newNetwork(2);
    ({ admin } = made);
    networkId = made.network.id;
    [siteA, siteB] = made.sites.map((s) => s.id);
    measureId = (await newMeasure(admin, networkId, 'PROPORTION')).id;
    members.NETWORK_ADMIN = admin;
    const roles: Role[] = ['SITE_LEAD', 'CLINICIAN', 'PATIENT_PARTNER', 'FAMILY_MEMBER', 'RESEARCHER'];
    const made2 = await Promise.all(roles.map((role) => app.newMember(admin, networkId, role, siteA)));
    roles.forEach((role, i) => (members[role] = made2[i]));
    researcherWithoutSite = await app.newMember(admin, networkId, 'RESEARCHER', null);
    pendingPartner = await app.newPendingMember(admin, networkId, 'PATIENT_PARTNER', siteA);
    pendingResearcher = await app.newPendingMember(admin, networkId, 'RESEARCHER', siteA);
    outsider = (await app.newNetwork(1)).admin;
    signedOut = app.client();
  });

  afterAll(() => app?.stop());

  // Each row writes its own month so that a success never turns a later case into a CONFLICT.
  const writeCases: [Who, Outcome, Outcome][] = [
    // who                       own site A    site B
    ['SITE_LEAD', 'ok', 'FORBIDDEN'],
    ['CLINICIAN', 'ok', 'FORBIDDEN'],
    ['PATIENT_PARTNER', 'FORBIDDEN', 'FORBIDDEN'],
    ['FAMILY_MEMBER', 'FORBIDDEN', 'FORBIDDEN'],
    ['RESEARCHER', 'FORBIDDEN', 'FORBIDDEN'],
    ['RESEARCHER_WITHOUT_SITE', 'FORBIDDEN', 'FORBIDDEN'],
    ['PATIENT_PARTNER_PENDING_A', 'FORBIDDEN', 'FORBIDDEN'],
    ['NETWORK_ADMIN', 'ok', 'ok'],
    ['NON_MEMBER', 'NOT_FOUND', 'NOT_FOUND'],
    ['SIGNED_OUT', 'UNAUTHENTICATED', 'UNAUTHENTICATED'],
  ];

  it.each(writeCases.map((row, i) => [...row, i] as const))(
    'saveMonthReport by %s: site A → %s, site B → %s',
    async (who, siteAOutcome, siteBOutcome, i) => {
      const month = monthsAgo(i + 1);
      const before = await app.prisma.measureReport.count({ where: { networkId } });
      expect(outcomeOf(await write(clientOf(who), siteA, month))).toBe(siteAOutcome);
      expect(outcomeOf(await write(clientOf(who), siteB, month))).toBe(siteBOutcome);
      const written = [siteAOutcome, siteBOutcome].filter((o) => o === 'ok').length;
      expect(await app.prisma.measureReport.count({ where: { networkId } })).toBe(before + written);
    },
  );

  const readCases: [Who, Outcome, Outcome][] = [
    ['SITE_LEAD', 'ok', 'FORBIDDEN'],
    ['CLINICIAN', 'ok', 'FORBIDDEN'],
    // The form holds unsuppressed numbers: a site's own members may read it.
    ['PATIENT_PARTNER', 'ok', 'FORBIDDEN'],
    ['FAMILY_MEMBER', 'ok', 'FORBIDDEN'],
    ['RESEARCHER', 'ok', 'FORBIDDEN'],
    ['RESEARCHER_WITHOUT_SITE', 'FORBIDDEN', 'FORBIDDEN'],
    // Asking to join site A opens nothing of it: read exactly as a member of no site.
    ['PATIENT_PARTNER_PENDING_A', 'FORBIDDEN', 'FORBIDDEN'],
    ['RESEARCHER_PENDING_A', 'FORBIDDEN', 'FORBIDDEN'],
    ['NETWORK_ADMIN', 'ok', 'ok'],
    ['NON_MEMBER', 'NOT_FOUND', 'NOT_FOUND'],
    ['SIGNED_OUT', 'UNAUTHENTICATED', 'UNAUTHENTICATED'],
  ];

  it.each(readCases)('monthReport by %s: site A → %s, site B → %s', async (who, siteAOutcome, siteBOutcome) => {
    expect(outcomeOf(await read(clientOf(who), siteA))).toBe(siteAOutcome);
    expect(outcomeOf(await read(clientOf(who), siteB))).toBe(siteBOutcome);
  });

  it('a member who asked to join site A reads its month once the request is confirmed, and only then', async () => {
    const member = await app.newPendingMember(admin, networkId, 'FAMILY_MEMBER', siteA);
    expect(outcomeOf(await read(member.client, siteA))).toBe('FORBIDDEN');

    await app.confirmSiteRequest(members.SITE_LEAD, member.requestId);

    expect(outcomeOf(await read(member.client, siteA))).toBe('ok');
    expect(outcomeOf(await read(member.client, siteB))).toBe('FORBIDDEN');
  });

  describe("site A's own data, by how a patient partner, family member or researcher stands with site A", () => {
    const SITE_CHART = `query($measureId: ID!, $siteId: ID!) { measureCharts(measureId: $measureId) { site(siteId: $siteId) { fullyVisible } } }`;
    const SITE_THREAD = `query($siteId: ID!) { thread(subjectType: SITE, subjectId: $siteId) { id } }`;
    //                      A's month form | A in full on the charts | A's thread
    const table: Record<SiteStanding, [Outcome, boolean, Outcome]> = {
      CONFIRMED: ['ok', true, 'ok'],
      // Asked to join A, not answered yet: exactly as an outsider.
      PENDING: ['FORBIDDEN', false, 'FORBIDDEN'],
      OUTSIDER: ['FORBIDDEN', false, 'FORBIDDEN'],
    };
    const roles = ['PATIENT_PARTNER', 'FAMILY_MEMBER', 'RESEARCHER'] as const;
    const standOf = (role: Role, standing: SiteStanding) =>
      standing === 'CONFIRMED'
        ? app.newMember(admin, networkId, role, siteA)
        : standing === 'PENDING'
          ? app.newPendingMember(admin, networkId, role, siteA)
          : app.newMember(admin, networkId, role, siteB);

    it.each(SITE_STANDINGS.flatMap((standing) => roles.map((role) => [role, standing, ...table[standing]] as const)))(
      'a %s %s: month form %s, charts in full %s, thread %s',
      async (role, standing, form, fullyVisible, thread) => {
        const member = await standOf(role, standing);

        expect(outcomeOf(await read(member.client, siteA))).toBe(form);
        expect((await member.client.ok(SITE_CHART, { measureId, siteId: siteA })).measureCharts.site.fullyVisible).toBe(
          fullyVisible,
        );
        expect(outcomeOf(await member.client.gql(SITE_THREAD, { siteId: siteA }))).toBe(thread);
      },
    );
  });

  it("a clinician of site A cannot write site B's month, even through a CSV import", async () => {
    const csv = `site,measure,month,numerator,denominator,value\nsite-1,${(await admin.client.ok(MEASURES, { networkId })).measures[0].key},${monthsAgo(3)},1,2,\n`;
    const result = await members.CLINICIAN.client.ok(
      PREVIEW.replace('{ valid }', '{ valid problems { line column message } }'),
      { networkId, csv },
    );
    expect(result.previewMeasureImport).toEqual({
      valid: false,
      problems: [{ line: 2, column: 'site', message: 'you may not report for Site B' }],
    });
    expect(
      outcomeOf(
        await members.CLINICIAN.client.gql(
          `mutation($networkId: ID!, $csv: String!) { commitMeasureImport(networkId: $networkId, csv: $csv) { rows } }`,
          { networkId, csv },
        ),
      ),
    ).toBe('BAD_USER_INPUT');
  });

  it.each(['NON_MEMBER', 'SIGNED_OUT'] as const)("%s can read nothing of the network's measures", async (who) => {
    const expected = who === 'NON_MEMBER' ? 'NOT_FOUND' : 'UNAUTHENTICATED';
    const client = clientOf(who);
    expect(outcomeOf(await client.gql(MEASURES, { networkId }))).toBe(expected);
    expect(outcomeOf(await client.gql(CHARTS, { measureId }))).toBe(expected);
    expect(outcomeOf(await client.gql(COMPLETENESS, { networkId }))).toBe(expected);
    expect(outcomeOf(await client.gql(PREVIEW, { networkId, csv: 'site\n' }))).toBe(expected);
    expect(outcomeOf(await client.gql(`query($n: ID!) { aim(networkId: $n) { id } }`, { n: networkId }))).toBe(
      expected,
    );
    expect(outcomeOf(await client.gql(`query($n: ID!) { drivers(networkId: $n) { id } }`, { n: networkId }))).toBe(
      expected,
    );
  });

  describe("the network's shared frame is edited by admins only", () => {
    const aimInput = {
      statement: 'Remission to 80%',
      baselineValue: 0.62,
      baselineFrom: '2024-01',
      baselineTo: '2024-06',
      targetValue: 0.8,
      dueDate: '2027-12-31',
    };
    const nonAdmins: (Role | 'RESEARCHER_WITHOUT_SITE')[] = [
      'SITE_LEAD',
      'CLINICIAN',
      'PATIENT_PARTNER',
      'FAMILY_MEMBER',
      'RESEARCHER',
      'RESEARCHER_WITHOUT_SITE',
    ];

    it.each(nonAdmins)('%s may not create or update a measure, set the aim or add a driver', async (who) => {
      const client = clientOf(who);
      expect(outcomeOf(await client.gql(CREATE_MEASURE, { networkId, input: measureInput('COUNT') }))).toBe(
        'FORBIDDEN',
      );
      expect(outcomeOf(await client.gql(UPDATE_MEASURE, { measureId, input: measureInput('PROPORTION') }))).toBe(
        'FORBIDDEN',
      );
      expect(outcomeOf(await client.gql(UPDATE_AIM, { networkId, input: aimInput }))).toBe('FORBIDDEN');
      expect(outcomeOf(await client.gql(CREATE_DRIVER, { networkId, input: { title: 'A driver' } }))).toBe('FORBIDDEN');
    });

    it('an outsider gets NOT_FOUND for all of them', async () => {
      const client = clientOf('NON_MEMBER');
      expect(outcomeOf(await client.gql(CREATE_MEASURE, { networkId, input: measureInput('COUNT') }))).toBe(
        'NOT_FOUND',
      );
      expect(outcomeOf(await client.gql(UPDATE_MEASURE, { measureId, input: measureInput('PROPORTION') }))).toBe(
        'NOT_FOUND',
      );
      expect(outcomeOf(await client.gql(UPDATE_AIM, { networkId, input: aimInput }))).toBe('NOT_FOUND');
      expect(outcomeOf(await client.gql(CREATE_DRIVER, { networkId, input: { title: 'A driver' } }))).toBe('NOT_FOUND');
    });

    it('the network admin may do all of them', async () => {
      expect(outcomeOf(await admin.client.gql(CREATE_MEASURE, { networkId, input: measureInput('COUNT') }))).toBe('ok');
      expect(outcomeOf(await admin.client.gql(UPDATE_AIM, { networkId, input: aimInput }))).toBe('ok');
      expect(outcomeOf(await admin.client.gql(CREATE_DRIVER, { networkId, input: { title: 'A driver' } }))).toBe('ok');
    });
  });

  describe('measure definitions', () => {
    it('an admin defines a measure and changes its wording, appended at the end of the order', async () => {
      const before = (await admin.client.ok(MEASURES, { networkId })).measures.length;
      const input = measureInput('RATE', {
        key: 'admissions',
        name: 'Unplanned admissions',
        target: 0.02,
        numeratorDefinition: 'Unplanned admissions',
      });
      const created = (await admin.client.ok(CREATE_MEASURE, { networkId, input })).createMeasure;
      expect(created).toMatchObject({
        key: 'admissions',
        name: 'Unplanned admissions',
        kind: 'RATE',
        direction: 'DOWN',
        target: 0.02,
        defaultChart: 'U',
        position: before,
      });
      const updated = (
        await admin.client.ok(UPDATE_MEASURE, {
          measureId: created.id,
          input: { ...input, name: 'Unplanned IBD admissions', defaultChart: 'RUN' },
        })
      ).updateMeasure;
      expect(updated).toMatchObject({
        id: created.id,
        name: 'Unplanned IBD admissions',
        defaultChart: 'RUN',
        kind: 'RATE',
      });
      expect(
        (await members.PATIENT_PARTNER.client.ok(MEASURES, { networkId })).measures.map((m: any) => m.key),
      ).toContain('admissions');
    });

    it('the kind of a measure cannot change once defined (CONFLICT on input.kind)', async () => {
      const measure = await newMeasure(admin, networkId, 'PROPORTION');
      const result = await admin.client.gql(UPDATE_MEASURE, {
        measureId: measure.id,
        input: measureInput('COUNT', { key: measure.key }),
      });
      expect(errorOf(result)).toEqual({ code: 'CONFLICT', field: 'input.kind' });
      expect((await app.prisma.measure.findUniqueOrThrow({ where: { id: measure.id } })).kind).toBe('PROPORTION');
    });

    it('keys are unique in a network (CONFLICT on input.key) and well formed (BAD_USER_INPUT on input.key)', async () => {
      const measure = await newMeasure(admin, networkId, 'COUNT');
      expect(
        errorOf(
          await admin.client.gql(CREATE_MEASURE, { networkId, input: measureInput('COUNT', { key: measure.key }) }),
        ),
      ).toEqual({ code: 'CONFLICT', field: 'input.key' });
      const other = await newMeasure(admin, networkId, 'COUNT');
      expect(
        errorOf(
          await admin.client.gql(UPDATE_MEASURE, {
            measureId: other.id,
            input: measureInput('COUNT', { key: measure.key }),
          }),
        ),
      ).toEqual({ code: 'CONFLICT', field: 'input.key' });
      expect(
        errorOf(
          await admin.client.gql(CREATE_MEASURE, { networkId, input: measureInput('COUNT', { key: 'Has Spaces' }) }),
        ),
      ).toEqual({ code: 'BAD_USER_INPUT', field: 'input.key' });
      expect(
        errorOf(await admin.client.gql(CREATE_MEASURE, { networkId, input: measureInput('COUNT', { name: '  ' }) })),
      ).toEqual({ code: 'BAD_USER_INPUT', field: 'input.name' });
      // Another network may use the same key.
      const elsewhere = await app.newNetwork(1);
      expect(
        outcomeOf(
          await elsewhere.admin.client.gql(CREATE_MEASURE, {
            networkId: elsewhere.network.id,
            input: measureInput('COUNT', { key: measure.key }),
          }),
        ),
      ).toBe('ok');
    });

    it("an admin of another network cannot update this network's measure", async () => {
      expect(
        outcomeOf(await outsider.client.gql(UPDATE_MEASURE, { measureId, input: measureInput('PROPORTION') })),
      ).toBe('NOT_FOUND');
      expect(
        errorOf(
          await admin.client.gql(UPDATE_MEASURE, {
            measureId: '00000000-0000-4000-8000-000000000000',
            input: measureInput('PROPORTION'),
          }),
        ),
      ).toEqual({ code: 'NOT_FOUND', field: undefined });
    });
  });
});
