import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInNetwork, testViewer } from '../../test-support/network-scope';
import { SiteRequestList } from './site-request-list';

const VIEWER = testViewer('SITE_LEAD', { id: 'lead', name: 'Oskar Nyberg', email: 'oskar@example.org' });
const REQUEST = {
  __typename: 'SiteRequest',
  id: 'r1',
  status: 'PENDING',
  siteId: 's1',
  siteName: 'Riverside',
  requestedAt: '2026-12-01T10:00:00Z',
  member: { userId: 'u2', name: 'Elin Sandberg', role: 'PATIENT_PARTNER' },
};

const renderList = (answer: (operation: string, variables: Record<string, unknown>) => unknown) =>
  renderInNetwork(<SiteRequestList />, { page: 'invitations', viewer: VIEWER, answer });

afterEach(() => vi.unstubAllGlobals());

describe('SiteRequestList', () => {
  it('lists a waiting request with who asked, her role and since when, and declines it with the reason given', async () => {
    let answered = false;
    const calls = renderList((operation) => {
      if (operation === 'SiteRequests')
        return {
          data: {
            siteRequests: {
              __typename: 'SiteRequestConnection',
              totalCount: answered ? 0 : 1,
              nodes: answered ? [] : [REQUEST],
            },
          },
        };
      if (operation === 'DeclineSiteRequest') {
        answered = true;
        return { data: { declineSiteRequest: { ...REQUEST, status: 'DECLINED' } } };
      }
      throw new Error(`unexpected ${operation}`);
    });

    expect(await screen.findByRole('link', { name: 'Elin Sandberg' })).toHaveAttribute(
      'href',
      '/n/northstar/members/u2',
    );
    expect(screen.getByText(/Patient partner · asks to join Riverside since/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: "Decline Elin Sandberg's request to join Riverside" }));
    await userEvent.type(screen.getByLabelText('Reason (optional)'), 'We could not find you in our clinic list.');
    await userEvent.click(screen.getByRole('button', { name: 'Decline the request' }));

    expect(await screen.findByText("You declined Elin Sandberg's request to join Riverside.")).toBeInTheDocument();
    expect(calls.find(([operation]) => operation === 'DeclineSiteRequest')?.[1]).toEqual({
      requestId: 'r1',
      reason: 'We could not find you in our clinic list.',
    });
    expect(await screen.findByText('No requests are waiting.')).toBeInTheDocument();
  });

  it('shows an answer the server refused (answered meanwhile) and keeps the request listed', async () => {
    renderList((operation) => {
      if (operation === 'SiteRequests')
        return { data: { siteRequests: { __typename: 'SiteRequestConnection', totalCount: 1, nodes: [REQUEST] } } };
      if (operation === 'ConfirmSiteRequest')
        return {
          data: null,
          errors: [{ message: 'This request was answered or withdrawn meanwhile.', extensions: { code: 'CONFLICT' } }],
        };
      throw new Error(`unexpected ${operation}`);
    });

    await userEvent.click(
      await screen.findByRole('button', { name: "Confirm Elin Sandberg's request to join Riverside" }),
    );

    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Elin Sandberg' })).toBeInTheDocument();
  });
});
