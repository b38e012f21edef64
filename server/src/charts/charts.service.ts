import { Injectable } from '@nestjs/common';
import {
  type Actor,
  can,
  type ChartPoint,
  type ChartType,
  compareMonthKeys,
  type DisplayedNumber,
  type DisplayedSiteCell,
  funnelCurve,
  type FunnelSite,
  funnelPlot,
  type MonthKey,
  monthRange,
  addMonths,
  parseMonthKey,
  spcChart,
  type SpcChart,
  type SpcOptions,
  type SpcSignal,
  suppressSmallCells,
} from '@commons/shared';
import { MeasuresService } from '../measures/measures.service';
import type { MeasureRow } from '../measures/measure.select';
import { currentMonth, monthOf } from '../measures/network-months';
import { VisibleReportsService, type VisibleReports } from '../measures/visible-reports.service';
import { NetworkService } from '../networks/network.service';
import { AccessService } from '../platform/auth/access.service';
import type { Viewer } from '../platform/auth/viewer';
import { invalid, notFound, requireId } from '../platform/graphql/app-error';
import { ChartsCache } from './charts-cache';
import type {
  ChartPointView,
  ChartSignal,
  FunnelView,
  MeasureCharts,
  SeriesChart,
  ShownCount,
} from './models/chart.model';

export interface ChartOptions {
  chartType?: ChartType | null;
  /** Freeze centre and limits on the first N months. */
  baselineMonths?: number | null;
  /** Months at which a new phase starts. */
  phaseStarts?: string[] | null;
  /** I and p′ charts: screen moving ranges (Nelson 1982). Default true. */
  screenMovingRanges?: boolean | null;
  /** Count pooled months not every site has reported yet in limits, signals and funnels. Default false. */
  includeIncompleteMonths?: boolean | null;
  /** Widen funnel limits when the sites are overdispersed. Default true. */
  adjustFunnels?: boolean | null;
}

/** How many sites reported a month, against how many report this measure by then. */
interface MonthCoverage {
  sitesReported: number;
  sites: number;
}

const FUNNEL_WINDOWS = [3, 6, 12];

/** Six decimals are far finer than any chart or table shows, and the short numbers make the response a third smaller. */
const rounded = (x: number | null): number | null => (x === null ? null : Math.round(x * 1e6) / 1e6);
const shown = (n: DisplayedNumber<string> | null): ShownCount | null =>
  n ? (n.shown ? { value: n.value, label: null } : { value: null, label: n.label }) : null;

/** Chart data for a measure, computed by the shared SPC engine from what the viewer may see. */
@Injectable()
export class ChartsService {
  private readonly cache = new ChartsCache();

  constructor(
    private readonly measures: MeasuresService,
    private readonly visible: VisibleReportsService,
    private readonly networks: NetworkService,
    private readonly access: AccessService,
  ) {}

  async measureCharts(viewer: Viewer, measureId: string, options: ChartOptions): Promise<MeasureCharts> {
    const measure = await this.measures.find(requireId(measureId, 'measureId'));
    if (!measure) throw notFound('Measure');
    // One round trip for both: the network row is only used once access is granted.
    const [actor, network] = await Promise.all([
      this.access.require(viewer, measure.networkId, 'measure.viewReports'),
      this.networks.byId(measure.networkId),
    ]);
    const months = monthRange(monthOf(network.startedOn), currentMonth());
    const phaseStarts = (options.phaseStarts ?? []).map((m, i) => {
      if (!months.includes(m as MonthKey)) throw invalid(`phaseStarts.${i}`, 'not_in_network', { kind: 'month' });
      return parseMonthKey(m);
    });
    if (options.baselineMonths != null && (options.baselineMonths < 2 || options.baselineMonths > months.length)) {
      throw invalid('baselineMonths', 'out_of_range', { min: 2, max: months.length });
    }
    const spcOptions: SpcOptions = {
      kind: measure.kind,
      direction: measure.direction,
      chart: options.chartType ?? measure.defaultChart,
      baseline: options.baselineMonths ? { firstPoints: options.baselineMonths } : undefined,
      phaseStarts,
      screenMovingRanges: options.screenMovingRanges ?? true,
    };
    const pooling = {
      includeIncomplete: options.includeIncompleteMonths ?? false,
      adjustFunnels: options.adjustFunnels ?? true,
    };
    const [sites, version] = await Promise.all([
      this.networks.sitesOf(measure.networkId),
      this.visible.reportsVersion(measure.id),
    ]);
    const cacheKey = JSON.stringify([
      measure,
      spcOptions,
      pooling,
      months[0],
      months[months.length - 1],
      network.suppressionThreshold,
      sites,
      sites.filter((site) => can(actor, 'measure.viewUnsuppressed', { siteId: site.id })).map((site) => site.id),
    ]);
    const cached = this.cache.get(cacheKey, version);
    if (cached) return cached;
    const charts = await this.compute(actor, measure, months, spcOptions, pooling);
    this.cache.set(cacheKey, version, charts);
    return charts;
  }

