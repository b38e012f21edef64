import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importReports, monthsAgo, newMeasure, type TestMeasure } from '../test-support/measures';
import { TestApp, type TestMember } from '../test-support/test-app';

const CHARTS = `query($measureId: ID!) {
  measureCharts(measureId: $measureId) {
    suppressionThreshold
    network { fullyVisible points { month value excluded numerator { value label } denominator { value label } centre lower upper } }
    sites {
      site { id name }
      fullyVisible
      points { month value excluded numerator { value label } denominator { value label } centre lower upper }
      signals { key month reason }
    }
    funnels { months target sitesLeftOut sites { site { id } value denominator } curve { denominator lower95 upper95 } }
  }
}`;

const SET_MY_SITE = `mutation($n: ID!, $s: ID) { setMySite(networkId: $n, siteId: $s) { id } }`;
const REQUEST_SITE = `mutation($n: ID!, $s: ID!) { requestSite(networkId: $n, siteId: $s) { id } }`;

/** A whole number standing alone in text (not part of a longer number or a decimal). */
const standalone = (n: number) => new RegExp(`(?<![\\d.])${n}(?![\\d.])`);

/**
 * Small-cell suppression as each role receives it, through the chart query and the CSV export.
 * Site A is the viewers' own site; in month m1 site B reports 3 of 7 (small) and site C numbers
 * of a unique magnitude (1357 of 2468), which must be withheld as the complement, or B's count
 * would follow from the network total.
 */
