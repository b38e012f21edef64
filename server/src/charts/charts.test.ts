import { addMonths, type MonthKey, monthRange } from '@commons/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf } from '../test-support/graphql-client';
import { type CsvRow, importReports, monthsAgo, newMeasure, type TestMeasure } from '../test-support/measures';
import { TestApp, type TestMember } from '../test-support/test-app';

const CHARTS = `query($measureId: ID!, $chartType: ChartType, $baselineMonths: Int, $phaseStarts: [String!], $screenMovingRanges: Boolean,
    $includeIncompleteMonths: Boolean, $adjustFunnels: Boolean) {
  measureCharts(measureId: $measureId, chartType: $chartType, baselineMonths: $baselineMonths, phaseStarts: $phaseStarts,
      screenMovingRanges: $screenMovingRanges, includeIncompleteMonths: $includeIncompleteMonths, adjustFunnels: $adjustFunnels) {
    measure { id key }
    network { site { id } chartType
      points { month value excluded provisional sitesReported sites numerator { value } denominator { value } phase inBaseline centre lower upper inLongRun }
      signals { key side length fromMonth toMonth centre assessment month reason sitesReported sites leftOut } }
    sites { site { id } fullyVisible chartType
      points { month value excluded provisional sitesReported numerator { value } denominator { value } phase inBaseline centre lower upper beyondLimits inLongRun }
      signals { key phase side length fromMonth toMonth centre assessment month reason crossings expectedAtLeast before after } }
    funnels { months fromMonth toMonth target sitesLeftOut phi overdispersed limitsWidenedBy
      incompleteMonthsLeftOut { month sitesReported sites } incompleteMonthsIncluded { month sitesReported sites }
      sites { site { id } value denominator position95 position998 assessment }
      curve { denominator lower95 upper95 lower998 upper998 } }
  }
}`;

// Site A: 18 months around 50%, then 16 months around 80% (a real improvement). Denominators 100.
const LOW = [50, 52, 48, 51, 49, 53, 47, 50, 52, 49, 51, 48, 50, 53, 49, 52, 51, 46];
const HIGH = [79, 81, 80, 82, 78, 80, 81, 79, 80, 83, 78, 82, 80, 81, 79, 80];
const A_NUMERATORS = [...LOW, ...HIGH];
const B = { numerator: 20, denominator: 60 };
const C = { numerator: 60, denominator: 90 };

