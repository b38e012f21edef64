import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ChartControls } from './chart-controls';

const months = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'];

describe('ChartControls', () => {
  it.each([
    [
      'PROPORTION',
      [
        'P chart (proportions)',
        'P′ chart (proportions, very large numbers)',
        'I chart (individual values)',
        'Run chart (median)',
      ],
    ],
    ['RATE', ['U chart (rates)', 'I chart (individual values)', 'Run chart (median)']],
    ['COUNT', ['C chart (counts)', 'I chart (individual values)', 'Run chart (median)']],
    ['MEAN', ['I chart (individual values)', 'Run chart (median)']],
  ] as const)('offers only the chart types that fit a %s measure', (kind, labels) => {
    render(
      <ChartControls
        kind={kind}
        chartType="RUN"
        defaultChart="RUN"
        baseline={null}
        phases={[]}
        months={months}
        onChange={() => undefined}
      />,
    );
    const select = screen.getByLabelText('Chart type');
    expect(
      within(select)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(labels);
  });

  it('reports each setting, leaving the default chart type out of the address', async () => {
    const onChange = vi.fn();
    render(
      <ChartControls
        kind="PROPORTION"
        chartType="P"
        defaultChart="P"
        baseline={null}
        phases={[]}
        months={months}
        onChange={onChange}
      />,
    );
    await userEvent.selectOptions(screen.getByLabelText('Chart type'), 'RUN');
    expect(onChange).toHaveBeenLastCalledWith({ chart: 'RUN' });
    await userEvent.selectOptions(screen.getByLabelText('Chart type'), 'P');
    expect(onChange).toHaveBeenLastCalledWith({ chart: null });

    const baseline = screen.getByLabelText('Freeze the lines on the first months');
    await userEvent.type(baseline, '9');
    await userEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(baseline).toHaveAccessibleDescription(/Enter a number from 2 to 6\.$/);
    await userEvent.clear(baseline);
    await userEvent.type(baseline, '4');
    await userEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(onChange).toHaveBeenLastCalledWith({ baseline: 4 });

    await userEvent.selectOptions(screen.getByLabelText('Start a new phase from'), '2025-04');
    await userEvent.click(screen.getByRole('button', { name: 'Add phase' }));
    expect(onChange).toHaveBeenLastCalledWith({ phases: ['2025-04'] });
  });

  it('stays open while settings change, whether or not the chart ends up customised', async () => {
    const onChange = vi.fn();
    const { rerender } = render(
      <ChartControls
        kind="PROPORTION"
        chartType="P"
        defaultChart="P"
        baseline={null}
        phases={[]}
        months={months}
        onChange={onChange}
      />,
    );
    const panel = screen.getByText('Chart settings: type, baseline and phases').closest('details')!;
    expect(panel.open).toBe(false);
    await userEvent.click(screen.getByText('Chart settings: type, baseline and phases'));
    expect(panel.open).toBe(true);
    await userEvent.selectOptions(screen.getByLabelText('Chart type'), 'RUN');
    rerender(
      <ChartControls
        kind="PROPORTION"
        chartType="RUN"
        defaultChart="P"
        baseline={null}
        phases={[]}
        months={months}
        onChange={onChange}
      />,
    );
    expect(panel.open).toBe(true);
    await userEvent.selectOptions(screen.getByLabelText('Chart type'), 'P');
    rerender(
      <ChartControls
        kind="PROPORTION"
        chartType="P"
        defaultChart="P"
        baseline={null}
        phases={[]}
        months={months}
        onChange={onChange}
      />,
    );
    expect(panel.open).toBe(true);
  });

  it('offers screened moving ranges for I and p′ charts only, and counting incomplete months for every chart', async () => {
    const onChange = vi.fn();
    const { rerender } = render(
      <ChartControls
        kind="PROPORTION"
        chartType="P"
        defaultChart="P"
        baseline={null}
        phases={[]}
        months={months}
        onChange={onChange}
      />,
    );
    expect(screen.queryByLabelText('Screen moving ranges (recommended)')).not.toBeInTheDocument();
    await userEvent.click(screen.getByLabelText('Count months not every site has reported yet'));
    expect(onChange).toHaveBeenLastCalledWith({ includeIncomplete: true });

    rerender(
      <ChartControls
        kind="PROPORTION"
        chartType="P_PRIME"
        defaultChart="P"
        baseline={null}
        phases={[]}
        months={months}
        onChange={onChange}
      />,
    );
    const screened = screen.getByLabelText('Screen moving ranges (recommended)');
    expect(screened).toBeChecked();
    await userEvent.click(screened);
    expect(onChange).toHaveBeenLastCalledWith({ screened: false });
  });
});
