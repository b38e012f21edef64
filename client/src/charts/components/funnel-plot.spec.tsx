import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { type FunnelData, FunnelPlot } from './funnel-plot';

const funnel = (overrides: Partial<FunnelData> = {}): FunnelData => ({
  months: 12,
  fromMonth: '2025-11',
  toMonth: '2026-10',
  target: 0.6,
  sitesLeftOut: 0,
  phi: 26.036932,
  overdispersed: true,
  limitsWidenedBy: 26.036932,
  incompleteMonthsLeftOut: [{ month: '2026-11', sitesReported: 5, sites: 8 }],
  incompleteMonthsIncluded: [],
  sites: [
    {
      site: { id: 's1', name: 'Riverside' },
      value: 0.7,
      denominator: 900,
      position95: 'within',
      position998: 'within',
      assessment: 'neutral',
    },
  ],
  curve: [{ denominator: 900, lower95: 0.5, upper95: 0.7, lower998: 0.45, upper998: 0.75 }],
  ...overrides,
});

const renderPlot = (data: FunnelData, onAdjustedChange = vi.fn(), adjusted = true) =>
  render(
    <FunnelPlot
      funnels={[data]}
      window={12}
      onWindowChange={() => undefined}
      adjusted={adjusted}
      onAdjustedChange={onAdjustedChange}
      kind="PROPORTION"
      measureName="Remission"
      ownSiteId={null}
    />,
  );

describe('FunnelPlot', () => {
  it('says the limits are widened for overdispersion, with φ, and offers the plain limits', async () => {
    const onAdjustedChange = vi.fn();
    renderPlot(funnel(), onAdjustedChange);
    expect(
      screen.getByText(
        /^Limits widened for overdispersion, φ = 26: the sites vary more than chance alone would make them/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('95% limits (widened for overdispersion, φ = 26)')).toBeInTheDocument();
    const adjust = screen.getByLabelText('Widen the limits for overdispersion (recommended)');
    expect(adjust).toBeChecked();
    await userEvent.click(adjust);
    expect(onAdjustedChange).toHaveBeenCalledWith(false);
  });

  it('says when the limits shown do not allow for overdispersion, and when there is none', () => {
    const { unmount } = renderPlot(funnel({ limitsWidenedBy: null }), vi.fn(), false);
    expect(screen.getByText(/these limits do not allow for that/)).toBeInTheDocument();
    expect(screen.getByLabelText('Widen the limits for overdispersion (recommended)')).not.toBeChecked();
    unmount();
    renderPlot(funnel({ phi: 0.9, overdispersed: false, limitsWidenedBy: null }));
    expect(screen.getByText(/vary no more than chance would make them \(φ = 0\.9\)/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Widen the limits for overdispersion (recommended)')).not.toBeInTheDocument();
  });

  it('says which months are left out because not every site has reported them', () => {
    renderPlot(funnel());
    expect(screen.getByText('Nov 2026 is left out: 5 of 8 sites have reported it so far.')).toBeInTheDocument();
  });

  it('draws the sites against their sizes as a labelled picture, with the limits and the network value', () => {
    const { container } = renderPlot(
      funnel({
        sites: [
          ...funnel().sites,
          {
            site: { id: 's2', name: "St Brigid's Paediatric Centre" },
            value: 0.3,
            denominator: 400,
            position95: 'below',
            position998: 'below',
            assessment: 'deterioration',
          },
        ],
        curve: [
          { denominator: 300, lower95: 0.45, upper95: 0.75, lower998: 0.4, upper998: 0.8 },
          { denominator: 900, lower95: 0.5, upper95: 0.7, lower998: 0.45, upper998: 0.75 },
        ],
      }),
    );
    const plot = screen.getByRole('img', { name: 'Funnel plot of Remission, Nov 2025 – Oct 2026' });
    expect(plot).toHaveAccessibleDescription(/./);
    expect(container.querySelectorAll('.funnel-limit')).toHaveLength(4);
    expect(screen.getByText('Network 60%', { selector: 'text' })).toBeInTheDocument();
    expect(screen.getByText('Riverside', { selector: 'text' })).toBeInTheDocument();
    expect(screen.getByText("St Brigid's", { selector: 'text' })).toBeInTheDocument();
    // Within the limits a dot; outside the 99.8% limits a red diamond.
    expect(container.querySelectorAll('.funnel-site circle')).toHaveLength(1);
    expect(container.querySelectorAll('.funnel-site path')).toHaveLength(1);
  });
});