describe('measure charts', () => {
  let app: TestApp;
  let networkId: string;
  let sites: { id: string }[];
  let admin: TestMember;
  let member: TestMember;
  let measure: TestMeasure;
  let months: MonthKey[];
  const last = monthsAgo(1);
  const first = addMonths(last, -(A_NUMERATORS.length - 1));

  const query = async (variables: Record<string, unknown> = {}, who: TestMember = member) => {
    const result = await who.client.gql(CHARTS, { measureId: measure.id, ...variables });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data.measureCharts;
  };
  const pointOf = (series: any, month: string) => series.points.find((p: any) => p.month === month);
  const pooled = (numerators: number[], denominator: number) =>
    numerators.reduce((s, n) => s + n, 0) / (numerators.length * denominator);

  beforeAll(async () => {
    app = await TestApp.start();
    const made = await app.newNetwork(3);
    ({ admin, sites } = made);
    networkId = made.network.id;
    // The network starts with the data, so "the first N months" are the first N reports.
    await app.prisma.network.update({
      where: { id: networkId },
      data: { startedOn: new Date(`${first}-01T00:00:00Z`) },
    });
    measure = await newMeasure(admin, networkId, 'PROPORTION', { direction: 'UP', defaultChart: 'P' });
    member = await app.newMember(admin, networkId, 'CLINICIAN', sites[0].id);
    months = monthRange(first, last);
    const rows: CsvRow[] = months.flatMap((month, i) => [
      { site: 'site-0', measure: measure.key, month, numerator: A_NUMERATORS[i], denominator: 100 },
      { site: 'site-1', measure: measure.key, month, ...B },
      { site: 'site-2', measure: measure.key, month, ...C },
    ]);
    await importReports(admin, networkId, rows);
  });

  afterAll(() => app?.stop());

  it('gives one series per site and the network, over every month since the network started', async () => {
    const charts = await query();
    expect(charts.measure).toEqual({ id: measure.id, key: measure.key });
    expect(charts.sites.map((s: any) => s.site.id)).toEqual(sites.map((s) => s.id));
    expect(charts.network.site).toBeNull();
    for (const series of [charts.network, ...charts.sites]) {
      expect(series.chartType).toBe('P');
      expect(series.points.map((p: any) => p.month)).toEqual([...months, monthsAgo(0)]);
    }
    // This month is not reported yet: its point is left out, and said to be.
    expect(pointOf(charts.sites[0], monthsAgo(0))).toMatchObject({ value: null, excluded: 'MISSING_VALUE' });
    expect(charts.sites[0].signals).toContainEqual(
      expect.objectContaining({ key: 'pointExcluded', month: monthsAgo(0), reason: 'MISSING_VALUE' }),
    );
  });

  it("the network aggregate pools numerators and denominators, not the sites' proportions", async () => {
    const charts = await query();
    months.forEach((month, i) => {
      const numerator = A_NUMERATORS[i] + B.numerator + C.numerator;
      const denominator = 100 + B.denominator + C.denominator;
      const point = pointOf(charts.network, month);
      expect(point.numerator.value).toBe(numerator);
      expect(point.denominator.value).toBe(denominator);
      expect(point.value).toBeCloseTo(numerator / denominator, 5);
    });
    const allNumerators = A_NUMERATORS.reduce((s, n) => s + n, 0) + months.length * (B.numerator + C.numerator);
    expect(pointOf(charts.network, months[0]).centre).toBeCloseTo(allNumerators / (months.length * 250), 5);
    // A p-chart's limits narrow with the pooled denominator: 250 patients a month.
    const p = pointOf(charts.network, months[0]);
    expect(p.upper - p.centre).toBeCloseTo(3 * Math.sqrt((p.centre * (1 - p.centre)) / 250), 5);
  });

  it('a level that moved up within one phase is said as a shift at the month it moved, its run marked, read as an improvement', async () => {
    for (const chartType of ['RUN', 'P'] as const) {
      const charts = await query({ chartType });
      const a = charts.sites[0];
      // Not "18 months below the centre line: a deterioration" and "16 above: an improvement", but one shift.
      expect(
        a.signals.filter((s: any) => ['shift', 'longRun', 'fewCrossings', 'beyondLimits'].includes(s.key)),
      ).toEqual([
        // The median of the 34 months is 53%, and the two months at 53% lie on it, so count for neither side.
        expect.objectContaining({
          key: 'shift',
          side: 'above',
          month: months[LOW.length],
          before: chartType === 'RUN' ? LOW.length - 2 : LOW.length,
          after: HIGH.length,
          assessment: 'improvement',
          centre: chartType === 'RUN' ? 'median' : 'average',
        }),
      ]);
      expect(months.slice(LOW.length).every((month) => pointOf(a, month).inLongRun)).toBe(true);
      // The steady site has no signal.
      expect(charts.sites[1].signals.filter((s: any) => ['shift', 'longRun', 'beyondLimits'].includes(s.key))).toEqual(
        [],
      );
    }
  });

  it('points beyond the 3-sigma limits are signals, with the side that is better for the measure', async () => {
    const a = (await query({ chartType: 'P', baselineMonths: 12 })).sites[0];
    const beyond = a.signals.filter((s: any) => s.key === 'beyondLimits');
    expect(beyond.length).toBeGreaterThan(0);
    for (const signal of beyond) {
      const point = pointOf(a, signal.month);
      expect(point.beyondLimits).toBe(signal.side);
      expect(signal.assessment).toBe(signal.side === 'above' ? 'improvement' : 'deterioration');
    }
  });

  describe('baseline and phases', () => {
    it('a baseline freezes the centre line on its first months and extends it', async () => {
      const charts = await query({ baselineMonths: 12 });
      const a = charts.sites[0];
      const baselineCentre = pooled(A_NUMERATORS.slice(0, 12), 100);
      expect(a.points.every((p: any) => Math.abs(p.centre - baselineCentre) < 1e-12)).toBe(true);
      expect(a.points.map((p: any) => p.inBaseline)).toEqual([...months.map((_, i) => i < 12), false]);
      const unfrozen = (await query()).sites[0];
      expect(pointOf(unfrozen, months[0]).centre).toBeCloseTo(pooled(A_NUMERATORS, 100), 5);
      expect(pointOf(unfrozen, months[0]).centre).not.toBeCloseTo(baselineCentre, 3);
      // Against the baseline every later 80% month is far above the limits.
      expect(months.slice(LOW.length).every((month) => pointOf(a, month).beyondLimits === 'above')).toBe(true);
    });

    it('a new phase at a month recomputes the centre line from there', async () => {
      const phaseStart = months[LOW.length];
      const a = (await query({ phaseStarts: [phaseStart] })).sites[0];
      expect(pointOf(a, months[0])).toMatchObject({ phase: 0 });
      expect(pointOf(a, phaseStart)).toMatchObject({ phase: 1 });
      expect(pointOf(a, months[0]).centre).toBeCloseTo(pooled(LOW, 100), 5);
      expect(pointOf(a, phaseStart).centre).toBeCloseTo(pooled(HIGH, 100), 5);
      // Within their own phases neither level is a long run any more.
      expect(a.signals.filter((s: any) => s.key === 'longRun' && s.length >= HIGH.length)).toEqual([]);
    });

    it.each([
      [{ baselineMonths: 1 }, 'baselineMonths'],
      [{ baselineMonths: 0 }, 'baselineMonths'],
      [{ baselineMonths: 1000 }, 'baselineMonths'],
      [{ phaseStarts: ['2000-01'] }, 'phaseStarts.0'],
      [{ phaseStarts: [monthsAgo(4), 'June'] }, 'phaseStarts.1'],
      [{ phaseStarts: [monthsAgo(-2)] }, 'phaseStarts.0'],
      [{ chartType: 'C' }, 'chartType'],
      [{ chartType: 'U' }, 'chartType'],
    ])('%o is refused with BAD_USER_INPUT on %s', async (variables, field) => {
      const result = await member.client.gql(CHARTS, { measureId: measure.id, ...variables });
      expect(errorOf(result)).toEqual({ code: 'BAD_USER_INPUT', field });
    });

    it('a baseline or phase over months without reports gives no limits there, not an error', async () => {
      const late = await newMeasure(admin, networkId, 'RATE');
      await importReports(
        admin,
        networkId,
        [monthsAgo(2), monthsAgo(1)].map((month) => ({
          site: 'site-0',
          measure: late.key,
          month,
          numerator: 3,
          denominator: 900,
        })),
      );
      const result = await member.client.gql(CHARTS, {
        measureId: late.id,
        baselineMonths: 3,
        phaseStarts: [months[5]],
      });
      expect(result.errors).toBeUndefined();
      const a = result.data.measureCharts.sites[0];
      expect(a.signals).toContainEqual(expect.objectContaining({ key: 'limitsUnavailable' }));
      expect(pointOf(a, monthsAgo(1)).value).toBeCloseTo(3 / 900, 5);
    });

    it('answers from the data as it is now: a report written since the last request is in the next one', async () => {
      const fresh = await newMeasure(admin, networkId, 'PROPORTION');
      await importReports(admin, networkId, [
        { site: 'site-0', measure: fresh.key, month: monthsAgo(2), numerator: 30, denominator: 60 },
      ]);
      const ask = async () => (await member.client.gql(CHARTS, { measureId: fresh.id })).data.measureCharts;
      expect(pointOf((await ask()).sites[0], monthsAgo(2)).value).toBe(0.5);
      expect(pointOf((await ask()).sites[0], monthsAgo(1)).value).toBeNull();
      await importReports(admin, networkId, [
        { site: 'site-0', measure: fresh.key, month: monthsAgo(1), numerator: 45, denominator: 60 },
      ]);
      expect(pointOf((await ask()).sites[0], monthsAgo(1)).value).toBe(0.75);
      // A corrected number, not only a new one.
      await importReports(admin, networkId, [
        { site: 'site-0', measure: fresh.key, month: monthsAgo(1), numerator: 48, denominator: 60 },
      ]);
      expect(pointOf((await ask()).sites[0], monthsAgo(1)).value).toBe(0.8);
    });

    it('a P′ chart (Laney) fits a proportion', async () => {
      expect((await query({ chartType: 'P_PRIME' })).sites[0].chartType).toBe('P_PRIME');
    });
  });

  describe('network months not every site has reported', () => {
    // Sites 0 and 1 report from 4 months ago, site 2 joins 3 months ago; last month only site 0 has
    // reported, with a value far above the rest.
    let partial: TestMeasure;
    beforeAll(async () => {
      partial = await newMeasure(admin, networkId, 'PROPORTION', { direction: 'UP', defaultChart: 'P' });
      const rows: CsvRow[] = [4, 3, 2].flatMap((ago) =>
        [0, 1, 2]
          .filter((site) => site < 2 || ago < 4)
          .map((site) => ({
            site: `site-${site}`,
            measure: partial.key,
            month: monthsAgo(ago),
            numerator: 40 + site,
            denominator: 100,
          })),
      );
      rows.push({ site: 'site-0', measure: partial.key, month: monthsAgo(1), numerator: 95, denominator: 100 });
      await importReports(admin, networkId, rows);
    });
    const partialCharts = (variables: Record<string, unknown> = {}) => query({ measureId: partial.id, ...variables });

    it('are drawn, marked with how many sites reported, and left out of the limits and signals', async () => {
      const { network, sites: siteSeries } = await partialCharts();
      expect(pointOf(network, monthsAgo(1))).toMatchObject({
        value: 0.95,
        provisional: true,
        sitesReported: 1,
        sites: 3,
        inBaseline: false,
      });
      // A site that joined later does not make the months before it incomplete.
      expect(pointOf(network, monthsAgo(4))).toMatchObject({
        provisional: false,
        sitesReported: null,
        sites: null,
        inBaseline: true,
      });
      expect(pointOf(network, monthsAgo(1)).centre).toBeCloseTo((40 + 41 + 2 * (40 + 41 + 42)) / 800, 6);
      expect(network.signals.filter((s: any) => s.key !== 'pointExcluded')).toEqual([
        expect.objectContaining({
          key: 'incompleteMonth',
          month: monthsAgo(1),
          sitesReported: 1,
          sites: 3,
          leftOut: true,
        }),
      ]);
      // A site's own month is complete for that site.
      expect(pointOf(siteSeries[0], monthsAgo(1))).toMatchObject({
        value: 0.95,
        provisional: false,
        sitesReported: null,
      });
    });

    it('count when asked to, and are still said to be incomplete', async () => {
      const { network } = await partialCharts({ includeIncompleteMonths: true });
      expect(pointOf(network, monthsAgo(1))).toMatchObject({
        provisional: false,
        sitesReported: 1,
        sites: 3,
        inBaseline: true,
      });
      expect(pointOf(network, monthsAgo(1)).centre).toBeCloseTo((40 + 41 + 2 * (40 + 41 + 42) + 95) / 900, 6);
      expect(network.signals).toContainEqual(
        expect.objectContaining({ key: 'incompleteMonth', month: monthsAgo(1), leftOut: false }),
      );
    });

    it('end the funnel windows before them, and say so', async () => {
      const { funnels } = await partialCharts();
      expect(funnels.map((f: any) => f.toMonth)).toEqual([monthsAgo(2), monthsAgo(2), monthsAgo(2)]);
      expect(funnels[0].incompleteMonthsLeftOut).toEqual([{ month: monthsAgo(1), sitesReported: 1, sites: 3 }]);
      const included = (await partialCharts({ includeIncompleteMonths: true })).funnels[0];
      expect(included).toMatchObject({
        toMonth: monthsAgo(1),
        incompleteMonthsLeftOut: [],
        incompleteMonthsIncluded: [{ month: monthsAgo(1), sitesReported: 1, sites: 3 }],
      });
    });
  });

  it('I charts screen moving ranges by default, and not when asked', async () => {
    const mean = await newMeasure(admin, networkId, 'MEAN', { direction: 'DOWN', defaultChart: 'I' });
    // The worked example of shewhart.spec.ts: screened limits [7.930851, 18.569149], unscreened
    // [-0.289652, 26.789652]; the late 20 is a signal only with screening.
    const spike = [10, 11, 10, 12, 11, 30, 11, 10, 12, 11, 11, 20];
    await importReports(
      admin,
      networkId,
      spike.map((value, i) => ({
        site: 'site-0',
        measure: mean.key,
        month: monthsAgo(spike.length - i),
        denominator: 5,
        value,
      })),
    );
    const screened = (await query({ measureId: mean.id })).sites[0];
    const unscreened = (await query({ measureId: mean.id, screenMovingRanges: false })).sites[0];
    expect(pointOf(screened, monthsAgo(1)).upper).toBeCloseTo(18.569149, 5);
    expect(pointOf(unscreened, monthsAgo(1)).upper).toBeCloseTo(26.789652, 5);
    expect(pointOf(screened, monthsAgo(1)).beyondLimits).toBe('above');
    expect(pointOf(unscreened, monthsAgo(1)).beyondLimits).toBeNull();
  });

  describe('funnel plots', () => {
    it('compare sites over the last 3, 6 and 12 months with 95% and 99.8% limits around the network value', async () => {
      const { funnels } = await query();
      // The windows end with the latest month every site has reported (last month), not this month.
      expect(funnels.map((f: any) => [f.months, f.fromMonth, f.toMonth])).toEqual([
        [3, monthsAgo(3), monthsAgo(1)],
        [6, monthsAgo(6), monthsAgo(1)],
        [12, monthsAgo(12), monthsAgo(1)],
      ]);
      for (const funnel of funnels) {
        const reported = funnel.months;
        // Three sites are too few to estimate overdispersion: plain limits.
        expect(funnel).toMatchObject({
          phi: null,
          overdispersed: false,
          limitsWidenedBy: null,
          incompleteMonthsLeftOut: [],
          incompleteMonthsIncluded: [],
        });
        const aNumerators = A_NUMERATORS.slice(-reported);
        const aSum = aNumerators.reduce((s, n) => s + n, 0);
        expect(funnel.sitesLeftOut).toBe(0);
        const bySite = new Map(funnel.sites.map((s: any) => [s.site.id, s]));
        expect(bySite.get(sites[0].id)).toMatchObject({ denominator: 100 * reported });
        expect((bySite.get(sites[0].id) as any).value).toBeCloseTo(aSum / (100 * reported), 5);
        expect((bySite.get(sites[1].id) as any).value).toBeCloseTo(B.numerator / B.denominator, 5);
        expect(funnel.target).toBeCloseTo((aSum + reported * (B.numerator + C.numerator)) / (reported * 250), 5);
        expect(funnel.curve.length).toBeGreaterThan(10);
        for (const point of funnel.curve) {
          expect(point.lower998).toBeLessThanOrEqual(point.lower95);
          expect(point.lower95).toBeLessThanOrEqual(funnel.target);
          expect(point.upper95).toBeGreaterThanOrEqual(funnel.target);
          expect(point.upper998).toBeGreaterThanOrEqual(point.upper95);
        }
        // Site A at 80% against a network near 60% is far above; B at 33% far below.
        expect(bySite.get(sites[0].id)).toMatchObject({ position998: 'above', assessment: 'improvement' });
        expect(bySite.get(sites[1].id)).toMatchObject({ position998: 'below', assessment: 'deterioration' });
      }
    });

    it('a site without reports in the window is left out and counted', async () => {
      const site = await app.prisma.site.create({ data: { networkId, slug: 'site-new', name: 'Site New' } });
      try {
        const { funnels } = await query();
        expect(funnels.map((f: any) => f.sitesLeftOut)).toEqual([1, 1, 1]);
        expect(funnels[0].sites.map((s: any) => s.site.id)).not.toContain(site.id);
      } finally {
        await app.prisma.site.delete({ where: { id: site.id } });
      }
    });

    it('mean and count measures have no funnels', async () => {
      for (const kind of ['MEAN', 'COUNT'] as const) {
        const other = await newMeasure(admin, networkId, kind);
        const result = await member.client.ok(
          `query($id: ID!) { measureCharts(measureId: $id) { funnels { months } network { chartType } } }`,
          { id: other.id },
        );
        expect(result.measureCharts).toEqual({ funnels: [], network: { chartType: kind === 'MEAN' ? 'I' : 'C' } });
      }
    });
  });

  it("a measure's default chart must fit its kind, so its charts always draw", async () => {
    const result = await admin.client.gql(
      `mutation($n: ID!, $input: MeasureInput!) { createMeasure(networkId: $n, input: $input) { id } }`,
      {
        n: networkId,
        input: { key: 'wrong-chart', name: 'Wrong chart', kind: 'PROPORTION', direction: 'UP', defaultChart: 'C' },
      },
    );
    expect(errorOf(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.defaultChart' });
    const updated = await admin.client.gql(
      `mutation($id: ID!, $input: MeasureInput!) { updateMeasure(measureId: $id, input: $input) { id } }`,
      {
        id: measure.id,
        input: { key: measure.key, name: 'Renamed', kind: 'PROPORTION', direction: 'UP', defaultChart: 'U' },
      },
    );
    expect(errorOf(updated)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.defaultChart' });
  });

  it('an unknown or malformed measure id is NOT_FOUND or BAD_USER_INPUT', async () => {
    expect(errorOf(await member.client.gql(CHARTS, { measureId: '00000000-0000-4000-8000-000000000000' }))).toEqual({
      code: 'NOT_FOUND',
      field: undefined,
    });
    expect(errorOf(await member.client.gql(CHARTS, { measureId: 'remission' }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'measureId',
    });
  });

  it('a measure with no reports yet charts as empty series without failing', async () => {
    const empty = await newMeasure(admin, networkId, 'RATE');
    const result = await member.client.ok(CHARTS, { measureId: empty.id });
    expect(result.measureCharts.network.points.every((p: any) => p.value === null)).toBe(true);
    expect(result.measureCharts.network.signals).toContainEqual(
      expect.objectContaining({ key: 'limitsUnavailable', reason: 'NO_DATA' }),
    );
    expect(result.measureCharts.funnels.every((f: any) => f.sites.length === 0 && f.curve.length === 0)).toBe(true);
  });

  describe('funnels of overdispersed sites', () => {
    // Six sites, 500 patients a month each for the last 3 months, far apart. Worked with R's base
    // functions (shared/src/spc/fixtures/funnel-worked-values.R): θ = 0.266667, φ = 26.036932,
    // p ≈ 6e-32; the 95% upper limit at 1,500 patients is 0.380860 (0.289046 unadjusted).
    let od: { measure: TestMeasure; member: TestMember };
    beforeAll(async () => {
      const made = await app.newNetwork(6);
      const measure = await newMeasure(made.admin, made.network.id, 'PROPORTION', {
        direction: 'UP',
        defaultChart: 'P',
      });
      const monthly = [100, 150, 120, 180, 90, 160];
      await importReports(
        made.admin,
        made.network.id,
        [3, 2, 1].flatMap((ago) =>
          monthly.map((numerator, site) => ({
            site: `site-${site}`,
            measure: measure.key,
            month: monthsAgo(ago),
            numerator,
            denominator: 500,
          })),
        ),
      );
      od = { measure, member: made.admin };
    });
    const funnelsOf = async (variables: Record<string, unknown> = {}) =>
      (await od.member.client.ok(CHARTS, { measureId: od.measure.id, ...variables })).measureCharts.funnels;

    it('widen the limits by √φ and say φ', async () => {
      const [funnel] = await funnelsOf();
      expect(funnel).toMatchObject({ toMonth: monthsAgo(1), overdispersed: true });
      expect(funnel.target).toBeCloseTo(0.266667, 5);
      expect(funnel.phi).toBeCloseTo(26.036932, 5);
      expect(funnel.limitsWidenedBy).toBeCloseTo(26.036932, 5);
      const at1500 =
        funnel.curve.find((p: any) => Math.abs(p.denominator - 1500) < 1e-6) ??
        funnel.curve.reduce((a: any, b: any) =>
          Math.abs(b.denominator - 1500) < Math.abs(a.denominator - 1500) ? b : a,
        );
      const expected = 0.266667 + 1.96 * Math.sqrt((26.036932 * 0.266667 * 0.733333) / at1500.denominator);
      expect(at1500.upper95).toBeCloseTo(expected, 4);
      // With limits that allow for the spread, no site is "very unlikely to be chance".
      expect(funnel.sites.filter((s: any) => s.position998 !== 'within')).toEqual([]);
    });

    it('switch to the plain limits when asked, still saying φ', async () => {
      const [funnel] = await funnelsOf({ adjustFunnels: false });
      expect(funnel).toMatchObject({ overdispersed: true, limitsWidenedBy: null });
      expect(funnel.phi).toBeCloseTo(26.036932, 5);
      expect(funnel.sites.filter((s: any) => s.position998 !== 'within').length).toBeGreaterThanOrEqual(4);
    });
  });
});