  private async compute(
    actor: Actor,
    measure: MeasureRow,
    months: MonthKey[],
    spcOptions: SpcOptions,
    pooling: { includeIncomplete: boolean; adjustFunnels: boolean },
  ): Promise<MeasureCharts> {
    const data = await this.visible.forMeasures(actor, measure.networkId, [measure]);
    const safeChart = (points: ChartPoint[], options: SpcOptions = spcOptions) => {
      try {
        return spcChart(points, options);
      } catch (error) {
        if (error instanceof RangeError)
          throw invalid('chartType', 'chart_does_not_fit', { chart: options.chart ?? '', kind: options.kind });
        throw error;
      }
    };

    const networkPoints = months.map((month) => {
      const total = data.suppression.totals.find((t) => t.month === month);
      if (!total) return { month };
      if (total.kind === 'COUNT') return total.value?.shown ? { month, value: total.value.value } : { month };
      if (!total.numerator?.shown || !total.denominator?.shown) return { month };
      return measure.kind === 'MEAN'
        ? { month, value: total.ratio?.shown ? total.ratio.value : undefined }
        : { month, numerator: total.numerator.value, denominator: total.denominator.value };
    });
    // The pooled counts behind each network point, as the viewer may see them (a withheld total leaves its point out).
    const networkCells = new Map<string, ShownCells>(
      data.suppression.totals.map((t) => {
        const numbers =
          t.kind === 'COUNT'
            ? [t.value]
            : measure.kind === 'MEAN'
              ? [t.denominator, t.ratio]
              : [t.numerator, t.denominator];
        const cell =
          t.kind === 'COUNT'
            ? { numerator: null, denominator: null }
            : { numerator: t.numerator, denominator: t.denominator };
        return [
          t.month,
          {
            numerator: cell.numerator,
            denominator: cell.denominator,
            suppressed: numbers.some((n) => n?.shown === false),
          },
        ];
      }),
    );
    const coverage = monthCoverage(data, measure.key, months);
    const incomplete = months.filter((month) => isIncomplete(coverage.get(month)));
    const networkChart = toSeries(
      null,
      true,
      safeChart(
        networkPoints,
        pooling.includeIncomplete ? spcOptions : { ...spcOptions, provisionalMonths: incomplete },
      ),
      networkCells,
      coverage,
    );
    // Say which pooled months not every site has reported, and whether they were left out.
    networkChart.signals.push(
      ...incomplete.map((month) =>
        signalView({ key: 'incompleteMonth', month, ...coverage.get(month)!, leftOut: !pooling.includeIncomplete }),
      ),
    );

    const sites = data.sites.map((site) => {
      const cells = data.cellsBySite.get(`${site.id}|${measure.key}`) ?? new Map<string, DisplayedSiteCell>();
      const points: ChartPoint[] = months.map((month) => pointOf(month, cells.get(month), measure.kind));
      return toSeries(site, data.fullyVisibleSiteIds.has(site.id), safeChart(points), cells);
    });

    const funnels =
      measure.kind === 'PROPORTION' || measure.kind === 'RATE'
        ? this.funnels(measure, data, months, coverage, pooling)
        : [];
    return { measure, suppressionThreshold: data.threshold, network: networkChart, sites, funnels };
  }

