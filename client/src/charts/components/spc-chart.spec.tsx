import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PointData } from '../chart-data';
import { CHART_COLOURS } from '../colours';
import type { PdsaBand } from '../pdsa-bands';
import { SpcChart, type SpcChartProps } from './spc-chart';
import { chartPoint } from '../../test-support/chart-points';

const point = (month: string, value: number | null, extra: Partial<PointData> = {}): PointData =>
  chartPoint(month, value, {
    numerator: value === null ? null : { value: Math.round(value * 80), label: null },
    denominator: value === null ? null : { value: 80, label: null },
    ...extra,
  });

// Two phases; a month beyond the limits; a long run of three months; a month left out; a last
// month only 6 of 8 sites have reported.
const points: PointData[] = [
  point('2025-01', 0.55),
  point('2025-02', 0.9, { beyondLimits: 'above' }),
  point('2025-03', 0.62),
  point('2025-04', null),
  point('2025-05', 0.7, { phase: 1, centre: 0.68, lower: 0.5, upper: 0.86, inLongRun: true }),
  point('2025-06', 0.72, { phase: 1, centre: 0.68, lower: 0.5, upper: 0.86, inLongRun: true }),
  point('2025-07', 0.74, { phase: 1, centre: 0.68, lower: 0.5, upper: 0.86, inLongRun: true }),
  point('2025-08', 0.66, {
    phase: 1,
    centre: null,
    lower: null,
    upper: null,
    provisional: true,
    sitesReported: 6,
    sites: 8,
  }),
];

const chart = (extra: { compact?: true; height?: number; points?: PointData[]; bands?: PdsaBand[] } = {}) => {
  const props = {
    points,
    kind: 'PROPORTION',
    chartType: 'P',
    target: 0.8,
    title: 'Remission: Riverside',
    description: 'A chart of 8 months.',
    ...extra,
  } as SpcChartProps;
  return render(<SpcChart {...props} />);
};

describe('SpcChart', () => {
  it('is a named, described chart with its phases, limits, signals, run, gap and partly reported month', () => {
    const { container } = chart();
    const svg = screen.getByRole('application', { name: 'Remission: Riverside' });
    expect(svg).toHaveAccessibleDescription('A chart of 8 months.');
    expect(svg).toHaveAttribute('tabindex', '0');
    // Centre line and both limits in each phase, as steps that stop between phases.
    expect(container.querySelectorAll('.chart-line--centre')).toHaveLength(2);
    expect(container.querySelectorAll('.chart-line--upper')).toHaveLength(2);
    expect(container.querySelectorAll('.chart-line--lower')).toHaveLength(2);
    // The month left out breaks the value line in two.
    const valueLine = container.querySelector('.chart-line--value')!.getAttribute('d')!;
    expect(valueLine.match(/M/g)).toHaveLength(2);
    expect(container.querySelectorAll('.phase-line')).toHaveLength(1);
    expect(screen.getByText('Phase 2')).toBeInTheDocument();
    expect(screen.getByText('Target 80%')).toBeInTheDocument();
    // The long run is one band; the month beyond the limits is a red diamond.
    expect(container.querySelectorAll('.run-band')).toHaveLength(1);
    expect(container.querySelectorAll(`.chart-point path[fill="${CHART_COLOURS.beyond}"]`)).toHaveLength(1);
    // The month not every site has reported: a hollow point, with how many have.
    expect(screen.getByText('6/8')).toBeInTheDocument();
    expect(container.querySelectorAll('.chart-point circle[fill="#fff"]')).toHaveLength(1);
    expect(container.querySelectorAll('.chart-point')).toHaveLength(7);
  });

  it('shows the baseline and the PDSA cycles with their letters', () => {
    const baselined = points.map((p, index) => ({ ...p, inBaseline: index < 2 }));
    const { container } = chart({
      points: baselined,
      bands: [{ cycleId: 'c1', marker: 'A', from: '2025-05', to: '2025-06' }],
    });
    expect(screen.getByText('Baseline')).toBeInTheDocument();
    expect(container.querySelectorAll('.baseline-area')).toHaveLength(1);
    expect(container.querySelectorAll('.pdsa-band')).toHaveLength(1);
    expect(screen.getByText('A', { selector: 'text' })).toBeInTheDocument();
  });

  it('goes from month to month with the keyboard, shows each and reads it out', async () => {
    chart();
    const svg = screen.getByRole('application', { name: 'Remission: Riverside' });
    const shown = () => document.querySelector('.chart-tooltip-position')?.textContent ?? null;
    const heard = () => document.querySelector('[aria-live="polite"]')!.textContent;
    await userEvent.tab();
    expect(svg).toHaveFocus();
    expect(shown()).toMatch(/^Jan 202555%44 of 80$/);
    await userEvent.keyboard('{ArrowRight}');
    expect(shown()).toMatch(/^Feb 202590%72 of 80above the expected range$/);
    expect(heard()).toBe(shown());
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    expect(shown()).toMatch(/^Apr 2025left out/i);
    await userEvent.keyboard('{End}');
    expect(shown()).toMatch(/^Aug 2025/);
    await userEvent.keyboard('{ArrowRight}');
    expect(shown()).toMatch(/^Aug 2025/);
    await userEvent.keyboard('{Enter}');
    expect(shown()).toBeNull();
    await userEvent.keyboard('{Enter}');
    expect(shown()).toMatch(/^Aug 2025/);
    fireEvent.blur(svg);
    expect(shown()).toBeNull();
  });

  it('draws a small multiple as a picture: no tab stop, no month labels, only the signal points', () => {
    const { container } = chart({ compact: true, height: 120 });
    const svg = screen.getByRole('img', { name: 'Remission: Riverside' });
    expect(svg).not.toHaveAttribute('tabindex');
    expect(screen.queryByText('Jan 2025')).not.toBeInTheDocument();
    expect(screen.queryByText('6/8')).not.toBeInTheDocument();
    expect(screen.queryByText('Target 80%')).not.toBeInTheDocument();
    // The month beyond the limits and the partly reported month are marked; ordinary months are not.
    expect(container.querySelectorAll('.chart-point')).toHaveLength(2);
  });
});
