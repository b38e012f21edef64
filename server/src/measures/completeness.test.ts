import { addMonths, monthRange, type MonthKey, reportDueDate } from '@commons/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthsAgo, newMeasure, saveMonth, type TestMeasure } from '../test-support/measures';
import { TestApp, type TestMember } from '../test-support/test-app';

const COMPLETENESS = `query($networkId: ID!, $months: Int!) {
  completeness(networkId: $networkId, months: $months) { months measureCount rows { site { id name } cells { month status submitted drafts } } }
}`;
const OVERDUE = `query($networkId: ID!) { overdueReports(networkId: $networkId) { site { id } month dueDate status } }`;

/** Whether `month`'s report is overdue today (UTC), by the documented rule: due on the 15th of the next month. */
const isDue = (month: MonthKey) => new Date().toISOString().slice(0, 10) > reportDueDate(month);

describe('reporting completeness', () => {
  let app: TestApp;
  let networkId: string;
  let sites: { id: string; name: string }[];
  let admin: TestMember;
  let lead: TestMember;
  let leadB: TestMember;
  let partner: TestMember;
  let researcher: TestMember;
  let measures: TestMeasure[];

  const entries = (n: number) => [
    { measureId: measures[0].id, numerator: n, denominator: 20 },
    { measureId: measures[1].id, value: n },
  ];
  /** Moves the submission time of a site's month, as if it had been submitted then. */
  const submittedOn = (siteId: string, month: string, date: string) =>
    app.prisma.measureReport.updateMany({
      where: { siteId, month },
      data: { submittedAt: new Date(`${date}T12:00:00Z`) },
    });
  const grid = async (member: TestMember, months = 6) =>
    (await member.client.ok(COMPLETENESS, { networkId, months })).completeness;
  const statusOf = (completeness: any, siteId: string, month: string) =>
    completeness.rows.find((row: any) => row.site.id === siteId).cells.find((cell: any) => cell.month === month);

  beforeAll(async () => {
    app = await TestApp.start();
    const made = await app.newNetwork(3);
    ({ admin, sites } = made);
    networkId = made.network.id;
    measures = [await newMeasure(admin, networkId, 'PROPORTION'), await newMeasure(admin, networkId, 'COUNT')];
    [lead, leadB, partner, researcher] = await Promise.all([
      app.newMember(admin, networkId, 'SITE_LEAD', sites[0].id),
      app.newMember(admin, networkId, 'SITE_LEAD', sites[1].id),
      app.newMember(admin, networkId, 'PATIENT_PARTNER', sites[0].id),
      app.newMember(admin, networkId, 'RESEARCHER', null),
    ]);
    const [A, B] = sites.map((s) => s.id);
    const save = (member: TestMember, siteId: string, month: string, submit: boolean, list = entries(5)) =>
      saveMonth(member, { networkId, siteId, month, submit, entries: list }).then((r) => {
        if (r.errors) throw new Error(JSON.stringify(r.errors));
      });
    // This month: A submitted (as a network's grace period allows), B has a draft, C nothing (not due yet).
    await save(lead, A, monthsAgo(0), false);
    await app.prisma.measureReport.updateMany({
      where: { siteId: A, month: monthsAgo(0) },
      data: { status: 'SUBMITTED', submittedAt: new Date() },
    });
    await save(leadB, B, monthsAgo(0), false, entries(5).slice(0, 1));
    // Two months ago: A on time, B late, C nothing.
    await save(lead, A, monthsAgo(2), true);
    await submittedOn(A, monthsAgo(2), `${monthsAgo(1)}-03`);
    await save(leadB, B, monthsAgo(2), true);
    await submittedOn(B, monthsAgo(2), `${monthsAgo(1)}-20`);
    // Three months ago: A submitted one measure of two, B only a draft.
    await save(lead, A, monthsAgo(3), false, entries(5));
    await app.prisma.measureReport.updateMany({
      where: { siteId: A, month: monthsAgo(3), measureId: measures[0].id },
      data: { status: 'SUBMITTED', submittedAt: new Date() },
    });
    await save(leadB, B, monthsAgo(3), false);
  });

  afterAll(() => app?.stop());

  it('a network admin sees every site, month by month, with SUBMITTED / LATE / DRAFT / MISSING / NOT_DUE', async () => {
    const completeness = await grid(admin, 6);
    expect(completeness.measureCount).toBe(2);
    expect(completeness.months).toEqual(monthRange(monthsAgo(5), monthsAgo(0)));
    expect(completeness.rows.map((row: any) => row.site.id)).toEqual(sites.map((s) => s.id));
    const [A, B, C] = sites.map((s) => s.id);
    expect(statusOf(completeness, A, monthsAgo(0))).toEqual({
      month: monthsAgo(0),
      status: 'SUBMITTED',
      submitted: 2,
      drafts: 0,
    });
    expect(statusOf(completeness, B, monthsAgo(0))).toEqual({
      month: monthsAgo(0),
      status: 'DRAFT',
      submitted: 0,
      drafts: 1,
    });
    expect(statusOf(completeness, C, monthsAgo(0)).status).toBe('NOT_DUE');
    expect(statusOf(completeness, A, monthsAgo(2)).status).toBe('SUBMITTED');
    expect(statusOf(completeness, B, monthsAgo(2)).status).toBe('LATE');
    expect(statusOf(completeness, C, monthsAgo(2)).status).toBe('MISSING');
    // Past the due date, anything short of every measure submitted is missing.
    expect(statusOf(completeness, A, monthsAgo(3))).toEqual({
      month: monthsAgo(3),
      status: 'MISSING',
      submitted: 1,
      drafts: 1,
    });
    expect(statusOf(completeness, B, monthsAgo(3))).toEqual({
      month: monthsAgo(3),
      status: 'MISSING',
      submitted: 0,
      drafts: 2,
    });
    expect(statusOf(completeness, C, monthsAgo(1)).status).toBe(isDue(monthsAgo(1)) ? 'MISSING' : 'NOT_DUE');
  });

  it('a site lead, and any member of a site, sees her own site only; a member without a site sees no row', async () => {
    for (const member of [lead, partner]) {
      const completeness = await grid(member);
      expect(completeness.rows.map((row: any) => row.site.id)).toEqual([sites[0].id]);
      expect(statusOf(completeness, sites[0].id, monthsAgo(2)).status).toBe('SUBMITTED');
    }
    expect((await grid(leadB)).rows.map((row: any) => row.site.id)).toEqual([sites[1].id]);
    expect((await grid(researcher)).rows).toEqual([]);
  });

  it('the window is 1 to 36 months and never starts before the network', async () => {
    expect((await grid(admin, 1)).months).toEqual([monthsAgo(0)]);
    expect((await grid(admin, 0)).months).toEqual([monthsAgo(0)]);
    const longest = await grid(admin, 100);
    const sinceStart = monthRange('2024-01' as MonthKey, monthsAgo(0));
    expect(longest.months).toEqual(sinceStart.length > 36 ? sinceStart.slice(-36) : sinceStart);
  });

  it("overdueReports lists the site lead's months that are due and not fully submitted, with their due dates", async () => {
    const { overdueReports } = await lead.client.ok(OVERDUE, { networkId });
    const expected = monthRange(addMonths(monthsAgo(0), -11), monthsAgo(0))
      .filter((month) => month >= '2024-01' && isDue(month) && month !== monthsAgo(2))
      .map((month) => ({ site: { id: sites[0].id }, month, dueDate: reportDueDate(month), status: 'MISSING' }));
    expect(overdueReports).toEqual(expected);
    expect(overdueReports.map((o: any) => o.month)).toContain(monthsAgo(3));
    expect(overdueReports.map((o: any) => o.month)).not.toContain(monthsAgo(0));
  });

  it('a late month is not overdue any more', async () => {
    const { overdueReports } = await leadB.client.ok(OVERDUE, { networkId });
    expect(overdueReports.map((o: any) => o.month)).not.toContain(monthsAgo(2));
    expect(overdueReports.map((o: any) => o.month)).toContain(monthsAgo(3));
  });

  it('members who do not report, and admins, have no overdue months', async () => {
    for (const member of [partner, researcher, admin]) {
      expect((await member.client.ok(OVERDUE, { networkId })).overdueReports).toEqual([]);
    }
  });
});
