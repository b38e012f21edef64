import { describe, expect, it } from 'vitest';
import { chartTypesFor, hasLimits, isChartTypeFor } from './chart-types';
import { readChartParams, writeChartParams } from './hooks/use-chart-params';

describe('chart types per kind of measure', () => {
  it.each([
    ['PROPORTION', ['P', 'P_PRIME', 'I', 'RUN']],
    ['RATE', ['U', 'I', 'RUN']],
    ['COUNT', ['C', 'I', 'RUN']],
    ['MEAN', ['I', 'RUN']],
  ] as const)('a %s measure may be drawn as %j', (kind, charts) => {
    expect(chartTypesFor(kind)).toEqual(charts);
  });

  it('refuses a chart that does not fit the kind', () => {
    expect(isChartTypeFor('MEAN', 'P')).toBe(false);
    expect(isChartTypeFor('COUNT', 'U')).toBe(false);
    expect(isChartTypeFor('RATE', 'U')).toBe(true);
    expect(isChartTypeFor('RATE', 'nonsense')).toBe(false);
    expect(isChartTypeFor('RATE', null)).toBe(false);
  });

  it('knows that only the run chart has no limits', () => {
    expect(hasLimits('RUN')).toBe(false);
    expect(hasLimits('P_PRIME')).toBe(true);
  });
});

describe('chart settings in the address', () => {
  it('reads valid settings and ignores anything malformed', () => {
    const params = new URLSearchParams(
      'site=s1&chart=RUN&baseline=6&phase=2025-09&phase=2025-03&phase=2025-03&phase=nope&funnel=6&mr=unscreened&incomplete=include&funnelLimits=plain',
    );
    expect(readChartParams(params)).toEqual({
      site: 's1',
      chart: 'RUN',
      baseline: 6,
      phases: ['2025-03', '2025-09'],
      funnel: 6,
      screened: false,
      includeIncomplete: true,
      adjustFunnels: false,
    });
    expect(readChartParams(new URLSearchParams('chart=X&baseline=1&funnel=7&mr=x&incomplete=yes'))).toEqual({
      site: null,
      chart: null,
      baseline: null,
      phases: [],
      funnel: 12,
      screened: true,
      includeIncomplete: false,
      adjustFunnels: true,
    });
  });

  it('writes the moving-range, incomplete-month and funnel options only when they differ from the defaults', () => {
    const next = writeChartParams(new URLSearchParams(), {
      screened: false,
      includeIncomplete: true,
      adjustFunnels: false,
    });
    expect(next.toString()).toBe('mr=unscreened&incomplete=include&funnelLimits=plain');
    expect(writeChartParams(next, { screened: true, includeIncomplete: false, adjustFunnels: true }).toString()).toBe(
      '',
    );
  });

  it('writes changes and leaves defaults out of the address', () => {
    const next = writeChartParams(new URLSearchParams('site=s1&chart=RUN'), {
      chart: null,
      baseline: 8,
      phases: ['2025-09', '2025-03'],
      funnel: 12,
    });
    expect(next.toString()).toBe('site=s1&baseline=8&phase=2025-03&phase=2025-09');
    expect(writeChartParams(next, { phases: [], baseline: null, funnel: 3 }).toString()).toBe('site=s1&funnel=3');
  });
});
