import type { Role } from '@commons/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf } from '../test-support/graphql-client';
import { importReports, monthsAgo, newMeasure, type TestMeasure } from '../test-support/measures';
import { TestApp, type TestMember } from '../test-support/test-app';

const AIM = `query($networkId: ID!) {
  aim(networkId: $networkId) {
    id statement baselineValue baselineFrom baselineTo targetValue dueDate
    outcomeMeasure { id key }
    current { site { id } value fromMonth toMonth suppressed }
    sites { site { id } value fromMonth toMonth suppressed }
  }
}`;
const UPDATE_AIM = `mutation($networkId: ID!, $input: AimInput!) {
  updateAim(networkId: $networkId, input: $input) { id statement targetValue dueDate outcomeMeasure { id } current { value } }
}`;
const DRIVERS = `query($networkId: ID!) { drivers(networkId: $networkId) { id parentId kind title description position } }`;
const CREATE_DRIVER = `mutation($networkId: ID!, $input: DriverInput!) { createDriver(networkId: $networkId, input: $input) { id parentId kind title description position } }`;
const UPDATE_DRIVER = `mutation($driverId: ID!, $input: DriverInput!) { updateDriver(driverId: $driverId, input: $input) { id parentId kind title description position } }`;
const DELETE_DRIVER = `mutation($driverId: ID!) { deleteDriver(driverId: $driverId) }`;

const ratio = (pairs: [number, number][]) => pairs.reduce((s, [n]) => s + n, 0) / pairs.reduce((s, [, d]) => s + d, 0);

