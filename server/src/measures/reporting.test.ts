import { reportSubmissionOpensAt } from '@commons/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf } from '../test-support/graphql-client';
import { type EntryInput, MONTH_REPORT, monthsAgo, newMeasureSet, saveMonth } from '../test-support/measures';
import { TestApp, type TestMember } from '../test-support/test-app';

describe('monthly reporting', () => {
  let app: TestApp;
  let networkId: string;
  let siteA: string;
  let siteB: string;
  let admin: TestMember;
  let lead: TestMember;
  let teammate: TestMember;
  let measures: Awaited<ReturnType<typeof newMeasureSet>>;

  /** A complete, valid month: one entry per measure, in the network's order. */
  const fullMonth = (n = 30): EntryInput[] => [
    { measureId: measures.proportion.id, numerator: n, denominator: 40 },
    { measureId: measures.rate.id, numerator: 3, denominator: 1200 },
    { measureId: measures.mean.id, value: 12.5, denominator: 8 },
    { measureId: measures.count.id, value: 4 },
  ];
  const load = async (member: TestMember, month: string, siteId = siteA) =>
    (await member.client.ok(MONTH_REPORT, { networkId, siteId, month })).monthReport;
  const entryOf = (report: any, measureId: string) => report.entries.find((e: any) => e.measure.id === measureId);
  const storedCounts = async () => ({
    reports: await app.prisma.measureReport.count({ where: { networkId } }),
    revisions: await app.prisma.measureReportRevision.count({ where: { report: { networkId } } }),
  });

  beforeAll(async () => {
    app = await TestApp.start();
    const made = await app.newNetwork(2);
    ({ admin } = made);
    networkId = made.network.id;
    siteA = made.sites[0].id;
    siteB = made.sites[1].id;
    measures = await newMeasureSet(admin, networkId);
    lead = await app.newMember(admin, networkId, 'SITE_LEAD', siteA, 'Lena Lead');
    teammate = await app.newMember(admin, networkId, 'CLINICIAN', siteA, 'Tom Teammate');
  });

  afterAll(() => app?.stop());

  describe('submitting a month', () => {
    it('a site lead submits a month for all measures in one save; each report starts its history', async () => {
      const month = monthsAgo(2);
      const result = await saveMonth(lead, { networkId, siteId: siteA, month, submit: true, entries: fullMonth() });
      expect(result.errors).toBeUndefined();
      const report = result.data.saveMonthReport;
      expect(report.site.id).toBe(siteA);
      expect(report.month).toBe(month);
      expect(report.entries.map((e: any) => e.measure.id)).toEqual(measures.all.map((m) => m.id));
      expect(report.entries.map((e: any) => [e.status, e.version, e.updatedByName])).toEqual(
        measures.all.map(() => ['SUBMITTED', 1, 'Lena Lead']),
      );
      expect(entryOf(report, measures.proportion.id)).toMatchObject({ numerator: 30, denominator: 40, value: null });
      expect(entryOf(report, measures.mean.id)).toMatchObject({ numerator: null, denominator: 8, value: 12.5 });
      expect(entryOf(report, measures.count.id)).toMatchObject({ numerator: null, denominator: null, value: 4 });
      expect(entryOf(report, measures.rate.id).history).toEqual([
        expect.objectContaining({
          version: 1,
          numerator: 3,
          denominator: 1200,
          status: 'SUBMITTED',
          reason: null,
          changedByName: 'Lena Lead',
        }),
      ]);
      // The form reads back what was saved.
      expect((await load(teammate, month)).entries).toEqual(report.entries);
    });

    it('a draft may be incomplete; submitting it later needs no reason and keeps both revisions', async () => {
      const month = monthsAgo(3);
      const draft = await saveMonth(lead, {
        networkId,
        siteId: siteA,
        month,
        submit: false,
        entries: [
          { measureId: measures.proportion.id, numerator: 12, denominator: null },
          { measureId: measures.count.id, value: 2 },
        ],
      });
      expect(draft.errors).toBeUndefined();
      const saved = draft.data.saveMonthReport;
      expect(entryOf(saved, measures.proportion.id)).toMatchObject({
        status: 'DRAFT',
        version: 1,
        numerator: 12,
        denominator: null,
      });
      expect(entryOf(saved, measures.count.id)).toMatchObject({ status: 'DRAFT', version: 1, value: 2 });
      expect(entryOf(saved, measures.rate.id)).toMatchObject({ status: null, version: 0, reportId: null, history: [] });

      const versions = Object.fromEntries(saved.entries.map((e: any) => [e.measure.id, e.version]));
      const submitted = await saveMonth(teammate, {
        networkId,
        siteId: siteA,
        month,
        submit: true,
        entries: fullMonth(13).map((e) => ({ ...e, expectedVersion: versions[e.measureId] })),
      });
      expect(submitted.errors).toBeUndefined();
      const after = submitted.data.saveMonthReport;
      expect(after.entries.every((e: any) => e.status === 'SUBMITTED')).toBe(true);
      expect(entryOf(after, measures.proportion.id)).toMatchObject({
        numerator: 13,
        denominator: 40,
        version: 2,
        updatedByName: 'Tom Teammate',
      });
      expect(
        entryOf(after, measures.proportion.id).history.map((h: any) => [
          h.version,
          h.status,
          h.numerator,
          h.denominator,
          h.changedByName,
        ]),
      ).toEqual([
        [2, 'SUBMITTED', 13, 40, 'Tom Teammate'],
        [1, 'DRAFT', 12, null, 'Lena Lead'],
      ]);
      // Saving the count unchanged but submitted is a status change only.
      expect(entryOf(after, measures.count.id)).toMatchObject({ version: 2, status: 'SUBMITTED', value: 4 });
      expect(entryOf(after, measures.rate.id)).toMatchObject({ version: 1, status: 'SUBMITTED' });
    });

    it('saving the same numbers again writes no new revision', async () => {
      const month = monthsAgo(4);
      await saveMonth(lead, { networkId, siteId: siteA, month, submit: true, entries: fullMonth() });
      const before = await storedCounts();
      const again = await saveMonth(lead, {
        networkId,
        siteId: siteA,
        month,
        submit: true,
        entries: fullMonth().map((e) => ({ ...e, expectedVersion: 1 })),
      });
      expect(again.errors).toBeUndefined();
      expect(again.data.saveMonthReport.entries.map((e: any) => e.version)).toEqual([1, 1, 1, 1]);
      expect(await storedCounts()).toEqual(before);
    });
  });

  describe('validation', () => {
    const month = () => monthsAgo(5);
    const invalidCases: [string, () => { month?: string; submit?: boolean; entries: EntryInput[] }, string, RegExp][] =
      [
        [
          'numerator above denominator',
          () => ({ entries: fullMonth(41) }),
          'input.entries.0.numerator',
          /more than the denominator/,
        ],
        [
          'a negative count',
          () => ({ entries: fullMonth().map((e, i) => (i === 1 ? { ...e, numerator: -1 } : e)) }),
          'input.entries.1.numerator',
          /whole number, 0 or more/,
        ],
        [
          'a count that is not a whole number',
          () => ({ entries: fullMonth().map((e, i) => (i === 3 ? { ...e, value: 2.5 } : e)) }),
          'input.entries.3.value',
          /whole number/,
        ],
        [
          'a value a count measure does not use',
          () => ({ entries: fullMonth().map((e, i) => (i === 3 ? { ...e, numerator: 1 } : e)) }),
          'input.entries.3.numerator',
          /not used by a count measure/,
        ],
        [
          'a mean without its count of patients',
          () => ({ entries: fullMonth().map((e, i) => (i === 2 ? { ...e, denominator: null } : e)) }),
          'input.entries.2.denominator',
          /required/,
        ],
        ['a future month', () => ({ month: monthsAgo(-1), entries: fullMonth() }), 'input.month', /future/],
        [
          'a month before the network started',
          () => ({ month: '2023-12', entries: fullMonth() }),
          'input.month',
          /before the network started \(2024-01\)/,
        ],
        [
          'a month that is not a month',
          () => ({ month: '2025-13', entries: fullMonth() }),
          'input.month',
          /month like/,
        ],
        [
          'a submitted month missing a measure',
          () => ({ entries: fullMonth().slice(0, 3) }),
          'input.entries',
          /must include/,
        ],
        [
          'a measure twice',
          () => ({ entries: [...fullMonth(), fullMonth()[0]] }),
          'input.entries.4.measureId',
          /must not list the same one twice/,
        ],
        [
          'a measure of another network',
          () => ({ entries: [...fullMonth(), { measureId: '00000000-0000-4000-8000-000000000000', value: 1 }] }),
          'input.entries.4.measureId',
          /not a measure of this network/,
        ],
      ];

    it.each(invalidCases)(
      '%s is refused with BAD_USER_INPUT naming the field, and nothing is written',
      async (_name, make, field, message) => {
        const before = await storedCounts();
        const input = make();
        const result = await saveMonth(lead, {
          networkId,
          siteId: siteA,
          month: input.month ?? month(),
          submit: input.submit ?? true,
          entries: input.entries,
        });
        expect(errorOf(result)).toEqual({ code: 'BAD_USER_INPUT', field });
        expect(result.errors![0].message).toMatch(message);
        expect(await storedCounts()).toEqual(before);
      },
    );

    it('lists every problem of the form, not just the first', async () => {
      const entries = fullMonth(41).map((e, i) =>
        i === 1 ? { ...e, denominator: -5 } : i === 3 ? { ...e, value: 0.5 } : e,
      );
      const result = await saveMonth(lead, { networkId, siteId: siteA, month: month(), submit: true, entries });
      expect(errorOf(result).code).toBe('BAD_USER_INPUT');
      const issues = result.errors![0].extensions!.issues as { field: string }[];
      expect(issues.map((i) => i.field)).toEqual([
        'input.entries.0.numerator',
        'input.entries.1.denominator',
        'input.entries.3.value',
      ]);
    });

    it('a draft may leave numbers out but may not hold wrong ones', async () => {
      const result = await saveMonth(lead, {
        networkId,
        siteId: siteA,
        month: month(),
        submit: false,
        entries: [{ measureId: measures.proportion.id, numerator: 50, denominator: 40 }],
      });
      expect(errorOf(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.entries.0.numerator' });
    });

    it('a site of another network, and a malformed site id, are named', async () => {
      const other = await app.newNetwork(1);
      const result = await saveMonth(admin, {
        networkId,
        siteId: other.sites[0].id,
        month: month(),
        submit: true,
        entries: fullMonth(),
      });
      expect(errorOf(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.siteId' });
      const malformed = await saveMonth(admin, {
        networkId,
        siteId: 'site-a',
        month: month(),
        submit: true,
        entries: fullMonth(),
      });
      expect(errorOf(malformed)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.siteId' });
    });

    // Known platform bug (reported to the lead): the cost-limit plugin coerces variables first and
    // rethrows graphql's coercion error without a code, so it reaches the client as
    // INTERNAL_SERVER_ERROR. Remove `.fails` once platform/graphql/limits.plugin.ts maps it.
    it('a numerator that is not an integer is refused by the schema before it reaches the service', async () => {
      const result = await saveMonth(lead, {
        networkId,
        siteId: siteA,
        month: month(),
        submit: true,
        entries: fullMonth().map((e, i) => (i === 0 ? { ...e, numerator: 2.5 } : e)),
      });
      expect(errorOf(result).code).toBe('BAD_USER_INPUT');
      expect(result.errors![0].message).toMatch(/numerator.*Int cannot represent non-integer value: 2\.5/);
    });
  });

  describe('a month opens for submission when it has ended', () => {
    const opensAt = async (month: string) =>
      (
        await lead.client.ok(
          `query($networkId: ID!, $siteId: ID!, $month: String!) { monthReport(networkId: $networkId, siteId: $siteId, month: $month) { submissionOpensAt } }`,
          {
            networkId,
            siteId: siteA,
            month,
          },
        )
      ).monthReport.submissionOpensAt;

    it('this month is refused with BAD_USER_INPUT on input.month, and nothing is written', async () => {
      const before = await storedCounts();
      const result = await saveMonth(lead, {
        networkId,
        siteId: siteA,
        month: monthsAgo(0),
        submit: true,
        entries: fullMonth(),
      });
      expect(errorOf(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.month' });
      expect(result.errors![0].message).toBe(
        `input.month can be submitted from ${monthsAgo(-1)}-01, once the month has ended`,
      );
      expect(await storedCounts()).toEqual(before);
    });

    it('a draft of this month may be saved at any time, and the form says when it opens', async () => {
      const draft = await saveMonth(lead, {
        networkId,
        siteId: siteA,
        month: monthsAgo(0),
        submit: false,
        entries: [{ measureId: measures.count.id, value: 3 }],
      });
      expect(draft.errors).toBeUndefined();
      expect(entryOf(draft.data.saveMonthReport, measures.count.id)).toMatchObject({ status: 'DRAFT', value: 3 });
      expect(await opensAt(monthsAgo(0))).toBe(`${monthsAgo(-1)}-01T00:00:00.000Z`);
    });

    it('a network grace opens it that many days before the month ends', async () => {
      await app.prisma.network.update({ where: { id: networkId }, data: { reportGraceDays: 27 } });
      try {
        const opens = reportSubmissionOpensAt(monthsAgo(0), 27);
        expect(await opensAt(monthsAgo(0))).toBe(opens.toISOString());
        const result = await saveMonth(admin, {
          networkId,
          siteId: siteB,
          month: monthsAgo(0),
          submit: true,
          entries: fullMonth(),
        });
        // 27 days before the end of this month: open or not depends on today's date, and the rule says which.
        if (Date.now() >= opens.getTime()) expect(result.errors).toBeUndefined();
        else expect(errorOf(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.month' });
      } finally {
        await app.prisma.network.update({ where: { id: networkId }, data: { reportGraceDays: 0 } });
      }
    });
  });

  describe('revising a submitted month', () => {
    it('needs a reason; with one, the history shows who changed what from what to what, when and why', async () => {
      const month = monthsAgo(6);
      const first = (await saveMonth(lead, { networkId, siteId: siteA, month, submit: true, entries: fullMonth(30) }))
        .data.saveMonthReport;
      const versions = Object.fromEntries(first.entries.map((e: any) => [e.measure.id, e.version]));
      const withVersions = (entries: EntryInput[]) =>
        entries.map((e) => ({ ...e, expectedVersion: versions[e.measureId] }));
      const before = await storedCounts();

      const noReason = await saveMonth(teammate, {
        networkId,
        siteId: siteA,
        month,
        submit: true,
        entries: withVersions(fullMonth(32)),
      });
      expect(errorOf(noReason)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.reason' });
      const blankReason = await saveMonth(teammate, {
        networkId,
        siteId: siteA,
        month,
        submit: true,
        reason: '   ',
        entries: withVersions(fullMonth(32)),
      });
      expect(errorOf(blankReason)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.reason' });
      const tooLong = await saveMonth(teammate, {
        networkId,
        siteId: siteA,
        month,
        submit: true,
        reason: 'x'.repeat(501),
        entries: withVersions(fullMonth(32)),
      });
      expect(errorOf(tooLong)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.reason' });
      const backToDraft = await saveMonth(teammate, {
        networkId,
        siteId: siteA,
        month,
        submit: false,
        reason: 'oops',
        entries: withVersions(fullMonth(32)),
      });
      expect(errorOf(backToDraft)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.submit' });
      expect(await storedCounts()).toEqual(before);

      const startedAt = Date.now();
      const revised = await saveMonth(teammate, {
        networkId,
        siteId: siteA,
        month,
        submit: true,
        reason: 'Two patients were missed in the first count',
        entries: withVersions(fullMonth(32)),
      });
      expect(revised.errors).toBeUndefined();
      const entry = entryOf(revised.data.saveMonthReport, measures.proportion.id);
      expect(entry).toMatchObject({
        numerator: 32,
        denominator: 40,
        version: 2,
        status: 'SUBMITTED',
        updatedByName: 'Tom Teammate',
      });
      expect(entry.history).toEqual([
        expect.objectContaining({
          version: 2,
          numerator: 32,
          denominator: 40,
          reason: 'Two patients were missed in the first count',
          changedByName: 'Tom Teammate',
        }),
        expect.objectContaining({
          version: 1,
          numerator: 30,
          denominator: 40,
          reason: null,
          changedByName: 'Lena Lead',
        }),
      ]);
      const [newest, oldest] = entry.history.map((h: any) => Date.parse(h.changedAt));
      expect(newest).toBeGreaterThanOrEqual(startedAt - 1000);
      expect(newest).toBeGreaterThanOrEqual(oldest);
      // Only the changed measure got a new revision.
      expect(await storedCounts()).toEqual({ reports: before.reports, revisions: before.revisions + 1 });
      expect(entryOf(revised.data.saveMonthReport, measures.rate.id).version).toBe(1);
    });
  });

  describe('two teammates editing the same month', () => {
    it("the second save, made on stale versions, gets CONFLICT with the first one's values, and none of its entries is written", async () => {
      const month = monthsAgo(7);
      await saveMonth(lead, { networkId, siteId: siteA, month, submit: true, entries: fullMonth(30) });
      // Both open the form.
      const leadForm = await load(lead, month);
      const teammateForm = await load(teammate, month);
      const versionsOf = (form: any) => Object.fromEntries(form.entries.map((e: any) => [e.measure.id, e.version]));

      // The lead changes the proportion only.
      const leadSave = await saveMonth(lead, {
        networkId,
        siteId: siteA,
        month,
        submit: true,
        reason: 'Recounted',
        entries: fullMonth(35).map((e) => ({ ...e, expectedVersion: versionsOf(leadForm)[e.measureId] })),
      });
      expect(leadSave.errors).toBeUndefined();
      const before = await storedCounts();
      const stored = await app.prisma.measureReport.findMany({
        where: { siteId: siteA, month },
        orderBy: { measureId: 'asc' },
      });

      // The teammate changes every measure; her rate, mean and count are still current, the proportion is not.
      const teammateEntries: EntryInput[] = [
        { measureId: measures.rate.id, numerator: 9, denominator: 1300 },
        { measureId: measures.mean.id, value: 20, denominator: 9 },
        { measureId: measures.count.id, value: 7 },
        { measureId: measures.proportion.id, numerator: 31, denominator: 41 },
      ].map((e) => ({ ...e, expectedVersion: versionsOf(teammateForm)[e.measureId] }));
      const stale = await saveMonth(teammate, {
        networkId,
        siteId: siteA,
        month,
        submit: true,
        reason: 'My corrections',
        entries: teammateEntries,
      });
      expect(errorOf(stale)).toEqual({ code: 'CONFLICT', field: 'input.entries' });
      expect(stale.errors![0].extensions!.current).toEqual([
        {
          measureId: measures.proportion.id,
          numerator: 35,
          denominator: 40,
          value: null,
          status: 'SUBMITTED',
          version: 2,
          updatedByName: 'Lena Lead',
          updatedAt: expect.any(String),
        },
      ]);
      // All or nothing: the rate, mean and count the teammate sent first were not written either.
      expect(await storedCounts()).toEqual(before);
      expect(
        await app.prisma.measureReport.findMany({ where: { siteId: siteA, month }, orderBy: { measureId: 'asc' } }),
      ).toEqual(stored);

      // With the current version she can save again.
      const retry = await saveMonth(teammate, {
        networkId,
        siteId: siteA,
        month,
        submit: true,
        reason: 'My corrections',
        entries: teammateEntries.map((e) =>
          e.measureId === measures.proportion.id ? { ...e, expectedVersion: 2 } : e,
        ),
      });
      expect(retry.errors).toBeUndefined();
      expect(entryOf(retry.data.saveMonthReport, measures.proportion.id)).toMatchObject({ numerator: 31, version: 3 });
    });

    it('two saves of the same versions at the same moment: one is written, the other gets CONFLICT', async () => {
      const month = monthsAgo(8);
      await saveMonth(lead, { networkId, siteId: siteA, month, submit: true, entries: fullMonth(30) });
      const entries = (n: number) => fullMonth(n).map((e) => ({ ...e, expectedVersion: 1 }));
      const results = await Promise.all([
        saveMonth(lead, { networkId, siteId: siteA, month, submit: true, reason: 'lead', entries: entries(33) }),
        saveMonth(teammate, {
          networkId,
          siteId: siteA,
          month,
          submit: true,
          reason: 'teammate',
          entries: entries(34),
        }),
      ]);
      expect(results.map((r) => errorOf(r).code ?? 'ok').sort()).toEqual(['CONFLICT', 'ok']);
      const winner = results.find((r) => !r.errors)!.data.saveMonthReport;
      const stored = await app.prisma.measureReport.findFirstOrThrow({
        where: { siteId: siteA, month, measureId: measures.proportion.id },
      });
      expect(stored.numerator).toBe(entryOf(winner, measures.proportion.id).numerator);
      expect(stored.version).toBe(2);
    });

    it('two first saves of a new month at the same moment: one is written, the other gets CONFLICT', async () => {
      const month = monthsAgo(9);
      const results = await Promise.all([
        saveMonth(lead, {
          networkId,
          siteId: siteA,
          month,
          submit: false,
          entries: [{ measureId: measures.count.id, value: 1 }],
        }),
        saveMonth(teammate, {
          networkId,
          siteId: siteA,
          month,
          submit: false,
          entries: [{ measureId: measures.count.id, value: 2 }],
        }),
      ]);
      expect(results.map((r) => errorOf(r).code ?? 'ok').sort()).toEqual(['CONFLICT', 'ok']);
      expect(await app.prisma.measureReport.count({ where: { siteId: siteA, month } })).toBe(1);
    });

    it('a form loaded before the report existed cannot overwrite it', async () => {
      const month = monthsAgo(10);
      await saveMonth(lead, { networkId, siteId: siteA, month, submit: true, entries: fullMonth(30) });
      const stale = await saveMonth(teammate, {
        networkId,
        siteId: siteA,
        month,
        submit: true,
        entries: fullMonth(20),
      });
      expect(errorOf(stale)).toEqual({ code: 'CONFLICT', field: 'input.entries' });
      expect((stale.errors![0].extensions!.current as unknown[]).length).toBe(4);
    });
  });
});