  private funnels(
    measure: { key: string; kind: 'PROPORTION' | 'RATE' | 'MEAN' | 'COUNT'; direction: 'UP' | 'DOWN' },
    data: VisibleReports,
    months: MonthKey[],
    coverage: Map<MonthKey, MonthCoverage>,
    pooling: { includeIncomplete: boolean; adjustFunnels: boolean },
  ): FunnelView[] {
    // Windows end with the latest month with reports; by default the latest month every site has
    // reported, so sites are compared over the same months.
    const reported = months.filter((month) => (coverage.get(month)?.sitesReported ?? 0) > 0);
    const usable = pooling.includeIncomplete
      ? reported
      : reported.filter((month) => !isIncomplete(coverage.get(month)));
    const last = usable[usable.length - 1] ?? months[months.length - 1];
    const later = months.filter((month) => compareMonthKeys(month, last) > 0 && isIncomplete(coverage.get(month)));
    const incompleteIn = (from: MonthKey) =>
      months.filter(
        (month) =>
          compareMonthKeys(month, from) >= 0 && compareMonthKeys(month, last) <= 0 && isIncomplete(coverage.get(month)),
      );
    return FUNNEL_WINDOWS.map((windowMonths) => {
      const from = addMonths(last, -(windowMonths - 1));
      // Window sums are cells of their own: small sums of other sites are suppressed too.
      const cells = data.sites.map((site) => {
        let numerator = 0;
        let denominator = 0;
        for (const [month, cell] of data.cellsBySite.get(`${site.id}|${measure.key}`) ?? []) {
          if (compareMonthKeys(month as MonthKey, from) < 0 || compareMonthKeys(month as MonthKey, last) > 0) continue;
          if (cell.numerator?.shown && cell.denominator?.shown) {
            numerator += cell.numerator.value;
            denominator += cell.denominator.value;
          } else if (cell.suppressed)
            return { siteId: site.id, month: from, measureKey: measure.key, numerator: null, denominator: null };
        }
        return {
          siteId: site.id,
          month: from,
          measureKey: measure.key,
          numerator: denominator ? numerator : null,
          denominator: denominator || null,
        };
      });
      const visible = suppressSmallCells({
        threshold: data.threshold,
        fullyVisibleSiteIds: data.fullyVisibleSiteIds,
        measureKinds: { [measure.key]: measure.kind },
        cells,
      });
      const funnelSites: FunnelSite[] = visible.cells
        .filter((c) => !c.suppressed && c.numerator?.shown && c.denominator?.shown)
        .map((c) => ({
          site: c.siteId,
          numerator: (c.numerator as { value: number }).value,
          denominator: (c.denominator as { value: number }).value,
        }));
      const kind = measure.kind as 'PROPORTION' | 'RATE';
      const plot = funnelPlot(kind, funnelSites, measure.direction, { adjustForOverdispersion: pooling.adjustFunnels });
      const denominators = plot.sites.map((s) => s.denominator);
      const curve =
        plot.target !== null && denominators.length
          ? funnelCurve(
              kind,
              plot.target,
              Math.max(1, Math.min(...denominators) / 2),
              Math.max(...denominators) * 1.5,
              60,
              plot.limitsWidenedBy ?? 1,
            )
          : [];
      const siteById = new Map(data.sites.map((s) => [s.id, s]));
      const monthsOf = (list: MonthKey[]) => list.map((month) => ({ month, ...coverage.get(month)! }));
      return {
        months: windowMonths,
        fromMonth: from,
        toMonth: last,
        target: plot.target,
        sites: plot.sites.map((s) => ({
          site: siteById.get(s.site)!,
          value: rounded(s.value)!,
          denominator: s.denominator,
          position95: s.position95,
          position998: s.position998,
          assessment: s.assessment,
        })),
        sitesLeftOut: data.sites.length - plot.sites.length,
        phi: plot.overdispersion ? rounded(plot.overdispersion.phi) : null,
        overdispersed: plot.overdispersion?.overdispersed ?? false,
        limitsWidenedBy: plot.limitsWidenedBy === null ? null : rounded(plot.limitsWidenedBy),
        incompleteMonthsLeftOut: monthsOf(later),
        incompleteMonthsIncluded: monthsOf(incompleteIn(from)),
        curve: curve.map((p) => ({
          denominator: rounded(p.denominator)!,
          lower95: rounded(p.band95.lower)!,
          upper95: rounded(p.band95.upper)!,
          lower998: rounded(p.band998.lower)!,
          upper998: rounded(p.band998.upper)!,
        })),
      };
    });
  }
}

/**
 * For each month, how many sites submitted this measure, against how many sites report it by then
 * (a site counts from its first submitted month, so a site that joins later does not make every
 * earlier month incomplete). Suppressed cells count: a count of sites identifies no one.
 */
