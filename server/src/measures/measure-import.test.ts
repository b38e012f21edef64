import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf } from '../test-support/graphql-client';
import { type CsvRow, MONTH_REPORT, monthsAgo, newMeasureSet, reportsCsv } from '../test-support/measures';
import { TestApp, type TestMember } from '../test-support/test-app';

const PREVIEW = `mutation($networkId: ID!, $csv: String!) {
  previewMeasureImport(networkId: $networkId, csv: $csv) { valid rows changes unchanged problems { line column message } }
}`;
const COMMIT = `mutation($networkId: ID!, $csv: String!) {
  commitMeasureImport(networkId: $networkId, csv: $csv) { valid rows changes unchanged problems { line column message } }
}`;

describe('CSV import of measure reports', () => {
  let app: TestApp;
  let networkId: string;
  let siteA: string;
  let admin: TestMember;
  let lead: TestMember;
  let measures: Awaited<ReturnType<typeof newMeasureSet>>;

  const counts = async () => ({
    reports: await app.prisma.measureReport.count({ where: { networkId } }),
    revisions: await app.prisma.measureReportRevision.count({ where: { report: { networkId } } }),
  });
  const download = (member: TestMember | null, file: string, id = networkId) =>
    fetch(`${app.url}/files/${file}?networkId=${id}`, {
      headers: member?.client.cookie ? { cookie: member.client.cookie } : {},
    });

  /** Four valid rows: one month of site A for every measure. */
  const validMonth = (month: string, n = 30): CsvRow[] => [
    { site: 'site-0', measure: measures.proportion.key, month, numerator: n, denominator: 40 },
    { site: 'site-0', measure: measures.rate.key, month, numerator: 3, denominator: 1200 },
    { site: 'site-0', measure: measures.mean.key, month, denominator: 8, value: 12.5 },
    { site: 'site-0', measure: measures.count.key, month, value: 4 },
  ];

  beforeAll(async () => {
    app = await TestApp.start();
    const made = await app.newNetwork(2);
    ({ admin } = made);
    networkId = made.network.id;
    siteA = made.sites[0].id;
    measures = await newMeasureSet(admin, networkId);
    lead = await app.newMember(admin, networkId, 'SITE_LEAD', siteA, 'Lena Lead');
  });

  afterAll(() => app?.stop());

  describe('preview', () => {
    it("lists every row's problems by line and column, and writes nothing", async () => {
      const p = measures.proportion.key;
      const m = monthsAgo(2);
      const csv = reportsCsv([
        { site: 'site-0', measure: p, month: m, numerator: 30, denominator: 40 }, // 2: valid
        { site: 'nowhere', measure: p, month: m, numerator: 1, denominator: 2 }, // 3
        { site: 'site-0', measure: 'no-such-measure', month: m, numerator: 1, denominator: 2 }, // 4
        { site: 'site-0', measure: p, month: '2025-13', numerator: 1, denominator: 2 }, // 5
        { site: 'site-0', measure: p, month: monthsAgo(3), numerator: 41, denominator: 40 }, // 6
        { site: 'site-0', measure: measures.rate.key, month: m, numerator: 'abc', denominator: 1200 }, // 7
        { site: 'site-0', measure: p, month: m, numerator: 31, denominator: 40 }, // 8: same as line 2
        { site: 'site-1', measure: p, month: m, numerator: 1, denominator: 2 }, // 9: site B
        { site: 'site-0', measure: p, month: monthsAgo(-1), numerator: 1, denominator: 2 }, // 10
        { site: 'site-0', measure: measures.count.key, month: m, value: 2.5 }, // 11
        { site: 'site-0', measure: p, month: '2023-12', numerator: 1, denominator: 2 }, // 12
        { site: 'site-0', measure: measures.rate.key, month: monthsAgo(4), numerator: -2, denominator: 10 }, // 13
        { site: 'site-0', measure: measures.mean.key, month: m, denominator: 8, value: 12.5 }, // 14: valid
        { site: 'site-0', measure: p, month: monthsAgo(0), numerator: 1, denominator: 2 }, // 15: this month has not ended
      ]);
      const before = await counts();
      const { previewMeasureImport: preview } = await lead.client.ok(PREVIEW, { networkId, csv });
      expect(preview).toMatchObject({ valid: false, rows: 2, changes: 0 });
      expect(preview.problems.map((problem: any) => [problem.line, problem.column])).toEqual([
        [3, 'site'],
        [4, 'measure'],
        [5, 'month'],
        [6, 'numerator'],
        [7, 'numerator'],
        [8, 'month'],
        [9, 'site'],
        [10, 'month'],
        [11, 'value'],
        [12, 'month'],
        [13, 'numerator'],
        [15, 'month'],
      ]);
      const messages = Object.fromEntries(preview.problems.map((problem: any) => [problem.line, problem.message]));
      expect(messages).toMatchObject({
        3: '"nowhere" is not a site of this network',
        4: '"no-such-measure" is not a measure of this network',
        6: 'cannot be more than the denominator',
        7: '"abc" is not a number',
        8: 'repeats line 2 (same site, measure and month)',
        9: 'you may not report for Site B',
        10: 'cannot be in the future',
        15: `can be submitted from ${monthsAgo(-1)}-01, once the month has ended`,
        12: 'cannot be before the network started (2024-01)',
      });
      expect(await counts()).toEqual(before);
    });

    it('a row with several problems lists each of them', async () => {
      const csv = reportsCsv([{ site: 'nowhere', measure: 'nothing', month: 'soon', numerator: 1, denominator: 2 }]);
      const { previewMeasureImport: preview } = await lead.client.ok(PREVIEW, { networkId, csv });
      expect(preview.problems.map((problem: any) => [problem.line, problem.column])).toEqual([
        [2, 'site'],
        [2, 'measure'],
        [2, 'month'],
      ]);
    });

    it('a file without the columns, without rows or with ragged rows is refused whole', async () => {
      const bad = async (csv: string) =>
        (await lead.client.ok(PREVIEW, { networkId, csv })).previewMeasureImport.problems;
      expect(await bad('site,measure,month\nsite-0,x,2025-01\n')).toEqual([
        { line: 1, column: 'numerator, denominator, value', message: 'is missing from the header' },
      ]);
      expect(await bad('site,measure,month,numerator,denominator,value,notes\n')).toEqual([
        { line: 1, column: 'notes', message: 'is not a known column' },
        { line: 1, column: 'file', message: 'has no rows after the header' },
      ]);
      const ragged = await bad(
        `site,measure,month,numerator,denominator,value\nsite-0,${measures.count.key},${monthsAgo(2)},,,3,extra\n`,
      );
      expect(ragged).toContainEqual({ line: 2, column: 'file', message: 'has 7 values; the header has 6' });
      expect((await bad('"unclosed,quote\n'))[0]).toMatchObject({ column: 'file' });
    });

    it('a valid file says how many rows it would add or change, and writes nothing', async () => {
      const before = await counts();
      const { previewMeasureImport: preview } = await lead.client.ok(PREVIEW, {
        networkId,
        csv: reportsCsv(validMonth(monthsAgo(5))),
      });
      expect(preview).toEqual({ valid: true, rows: 4, changes: 4, unchanged: 0, problems: [] });
      expect(await counts()).toEqual(before);
    });
  });

  describe('commit', () => {
    it('a file with one bad row writes nothing and names the row', async () => {
      const month = monthsAgo(6);
      const rows = [
        ...validMonth(month),
        { site: 'site-0', measure: measures.proportion.key, month: monthsAgo(7), numerator: 50, denominator: 40 },
      ];
      const before = await counts();
      const result = await lead.client.gql(COMMIT, { networkId, csv: reportsCsv(rows) });
      expect(errorOf(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'csv' });
      expect(result.errors![0].message).toBe('Line 6, numerator: cannot be more than the denominator');
      expect(result.errors![0].extensions!.problems).toEqual([
        {
          line: 6,
          column: 'numerator',
          code: 'above_denominator',
          params: {},
          message: 'cannot be more than the denominator',
        },
      ]);
      expect(await counts()).toEqual(before);
    });

    it('a valid file is written as submitted reports, each with its first revision', async () => {
      const month = monthsAgo(8);
      const before = await counts();
      const { commitMeasureImport: result } = await lead.client.ok(COMMIT, {
        networkId,
        csv: reportsCsv(validMonth(month)),
      });
      expect(result).toEqual({ valid: true, rows: 4, changes: 4, unchanged: 0, problems: [] });
      expect(await counts()).toEqual({ reports: before.reports + 4, revisions: before.revisions + 4 });
      const { monthReport } = await lead.client.ok(MONTH_REPORT, { networkId, siteId: siteA, month });
      expect(monthReport.entries.map((e: any) => [e.status, e.version, e.numerator, e.denominator, e.value])).toEqual([
        ['SUBMITTED', 1, 30, 40, null],
        ['SUBMITTED', 1, 3, 1200, null],
        ['SUBMITTED', 1, null, 8, 12.5],
        ['SUBMITTED', 1, null, null, 4],
      ]);
      expect(monthReport.entries[0].history).toEqual([
        expect.objectContaining({ version: 1, reason: 'Imported from CSV', changedByName: 'Lena Lead' }),
      ]);
    });

    it('importing the same file twice changes nothing the second time', async () => {
      const csv = reportsCsv([...validMonth(monthsAgo(9)), ...validMonth(monthsAgo(10), 25)]);
      const first = (await lead.client.ok(COMMIT, { networkId, csv })).commitMeasureImport;
      expect(first).toMatchObject({ rows: 8, changes: 8, unchanged: 0 });
      const after = await counts();
      const stored = await app.prisma.measureReport.findMany({ where: { networkId }, orderBy: { id: 'asc' } });

      expect((await lead.client.ok(PREVIEW, { networkId, csv })).previewMeasureImport).toMatchObject({
        valid: true,
        changes: 0,
        unchanged: 8,
      });
      const second = (await lead.client.ok(COMMIT, { networkId, csv })).commitMeasureImport;
      expect(second).toEqual({ valid: true, rows: 8, changes: 0, unchanged: 8, problems: [] });
      expect(await counts()).toEqual(after);
      expect(await app.prisma.measureReport.findMany({ where: { networkId }, orderBy: { id: 'asc' } })).toEqual(stored);
    });

    it('a file that changes a submitted month writes a revision per changed report, with the line as reason', async () => {
      const month = monthsAgo(11);
      await lead.client.ok(COMMIT, { networkId, csv: reportsCsv(validMonth(month, 30)) });
      const before = await counts();
      const result = (await admin.client.ok(COMMIT, { networkId, csv: reportsCsv(validMonth(month, 33)) }))
        .commitMeasureImport;
      expect(result).toMatchObject({ rows: 4, changes: 1, unchanged: 3 });
      expect(await counts()).toEqual({ reports: before.reports, revisions: before.revisions + 1 });
      const { monthReport } = await lead.client.ok(MONTH_REPORT, { networkId, siteId: siteA, month });
      expect(monthReport.entries[0]).toMatchObject({ numerator: 33, version: 2, updatedByName: admin.name });
      expect(monthReport.entries[0].history[0]).toMatchObject({
        version: 2,
        numerator: 33,
        reason: 'Imported from CSV (line 2)',
      });
    });

    it("a draft in the file's month is submitted with the file's numbers", async () => {
      const month = monthsAgo(12);
      await lead.client.ok(`mutation($input: SaveMonthReportInput!) { saveMonthReport(input: $input) { month } }`, {
        input: {
          networkId,
          siteId: siteA,
          month,
          submit: false,
          entries: [{ measureId: measures.proportion.id, numerator: 30, denominator: 40, expectedVersion: 0 }],
        },
      });
      const result = (await lead.client.ok(COMMIT, { networkId, csv: reportsCsv(validMonth(month, 30)) }))
        .commitMeasureImport;
      // The draft's numbers are the same, but it was not submitted: it counts as a change.
      expect(result).toMatchObject({ changes: 4, unchanged: 0 });
      const { monthReport } = await lead.client.ok(MONTH_REPORT, { networkId, siteId: siteA, month });
      expect(monthReport.entries[0]).toMatchObject({ status: 'SUBMITTED', version: 2 });
    });

    it('the network admin may import for every site', async () => {
      const rows = [
        ...validMonth(monthsAgo(13)),
        ...validMonth(monthsAgo(13)).map((row) => ({ ...row, site: 'site-1' })),
      ];
      expect((await admin.client.ok(COMMIT, { networkId, csv: reportsCsv(rows) })).commitMeasureImport).toMatchObject({
        changes: 8,
      });
    });
  });

  describe('template download', () => {
    it('a site lead gets CSV with the header and one row per measure for her site and the previous month', async () => {
      const response = await download(lead, 'measures-template.csv');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="measures-template.csv"');
      const text = await response.text();
      expect(text.split('\n')[0]).toBe('site,measure,month,numerator,denominator,value');
      const rows = parse(text, { columns: true });
      expect(rows).toEqual(
        measures.all.map((m) => ({
          site: 'site-0',
          measure: m.key,
          month: monthsAgo(1),
          numerator: '',
          denominator: '',
          value: '',
        })),
      );
    });

    it('the template, filled in, imports cleanly', async () => {
      const text = await (await download(lead, 'measures-template.csv')).text();
      const filled = text.replace(/^(site-0,[^,]+,[^,]+),,,$/gm, (_line, start: string) => {
        const key = start.split(',')[1];
        return key === measures.proportion.key
          ? `${start},10,20,`
          : key === measures.rate.key
            ? `${start},1,300,`
            : key === measures.mean.key
              ? `${start},,5,7.5`
              : `${start},,,3`;
      });
      expect((await lead.client.ok(PREVIEW, { networkId, csv: filled })).previewMeasureImport).toMatchObject({
        valid: true,
        rows: 4,
        problems: [],
      });
    });

    it('a member who does not report gets the header with example rows', async () => {
      const partner = await app.newMember(admin, networkId, 'PATIENT_PARTNER', siteA);
      const text = await (await download(partner, 'measures-template.csv')).text();
      expect(text.split('\n')[0]).toBe('site,measure,month,numerator,denominator,value');
      expect(parse(text, { columns: true }).length).toBeGreaterThan(0);
    });

    it('needs a session, and a network the member belongs to', async () => {
      expect((await download(null, 'measures-template.csv')).status).toBe(401);
      const outsider = (await app.newNetwork(1)).admin;
      expect((await download(outsider, 'measures-template.csv')).status).toBe(404);
      expect((await download(lead, 'measures-template.csv', 'not-an-id')).status).toBe(400);
    });
  });
});
