import { CHART_TYPES, type ChartType, isMonthKey } from '@commons/shared';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useSearchUpdate } from '../../app/hooks/use-search-update';
import { FUNNEL_WINDOWS, type FunnelWindow } from '../chart-types';

/** A chart page's settings as they appear in the address bar, so a chart can be shared as it is seen. */
export interface ChartParams {
  /** A site id, 'network' for all sites, or null for the default (the member's own site, else the network). */
  site: string | null;
  chart: ChartType | null;
  /** Freeze centre line and limits on the first N months. */
  baseline: number | null;
  /** Months where a new phase starts, in order. */
  phases: string[];
  funnel: FunnelWindow;
  /** I and p′ charts: screen moving ranges (Nelson 1982); false in the address as `mr=unscreened`. */
  screened: boolean;
  /** Count network months not every site has reported yet; true in the address as `incomplete=include`. */
  includeIncomplete: boolean;
  /** Widen funnel limits for overdispersion; false in the address as `funnelLimits=plain`. */
  adjustFunnels: boolean;
}

const isChartType = (value: string | null): value is ChartType =>
  value !== null && (CHART_TYPES as readonly string[]).includes(value);

/** Reads the chart settings from search parameters; anything malformed is ignored. */
export function readChartParams(params: URLSearchParams): ChartParams {
  const chart = params.get('chart');
  const baseline = Number(params.get('baseline'));
  const funnel = Number(params.get('funnel'));
  return {
    site: params.get('site') || null,
    chart: isChartType(chart) ? chart : null,
    baseline: Number.isInteger(baseline) && baseline >= 2 ? baseline : null,
    phases: [...new Set(params.getAll('phase').filter(isMonthKey))].sort(),
    funnel: (FUNNEL_WINDOWS as readonly number[]).includes(funnel) ? (funnel as FunnelWindow) : 12,
    screened: params.get('mr') !== 'unscreened',
    includeIncomplete: params.get('incomplete') === 'include',
    adjustFunnels: params.get('funnelLimits') !== 'plain',
  };
}

/** Writes changed settings into search parameters; defaults are left out of the address. */
export function writeChartParams(current: URLSearchParams, changes: Partial<ChartParams>): URLSearchParams {
  const next = new URLSearchParams(current);
  const set = (name: string, value: string | null) => (value === null ? next.delete(name) : next.set(name, value));
  if ('site' in changes) set('site', changes.site ?? null);
  if ('chart' in changes) set('chart', changes.chart ?? null);
  if ('baseline' in changes) set('baseline', changes.baseline ? String(changes.baseline) : null);
  if ('funnel' in changes) set('funnel', changes.funnel && changes.funnel !== 12 ? String(changes.funnel) : null);
  if ('screened' in changes) set('mr', changes.screened === false ? 'unscreened' : null);
  if ('includeIncomplete' in changes) set('incomplete', changes.includeIncomplete ? 'include' : null);
  if ('adjustFunnels' in changes) set('funnelLimits', changes.adjustFunnels === false ? 'plain' : null);
  if (changes.phases) {
    next.delete('phase');
    for (const month of [...new Set(changes.phases)].sort()) next.append('phase', month);
  }
  return next;
}

/** The chart settings of the current address, and a way to change some of them. */
export function useChartParams() {
  const [searchParams] = useSearchParams();
  const updateSearch = useSearchUpdate();
  const params = useMemo(() => readChartParams(searchParams), [searchParams]);
  const update = useCallback(
    (changes: Partial<ChartParams>) => updateSearch((current) => writeChartParams(current, changes)),
    [updateSearch],
  );
  return { params, update };
}