describe("small-cell suppression of other sites' numbers", () => {
  let app: TestApp;
  let networkId: string;
  let sites: { id: string; slug: string; name: string }[];
  let admin: TestMember;
  let clinicianA: TestMember;
  let partnerA: TestMember;
  let researcher: TestMember;
  let measure: TestMeasure;
  let count: TestMeasure;
  const m1 = monthsAgo(3);
  const m2 = monthsAgo(2);

  const charts = async (member: TestMember) => {
    const response = await member.client.gql(CHARTS, { measureId: measure.id });
    expect(response.errors).toBeUndefined();
    return { text: JSON.stringify(response.data), charts: response.data.measureCharts };
  };
  const seriesOf = (data: any, index: number) => data.sites.find((s: any) => s.site.id === sites[index].id);
  const pointOf = (series: any, month: string) => series.points.find((p: any) => p.month === month);
  const exportOf = async (member: TestMember) => {
    const response = await fetch(`${app.url}/files/measures.csv?networkId=${networkId}`, {
      headers: { cookie: member.client.cookie! },
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    return { text, rows: parse<Record<string, string>>(text, { columns: true }) };
  };
  const rowOf = (rows: Record<string, string>[], site: number, month: string, key = measure.key) =>
    rows.find((row) => row.site === sites[site].slug && row.month === month && row.measure === key);
  const withheld = { value: null, label: '<11' };
  const complement = { value: null, label: '*' };
  const shown = (value: number) => ({ value, label: null });

  /** What a member of site A, who is not an admin, must receive. */
  async function expectSiteAViewOf(member: TestMember) {
    const { text, charts: data } = await charts(member);
    expect(data.suppressionThreshold).toBe(10);
    // Her own site in full, small counts included.
    const a = seriesOf(data, 0);
    expect(a.fullyVisible).toBe(true);
    expect(pointOf(a, m2)).toMatchObject({ value: 2 / 5, excluded: null, numerator: shown(2), denominator: shown(5) });
    // Site B's small counts are labelled and its point left out of its chart.
    const b = seriesOf(data, 1);
    expect(b.fullyVisible).toBe(false);
    expect(pointOf(b, m1)).toMatchObject({
      value: null,
      excluded: 'SUPPRESSED',
      numerator: withheld,
      denominator: withheld,
      lower: null,
      upper: null,
    });
    expect(pointOf(b, m2)).toMatchObject({ value: 60 / 80, numerator: shown(60), denominator: shown(80) });
    expect(b.signals.filter((s: any) => s.month === m1)).toEqual([]);
    // Site C is withheld in m1 as the complement; D is shown.
    expect(pointOf(seriesOf(data, 2), m1)).toMatchObject({
      value: null,
      excluded: 'SUPPRESSED',
      numerator: complement,
      denominator: complement,
    });
    expect(pointOf(seriesOf(data, 3), m1)).toMatchObject({
      value: expect.closeTo(2591 / 3702, 5),
      numerator: shown(2591),
      denominator: shown(3702),
    });
    // The network total comes from all the unsuppressed data.
    expect(pointOf(data.network, m1)).toMatchObject({
      numerator: shown(40 + 3 + 1357 + 2591),
      denominator: shown(50 + 7 + 2468 + 3702),
    });
    expect(pointOf(data.network, m1).value).toBeCloseTo((40 + 3 + 1357 + 2591) / (50 + 7 + 2468 + 3702), 5);
    // Nothing in the response carries a withheld number: not the counts, not the proportions.
    for (const n of [1357, 2468]) expect(text).not.toMatch(standalone(n));
    // Five significant digits: the served values are rounded to six decimals.
    expect(text).not.toContain(String(3 / 7).slice(0, 7));
    expect(text).not.toContain(String(1357 / 2468).slice(0, 7));
    for (const series of [b]) {
      const counts = series.points.flatMap((p: any) => [p.numerator?.value, p.denominator?.value]);
      expect(counts).not.toContain(3);
      expect(counts).not.toContain(7);
    }
    // Funnels leave out sites with a withheld month in the window.
    const sixMonths = data.funnels.find((f: any) => f.months === 6);
    expect(sixMonths.sites.map((s: any) => s.site.id).sort()).toEqual([sites[0].id, sites[3].id].sort());
    expect(sixMonths.sitesLeftOut).toBe(2);
  }

  async function expectSiteAExportOf(member: TestMember) {
    const { text, rows } = await exportOf(member);
    expect(text.split('\n')[0]).toBe('site,measure,month,numerator,denominator,value,suppressed');
    expect(rowOf(rows, 0, m2)).toMatchObject({ numerator: '2', denominator: '5', suppressed: '' });
    expect(rowOf(rows, 1, m1)).toMatchObject({
      numerator: '<11',
      denominator: '<11',
      value: '*',
      suppressed: 'small-cell',
    });
    expect(rowOf(rows, 2, m1)).toMatchObject({
      numerator: '*',
      denominator: '*',
      value: '*',
      suppressed: 'complementary',
    });
    expect(rowOf(rows, 3, m1)).toMatchObject({ numerator: '2591', denominator: '3702', suppressed: '' });
    expect(rowOf(rows, 1, m1, count.key)).toMatchObject({
      numerator: '',
      denominator: '',
      value: '<11',
      suppressed: 'small-cell',
    });
    for (const n of [1357, 2468]) expect(text).not.toMatch(standalone(n));
    expect(text).not.toContain(String(3 / 7).slice(0, 7));
  }

  beforeAll(async () => {
    app = await TestApp.start();
    const made = await app.newNetwork(4);
    ({ admin, sites } = made);
    networkId = made.network.id;
    measure = await newMeasure(admin, networkId, 'PROPORTION');
    count = await newMeasure(admin, networkId, 'COUNT');
    [clinicianA, partnerA, researcher] = await Promise.all([
      app.newMember(admin, networkId, 'CLINICIAN', sites[0].id),
      app.newMember(admin, networkId, 'PATIENT_PARTNER', sites[0].id),
      app.newMember(admin, networkId, 'RESEARCHER', null),
    ]);
    const p = (site: number, month: string, numerator: number, denominator: number) => ({
      site: `site-${site}`,
      measure: measure.key,
      month,
      numerator,
      denominator,
    });
    const c = (site: number, month: string, value: number) => ({
      site: `site-${site}`,
      measure: count.key,
      month,
      value,
    });
    await importReports(admin, networkId, [
      p(0, m1, 40, 50),
      p(1, m1, 3, 7),
      p(2, m1, 1357, 2468),
      p(3, m1, 2591, 3702),
      p(0, m2, 2, 5),
      p(1, m2, 60, 80),
      p(2, m2, 70, 90),
      p(3, m2, 100, 120),
      c(0, m1, 25),
      c(1, m1, 4),
      c(2, m1, 31),
      c(3, m1, 47),
    ]);
  });

  afterAll(() => app?.stop());

  it('a clinician of site A sees site A in full and site B\'s small counts as "<11", with the point left out', async () => {
    await expectSiteAViewOf(clinicianA);
  });

  it('a patient partner of site A sees the same', async () => {
    await expectSiteAViewOf(partnerA);
  });

  it('the CSV export gives a member of site A the same labels and none of the withheld numbers', async () => {
    await expectSiteAExportOf(clinicianA);
    await expectSiteAExportOf(partnerA);
  });

  it('a patient partner who picks site A herself sees it suppressed exactly as a member of no site does, in the charts and the export', async () => {
    const chooser = await app.newMember(admin, networkId, 'PATIENT_PARTNER', null);
    // How an outside client got site A's own numbers: choosing it. Choosing only asks to join.
    await chooser.client.gql(SET_MY_SITE, { n: networkId, s: sites[0].id });
    await chooser.client.gql(REQUEST_SITE, { n: networkId, s: sites[0].id });

    expect((await charts(chooser)).charts).toEqual((await charts(researcher)).charts);
    expect((await exportOf(chooser)).text).toBe((await exportOf(researcher)).text);
    expect(pointOf(seriesOf((await charts(chooser)).charts, 0), m2)).toMatchObject({
      excluded: 'SUPPRESSED',
      numerator: withheld,
      denominator: withheld,
    });
  });

  it.each(['FAMILY_MEMBER', 'RESEARCHER'] as const)(
    'a %s whose request to join site A waits sees it as an outsider; once confirmed, in full',
    async (role) => {
      const member = await app.newPendingMember(admin, networkId, role, sites[0].id);
      expect((await charts(member)).charts).toEqual((await charts(researcher)).charts);
      expect((await exportOf(member)).text).toBe((await exportOf(researcher)).text);

      await app.confirmSiteRequest(admin, member.requestId);

      await expectSiteAViewOf(member);
      await expectSiteAExportOf(member);
    },
  );

  it('a researcher without a site sees every site suppressed where its counts are small', async () => {
    const { charts: data } = await charts(researcher);
    expect(data.sites.map((s: any) => s.fullyVisible)).toEqual([false, false, false, false]);
    expect(pointOf(seriesOf(data, 0), m2)).toMatchObject({
      excluded: 'SUPPRESSED',
      numerator: withheld,
      denominator: withheld,
    });
    expect(pointOf(seriesOf(data, 1), m1)).toMatchObject({
      excluded: 'SUPPRESSED',
      numerator: withheld,
      denominator: withheld,
    });
    // The complement is now the smallest count above 10: site A's in m1, site B's in m2.
    expect(pointOf(seriesOf(data, 0), m1)).toMatchObject({
      excluded: 'SUPPRESSED',
      numerator: complement,
      denominator: complement,
    });
    expect(pointOf(seriesOf(data, 1), m2)).toMatchObject({
      excluded: 'SUPPRESSED',
      numerator: complement,
      denominator: complement,
    });
    expect(pointOf(seriesOf(data, 2), m1)).toMatchObject({ numerator: shown(1357), denominator: shown(2468) });
    expect(pointOf(data.network, m2)).toMatchObject({
      numerator: shown(2 + 60 + 70 + 100),
      denominator: shown(5 + 80 + 90 + 120),
    });
    const { rows } = await exportOf(researcher);
    expect(rowOf(rows, 0, m2)).toMatchObject({ numerator: '<11', denominator: '<11', suppressed: 'small-cell' });
    expect(rowOf(rows, 1, m1)).toMatchObject({ numerator: '<11', denominator: '<11', suppressed: 'small-cell' });
  });

  it("one site asked on its own (the page's selected site) is suppressed exactly as in the list, and an unknown site is null", async () => {
    const SITE = `query($measureId: ID!, $siteId: ID!) {
      measureCharts(measureId: $measureId) {
        site(siteId: $siteId) { site { id } fullyVisible points { month value excluded numerator { value label } denominator { value label } } }
      }
    }`;
    const asked = async (siteId: string) => {
      const response = await partnerA.client.gql(SITE, { measureId: measure.id, siteId });
      expect(response.errors).toBeUndefined();
      return response.data.measureCharts.site;
    };
    const other = await asked(sites[1].id);
    expect(other).toMatchObject({ site: { id: sites[1].id }, fullyVisible: false });
    expect(pointOf(other, m1)).toMatchObject({
      value: null,
      excluded: 'SUPPRESSED',
      numerator: withheld,
      denominator: withheld,
    });
    const counts = other.points.flatMap((p: any) => [p.numerator?.value, p.denominator?.value]);
    expect(counts).not.toContain(3);
    expect(counts).not.toContain(7);
    const own = await asked(sites[0].id);
    expect(own.fullyVisible).toBe(true);
    expect(pointOf(own, m2)).toMatchObject({ value: 2 / 5, numerator: shown(2), denominator: shown(5) });
    expect(await asked('00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('a network admin sees every site in full', async () => {
    const { text, charts: data } = await charts(admin);
    expect(data.sites.every((s: any) => s.fullyVisible)).toBe(true);
    expect(pointOf(seriesOf(data, 1), m1)).toMatchObject({
      value: expect.closeTo(3 / 7, 5),
      excluded: null,
      numerator: shown(3),
      denominator: shown(7),
    });
    expect(pointOf(seriesOf(data, 2), m1)).toMatchObject({ numerator: shown(1357), denominator: shown(2468) });
    expect(text).toMatch(standalone(1357));
    const { rows } = await exportOf(admin);
    expect(rowOf(rows, 1, m1)).toMatchObject({
      numerator: '3',
      denominator: '7',
      value: String(3 / 7),
      suppressed: '',
    });
    expect(rows.every((row) => row.suppressed === '')).toBe(true);
  });

  it("the network's threshold decides what is small", async () => {
    try {
      await app.prisma.network.update({ where: { id: networkId }, data: { suppressionThreshold: 2 } });
      let data = (await charts(clinicianA)).charts;
      expect(data.suppressionThreshold).toBe(2);
      expect(pointOf(seriesOf(data, 1), m1)).toMatchObject({
        value: expect.closeTo(3 / 7, 5),
        excluded: null,
        numerator: shown(3),
        denominator: shown(7),
      });
      expect(pointOf(seriesOf(data, 2), m1)).toMatchObject({ numerator: shown(1357), denominator: shown(2468) });

      await app.prisma.network.update({ where: { id: networkId }, data: { suppressionThreshold: 60 } });
      data = (await charts(clinicianA)).charts;
      expect(pointOf(seriesOf(data, 1), m2)).toMatchObject({
        excluded: 'SUPPRESSED',
        numerator: { value: null, label: '<61' },
      });
      expect(pointOf(seriesOf(data, 1), m1)).toMatchObject({
        excluded: 'SUPPRESSED',
        numerator: { value: null, label: '<61' },
      });
      // Her own site stays in full whatever the threshold.
      expect(pointOf(seriesOf(data, 0), m1)).toMatchObject({ numerator: shown(40), denominator: shown(50) });
      const { rows } = await exportOf(clinicianA);
      expect(rowOf(rows, 1, m2)).toMatchObject({ numerator: '<61', suppressed: 'small-cell' });
    } finally {
      await app.prisma.network.update({ where: { id: networkId }, data: { suppressionThreshold: 10 } });
    }
  });

  it('with only her own site and one small site, the network total is withheld rather than give the small count away', async () => {
    const small = await app.newNetwork(2);
    const own = await app.newMember(small.admin, small.network.id, 'CLINICIAN', small.sites[0].id);
    const only = await newMeasure(small.admin, small.network.id, 'PROPORTION');
    await importReports(small.admin, small.network.id, [
      { site: 'site-0', measure: only.key, month: m1, numerator: 417, denominator: 523 },
      { site: 'site-1', measure: only.key, month: m1, numerator: 3, denominator: 7 },
    ]);
    const response = await own.client.gql(CHARTS, { measureId: only.id });
    const data = response.data.measureCharts;
    expect(pointOf(data.network, m1)).toMatchObject({
      value: null,
      excluded: 'SUPPRESSED',
      numerator: complement,
      denominator: complement,
    });
    expect(pointOf(data.sites[1], m1)).toMatchObject({
      excluded: 'SUPPRESSED',
      numerator: withheld,
      denominator: withheld,
    });
    const text = JSON.stringify(response.data);
    for (const total of [417 + 3, 523 + 7]) expect(text).not.toMatch(standalone(total));
    expect(text).not.toContain(String(420 / 530).slice(0, 7));
  });

  it('the export writes a mean as the import reads it: patients and the mean', async () => {
    const mean = await newMeasure(admin, networkId, 'MEAN');
    await importReports(admin, networkId, [
      { site: 'site-0', measure: mean.key, month: m1, denominator: 7, value: 9.3 },
    ]);
    const { rows } = await exportOf(admin);
    expect(rowOf(rows, 0, m1, mean.key)).toEqual({
      site: 'site-0',
      measure: mean.key,
      month: m1,
      numerator: '',
      denominator: '7',
      value: '9.3',
      suppressed: '',
    });
  });

  it('the export needs a session and membership', async () => {
    expect((await fetch(`${app.url}/files/measures.csv?networkId=${networkId}`)).status).toBe(401);
    const outsider = (await app.newNetwork(1)).admin;
    const response = await fetch(`${app.url}/files/measures.csv?networkId=${networkId}`, {
      headers: { cookie: outsider.client.cookie! },
    });
    expect(response.status).toBe(404);
  });
});
