import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { ViewerMembership } from '../../auth/viewer';
import { NetworkSwitcher } from './network-switcher';

const membership = (slug: string, name: string): ViewerMembership => ({
  id: `m-${slug}`,
  role: 'CLINICIAN',
  active: true,
  joinedAt: '2026-01-01T00:00:00Z',
  site: null,
  siteRequest: null,
  network: { id: `n-${slug}`, slug, name, sites: [] },
});

const renderSwitcher = (memberships: ViewerMembership[], currentSlug: string) =>
  render(
    <MemoryRouter>
      <NetworkSwitcher memberships={memberships} currentSlug={currentSlug} />
    </MemoryRouter>,
  );

describe('NetworkSwitcher', () => {
  it('is just the network name for a member of one network', () => {
    renderSwitcher([membership('ibd', 'IBD Network')], 'ibd');
    expect(screen.getByRole('link', { name: 'IBD Network' })).toHaveAttribute('href', '/n/ibd');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('opens a list of the member networks, marks the current one and closes with Escape', async () => {
    renderSwitcher([membership('ibd', 'IBD Network'), membership('cf', 'CF Network')], 'cf');
    const button = screen.getByRole('button', { name: 'Switch network: CF Network' });
    expect(button).toHaveAttribute('aria-expanded', 'false');

    await userEvent.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('link', { name: /IBD Network/ })).toHaveAttribute('href', '/n/ibd');
    expect(screen.getByRole('link', { name: /CF Network/ })).toHaveAttribute('aria-current', 'true');

    await userEvent.keyboard('{Escape}');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(button).toHaveFocus();
  });
});