describe('the shared aim and its driver diagram', () => {
  let app: TestApp;
  let networkId: string;
  let sites: { id: string }[];
  let admin: TestMember;
  let lead: TestMember;
  let measure: TestMeasure;
  const members = {} as Record<Exclude<Role, 'NETWORK_ADMIN'>, TestMember>;
  const window = [monthsAgo(3), monthsAgo(2), monthsAgo(1)];

  // Site A (the members' own), B reports a small month, C and D report large numbers.
  const A: [number, number][] = [
    [40, 50],
    [41, 50],
    [42, 50],
  ];
  const B: [number, number][] = [
    [30, 40],
    [31, 40],
    [3, 7],
  ];
  const C: [number, number][] = [
    [200, 300],
    [210, 300],
    [220, 300],
  ];
  const D: [number, number][] = [
    [500, 600],
    [510, 600],
    [520, 600],
  ];

  const aimInput = (overrides: Record<string, unknown> = {}) => ({
    statement: 'Within three years, 80% of children with IBD in our network will be in steroid-free remission.',
    outcomeMeasureId: measure.id,
    baselineValue: 0.62,
    baselineFrom: '2024-01',
    baselineTo: '2024-06',
    targetValue: 0.8,
    dueDate: '2027-12-31',
    ...overrides,
  });

  beforeAll(async () => {
    app = await TestApp.start();
    const made = await app.newNetwork(4);
    ({ admin, sites } = made);
    networkId = made.network.id;
    measure = await newMeasure(admin, networkId, 'PROPORTION');
    const roles = ['SITE_LEAD', 'CLINICIAN', 'PATIENT_PARTNER', 'FAMILY_MEMBER', 'RESEARCHER'] as const;
    const made2 = await Promise.all(
      roles.map((role) => app.newMember(admin, networkId, role, role === 'RESEARCHER' ? null : sites[0].id)),
    );
    roles.forEach((role, i) => (members[role] = made2[i]));
    lead = members.SITE_LEAD;
    await importReports(
      admin,
      networkId,
      [A, B, C, D].flatMap((series, site) =>
        series.map(([numerator, denominator], i) => ({
          site: `site-${site}`,
          measure: measure.key,
          month: window[i],
          numerator,
          denominator,
        })),
      ),
    );
    // An older month outside the three-month window.
    await importReports(admin, networkId, [
      { site: 'site-0', measure: measure.key, month: monthsAgo(6), numerator: 1, denominator: 50 },
    ]);
  });

  afterAll(() => app?.stop());

  describe('the aim', () => {
    it('is null until an admin sets it', async () => {
      expect((await lead.client.ok(AIM, { networkId })).aim).toBeNull();
    });

    it.each([
      [{ statement: '  ' }, 'input.statement'],
      [{ statement: 'x'.repeat(501) }, 'input.statement'],
      [{ baselineFrom: '2024-13' }, 'input.baselineFrom'],
      [{ baselineTo: 'June' }, 'input.baselineTo'],
      [{ baselineFrom: '2024-06', baselineTo: '2024-01' }, 'input.baselineTo'],
      [{ dueDate: 'next year' }, 'input.dueDate'],
      [{ dueDate: '2027-02-30' }, 'input.dueDate'],
      [{ outcomeMeasureId: 'remission' }, 'input.outcomeMeasureId'],
    ])('%o is refused with BAD_USER_INPUT on %s', async (overrides, field) => {
      const result = await admin.client.gql(UPDATE_AIM, { networkId, input: aimInput(overrides) });
      expect(errorOf(result)).toEqual({ code: 'BAD_USER_INPUT', field });
      expect(await app.prisma.aim.count({ where: { networkId } })).toBe(0);
    });

    it('refuses an outcome measure of another network', async () => {
      const other = await app.newNetwork(1);
      const foreign = await newMeasure(other.admin, other.network.id, 'PROPORTION');
      const result = await admin.client.gql(UPDATE_AIM, {
        networkId,
        input: aimInput({ outcomeMeasureId: foreign.id }),
      });
      expect(errorOf(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.outcomeMeasureId' });
    });

    it("an admin sets it; every member sees it with the network's current value from the latest three months", async () => {
      const set = (await admin.client.ok(UPDATE_AIM, { networkId, input: aimInput() })).updateAim;
      expect(set).toMatchObject({ targetValue: 0.8, dueDate: '2027-12-31', outcomeMeasure: { id: measure.id } });
      const networkValue = ratio([...A, ...B, ...C, ...D]);
      expect(set.current.value).toBeCloseTo(networkValue, 12);
      for (const member of Object.values(members)) {
        const { aim } = await member.client.ok(AIM, { networkId });
        expect(aim).toMatchObject({
          statement: aimInput().statement,
          baselineValue: 0.62,
          baselineFrom: '2024-01',
          baselineTo: '2024-06',
          targetValue: 0.8,
          outcomeMeasure: { id: measure.id, key: measure.key },
          current: { site: null, fromMonth: window[0], toMonth: window[2], suppressed: false },
        });
        // The network value is pooled from every site's unsuppressed numbers, small ones included.
        expect(aim.current.value).toBeCloseTo(networkValue, 12);
      }
    });

    it("shows each site's progress; another site's small numbers are withheld from members, not from admins", async () => {
      const bySite = (aim: any) =>
        aim.sites.map((s: any) => [s.site.id, s.suppressed, s.value === null ? null : Number(s.value.toFixed(12))]);
      const clinicianView = (await members.CLINICIAN.client.ok(AIM, { networkId })).aim;
      expect(clinicianView.sites.map((s: any) => s.site.id)).toEqual(sites.map((s) => s.id));
      const own = clinicianView.sites[0];
      expect(own).toMatchObject({ suppressed: false, fromMonth: window[0], toMonth: window[2] });
      expect(own.value).toBeCloseTo(ratio(A), 12);
      expect(clinicianView.sites[1]).toMatchObject({ suppressed: true, value: null });
      expect(clinicianView.sites[3].value).toBeCloseTo(ratio(D), 12);
      expect(JSON.stringify(clinicianView)).not.toContain(String(ratio(B)).slice(0, 8));

      const adminView = (await admin.client.ok(AIM, { networkId })).aim;
      expect(bySite(adminView)).toEqual([
        [sites[0].id, false, Number(ratio(A).toFixed(12))],
        [sites[1].id, false, Number(ratio(B).toFixed(12))],
        [sites[2].id, false, Number(ratio(C).toFixed(12))],
        [sites[3].id, false, Number(ratio(D).toFixed(12))],
      ]);
    });

    it('an admin changes it; the change replaces the aim', async () => {
      await admin.client.ok(UPDATE_AIM, { networkId, input: aimInput({ targetValue: 0.85, outcomeMeasureId: null }) });
      const { aim } = await members.PATIENT_PARTNER.client.ok(AIM, { networkId });
      expect(aim).toMatchObject({
        targetValue: 0.85,
        outcomeMeasure: null,
        current: { value: null, suppressed: false },
        sites: [],
      });
      expect(await app.prisma.aim.count({ where: { networkId } })).toBe(1);
      await admin.client.ok(UPDATE_AIM, { networkId, input: aimInput() });
    });

    it('only admins may change it', async () => {
      for (const member of Object.values(members)) {
        expect(
          errorOf(await member.client.gql(UPDATE_AIM, { networkId, input: aimInput({ targetValue: 0.5 }) })).code,
        ).toBe('FORBIDDEN');
      }
      expect((await lead.client.ok(AIM, { networkId })).aim.targetValue).toBe(0.8);
    });
  });

  describe('the driver diagram', () => {
    it('an admin builds primary drivers with secondary drivers under them; every member reads it', async () => {
      const create = async (input: Record<string, unknown>) =>
        (await admin.client.ok(CREATE_DRIVER, { networkId, input })).createDriver;
      const reliable = await create({
        title: 'Reliable care at every visit',
        description: 'The right assessment at the right time.',
      });
      const families = await create({ title: 'Activated families' });
      const huddles = await create({ parentId: reliable.id, title: 'Pre-visit planning huddles' });
      const levels = await create({ parentId: reliable.id, title: 'Drug levels for biologics' });
      expect(reliable).toMatchObject({
        kind: 'PRIMARY',
        parentId: null,
        position: 0,
        description: 'The right assessment at the right time.',
      });
      expect(families).toMatchObject({ kind: 'PRIMARY', parentId: null, position: 1, description: '' });
      expect(huddles).toMatchObject({ kind: 'SECONDARY', parentId: reliable.id, position: 0 });
      expect(levels).toMatchObject({ kind: 'SECONDARY', parentId: reliable.id, position: 1 });
      const { drivers } = await members.PATIENT_PARTNER.client.ok(DRIVERS, { networkId });
      expect(drivers.map((d: any) => d.title)).toEqual(
        expect.arrayContaining([
          'Reliable care at every visit',
          'Activated families',
          'Pre-visit planning huddles',
          'Drug levels for biologics',
        ]),
      );
      expect(drivers).toHaveLength(4);
    });

    it('a secondary driver cannot have secondary drivers (BAD_USER_INPUT on input.parentId)', async () => {
      const primary = (await admin.client.ok(CREATE_DRIVER, { networkId, input: { title: 'Population management' } }))
        .createDriver;
      const secondary = (
        await admin.client.ok(CREATE_DRIVER, {
          networkId,
          input: { parentId: primary.id, title: 'Registry reviewed monthly' },
        })
      ).createDriver;
      const before = await app.prisma.driver.count({ where: { networkId } });
      const result = await admin.client.gql(CREATE_DRIVER, {
        networkId,
        input: { parentId: secondary.id, title: 'Too deep' },
      });
      expect(errorOf(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.parentId' });
      expect(result.errors![0].message).toMatch(/primary driver/);
      expect(await app.prisma.driver.count({ where: { networkId } })).toBe(before);
    });

    it('validates each field by name', async () => {
      const other = await app.newNetwork(1);
      const foreign = (
        await other.admin.client.ok(CREATE_DRIVER, { networkId: other.network.id, input: { title: 'Elsewhere' } })
      ).createDriver;
      const cases: [Record<string, unknown>, string][] = [
        [{ title: '  ' }, 'input.title'],
        [{ title: 'x'.repeat(201) }, 'input.title'],
        [{ title: 'Fine', description: 'x'.repeat(2001) }, 'input.description'],
        [{ title: 'Fine', position: -1 }, 'input.position'],
        [{ title: 'Fine', parentId: foreign.id }, 'input.parentId'],
        [{ title: 'Fine', parentId: 'a driver' }, 'input.parentId'],
      ];
      for (const [input, field] of cases) {
        expect(errorOf(await admin.client.gql(CREATE_DRIVER, { networkId, input }))).toEqual({
          code: 'BAD_USER_INPUT',
          field,
        });
      }
    });

    it('an admin renames and reorders a driver; its place in the tree stays', async () => {
      const primary = (await admin.client.ok(CREATE_DRIVER, { networkId, input: { title: 'Access' } })).createDriver;
      const secondary = (
        await admin.client.ok(CREATE_DRIVER, { networkId, input: { parentId: primary.id, title: 'Flare clinic' } })
      ).createDriver;
      // parentId is ignored on update: a driver does not move between levels.
      const updated = (
        await admin.client.ok(UPDATE_DRIVER, {
          driverId: secondary.id,
          input: {
            parentId: null,
            title: 'Rapid-access flare clinic',
            description: 'Seen within 48 hours',
            position: 5,
          },
        })
      ).updateDriver;
      expect(updated).toMatchObject({
        id: secondary.id,
        parentId: primary.id,
        kind: 'SECONDARY',
        title: 'Rapid-access flare clinic',
        description: 'Seen within 48 hours',
        position: 5,
      });
    });

    it('deleting a primary driver deletes its secondary drivers', async () => {
      const primary = (await admin.client.ok(CREATE_DRIVER, { networkId, input: { title: 'To be removed' } }))
        .createDriver;
      const children = await Promise.all(
        ['One', 'Two'].map(
          async (title) =>
            (await admin.client.ok(CREATE_DRIVER, { networkId, input: { parentId: primary.id, title } })).createDriver,
        ),
      );
      expect((await admin.client.ok(DELETE_DRIVER, { driverId: primary.id })).deleteDriver).toBe(true);
      const ids = (await lead.client.ok(DRIVERS, { networkId })).drivers.map((d: any) => d.id);
      for (const id of [primary.id, ...children.map((c) => c.id)]) expect(ids).not.toContain(id);
      expect(errorOf(await admin.client.gql(DELETE_DRIVER, { driverId: primary.id }))).toEqual({
        code: 'NOT_FOUND',
        field: undefined,
      });
    });

    it('only admins of the network change it', async () => {
      const driver = (await admin.client.ok(CREATE_DRIVER, { networkId, input: { title: 'Guarded' } })).createDriver;
      for (const member of Object.values(members)) {
        expect(errorOf(await member.client.gql(CREATE_DRIVER, { networkId, input: { title: 'Mine' } })).code).toBe(
          'FORBIDDEN',
        );
        expect(
          errorOf(await member.client.gql(UPDATE_DRIVER, { driverId: driver.id, input: { title: 'Mine' } })).code,
        ).toBe('FORBIDDEN');
        expect(errorOf(await member.client.gql(DELETE_DRIVER, { driverId: driver.id })).code).toBe('FORBIDDEN');
      }
      const outsider = (await app.newNetwork(1)).admin;
      expect(errorOf(await outsider.client.gql(DELETE_DRIVER, { driverId: driver.id })).code).toBe('NOT_FOUND');
      expect(errorOf(await outsider.client.gql(DRIVERS, { networkId })).code).toBe('NOT_FOUND');
      expect((await lead.client.ok(DRIVERS, { networkId })).drivers.map((d: any) => d.id)).toContain(driver.id);
    });
  });
});
