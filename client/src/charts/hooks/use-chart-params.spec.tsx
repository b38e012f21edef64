import { act, render } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { useChartParams } from './use-chart-params';

describe('useChartParams', () => {
  it('keeps earlier settings when another one changes', () => {
    let update: ReturnType<typeof useChartParams>['update'] = () => undefined;
    let search = '';
    function Probe() {
      update = useChartParams().update;
      search = useLocation().search;
      return null;
    }
    render(
      <MemoryRouter initialEntries={['/n/ibd/measures/m1']}>
        <Probe />
      </MemoryRouter>,
    );
    act(() => update({ chart: 'RUN' }));
    act(() => update({ baseline: 6 }));
    act(() => update({ phases: ['2025-11'] }));
    expect(search).toBe('?chart=RUN&baseline=6&phase=2025-11');
  });
});