function monthCoverage(
  data: VisibleReports,
  measureKey: string,
  months: readonly MonthKey[],
): Map<MonthKey, MonthCoverage> {
  const firstMonths: MonthKey[] = [];
  const reportedBy = new Map<string, number>();
  for (const site of data.sites) {
    const cells = data.cellsBySite.get(`${site.id}|${measureKey}`);
    if (!cells || cells.size === 0) continue;
    let first: MonthKey | null = null;
    for (const month of cells.keys()) {
      reportedBy.set(month, (reportedBy.get(month) ?? 0) + 1);
      if (first === null || compareMonthKeys(month as MonthKey, first) < 0) first = month as MonthKey;
    }
    firstMonths.push(first!);
  }
  return new Map(
    months.map((month) => [
      month,
      {
        sitesReported: reportedBy.get(month) ?? 0,
        sites: firstMonths.filter((first) => compareMonthKeys(first, month) <= 0).length,
      },
    ]),
  );
}

/** A pooled month some, but not all, reporting sites have submitted. */
const isIncomplete = (coverage: MonthCoverage | undefined): boolean =>
  coverage !== undefined && coverage.sitesReported > 0 && coverage.sitesReported < coverage.sites;

function pointOf(
  month: MonthKey,
  cell: DisplayedSiteCell | undefined,
  kind: string,
): ChartPoint & { suppressed?: boolean } {
  if (!cell) return { month };
  if (cell.suppressed) return { month, suppressed: true };
  const num = cell.numerator?.shown ? cell.numerator.value : undefined;
  const den = cell.denominator?.shown ? cell.denominator.value : undefined;
  const value = cell.value?.shown ? cell.value.value : undefined;
  if (kind === 'COUNT') return { month, value };
  if (kind === 'MEAN') return { month, value, denominator: den };
  return { month, numerator: num, denominator: den };
}

/** What a chart point shows of its counts: a site's displayed cell, or a displayed network total. */
type ShownCells = Pick<DisplayedSiteCell, 'suppressed'> & {
  numerator: DisplayedNumber<string> | null;
  denominator: DisplayedNumber<string> | null;
};

function toSeries(
  site: SeriesChart['site'],
  fullyVisible: boolean,
  chart: SpcChart,
  cells: Map<string, ShownCells>,
  coverage?: Map<MonthKey, MonthCoverage>,
): SeriesChart {
  const points: ChartPointView[] = chart.points.map((point) => {
    const cell = cells.get(point.month);
    const covered = coverage?.get(point.month);
    return {
      month: point.month,
      value: rounded(point.value),
      excluded: cell?.suppressed ? 'SUPPRESSED' : point.excluded,
      provisional: point.provisional,
      sitesReported: covered && isIncomplete(covered) ? covered.sitesReported : null,
      sites: covered && isIncomplete(covered) ? covered.sites : null,
      numerator: shown(cell?.numerator ?? null),
      denominator: shown(cell?.denominator ?? null),
      phase: point.phase,
      inBaseline: point.inBaseline,
      centre: rounded(point.centre),
      lower: rounded(point.lower),
      upper: rounded(point.upper),
      beyondLimits: point.beyondLimits,
      inLongRun: point.inLongRun,
    };
  });
  const signals: ChartSignal[] = chart.signals
    // A suppressed month is not "missing data": it is withheld, and the point view says so.
    .filter((signal) => !(signal.key === 'pointExcluded' && cells.get(signal.month)?.suppressed))
    .map(signalView);
  return { site, fullyVisible, chartType: chart.chart, points, signals };
}

/** A signal with every field the GraphQL type has; spelled out, since spreading over defaults is slow here. */
function signalView(signal: SpcSignal): ChartSignal {
  const fields: Partial<Record<string, string | number | boolean>> = signal;
  const text = (name: string) => (fields[name] as string | undefined) ?? null;
  const number = (name: string) => (fields[name] as number | undefined) ?? null;
  return {
    before: number('before'),
    after: number('after'),
    sitesReported: number('sitesReported'),
    sites: number('sites'),
    leftOut: (fields.leftOut as boolean | undefined) ?? null,
    key: signal.key,
    phase: number('phase'),
    side: text('side'),
    length: number('length'),
    fromMonth: text('fromMonth'),
    toMonth: text('toMonth'),
    month: text('month'),
    crossings: number('crossings'),
    expectedAtLeast: number('expectedAtLeast'),
    months: number('months'),
    centre: text('centre'),
    assessment: text('assessment'),
    reason: text('reason'),
  };
}
