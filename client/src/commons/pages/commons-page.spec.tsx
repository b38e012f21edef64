import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RequireViewer } from '../../auth/components/require-viewer';
import { NetworkScope } from '../../networks/network-context';
import { renderInApp } from '../../test-support/render-app';
import { SEARCH_DEBOUNCE_MS } from '../components/search-box';
import { CommonsPage } from './commons-page';

const NETWORK = {
  id: 'n1',
  slug: 'northstar',
  name: 'NorthStar',
  description: '',
  startedOn: '2024-01-01',
  sites: [{ id: 's1', name: 'Riverside', city: 'Leeds' }],
};
const VIEWER = {
  id: 'u1',
  name: 'Elin',
  email: 'elin@example.org',
  pronouns: null,
  bio: '',
  interests: [],
  locale: 'en',
  memberships: [
    {
      id: 'm1',
      role: 'CLINICIAN',
      active: true,
      joinedAt: '2024-01-01T00:00:00Z',
      site: { id: 's1', name: 'Riverside' },
      siteRequest: null,
      network: { id: 'n1', slug: 'northstar', name: 'NorthStar', sites: [{ id: 's1', name: 'Riverside' }] },
    },
  ],
};

const segment = (text: string, match = false) => ({ text, match });

function hit(id: string, title: string, titleSegments = [segment(title)], snippet = [segment('A summary.')]) {
  return {
    id,
    type: 'RESOURCE',
    title: titleSegments,
    snippet,
    resource: {
      id,
      title,
      kind: 'GUIDE',
      summary: 'A summary.',
      tags: ['remission'],
      createdAt: '2026-03-01T10:00:00Z',
      useCount: 2,
      helpfulCount: 5,
      hidden: false,
      site: { id: 's1', name: 'Riverside' },
      author: { userId: 'u2', name: 'Oskar' },
    },
  };
}

const FACETS = {
  kinds: [
    { value: 'GUIDE', label: 'GUIDE', count: 1 },
    { value: 'TOOL', label: 'TOOL', count: 3 },
  ],
  tags: [{ value: 'remission', label: 'remission', count: 1 }],
  audiences: [],
  sites: [{ value: 's1', label: 'Riverside', count: 1 }],
  authors: [{ value: 'u2', label: 'Oskar', count: 1 }],
};

function answer(nodes: ReturnType<typeof hit>[]) {
  return {
    data: {
      search: {
        totalCount: nodes.length,
        exactCounts: true,
        pageInfo: { hasNextPage: false, endCursor: null },
        facets: FACETS,
        nodes,
      },
    },
  };
}

interface Call {
  operation: string;
  variables: Record<string, unknown>;
  respond: (body: unknown) => void;
}

/** A fetch whose GraphQL answers the test gives when it chooses, so it can answer out of order. */
function deferredGraphql(auto: (operation: string, variables: Record<string, unknown>) => unknown) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((_url: RequestInfo | URL, init?: RequestInit) => {
      const body = JSON.parse((init?.body as string | undefined) ?? '{}') as {
        operationName: string;
        variables?: Record<string, unknown>;
      };
      return new Promise<Response>((resolve) => {
        const respond = (payload: unknown) =>
          resolve(new Response(JSON.stringify(payload), { headers: { 'content-type': 'application/json' } }));
        const automatic = auto(body.operationName, body.variables ?? {});
        if (automatic !== undefined) respond(automatic);
        else calls.push({ operation: body.operationName, variables: body.variables ?? {}, respond });
      });
    }),
  );
  return calls;
}

let location = '';
function LocationProbe() {
  const current = useLocation();
  useEffect(() => {
    location = current.pathname + current.search;
  });
  return null;
}

function renderCommons(path = '/n/northstar/commons') {
  return renderInApp(
    <>
      <LocationProbe />
      <Routes>
        <Route element={<RequireViewer />}>
          <Route path="/n/:slug" element={<NetworkScope />}>
            <Route path="commons" element={<CommonsPage />} />
          </Route>
        </Route>
      </Routes>
    </>,
    path,
  );
}

const searchesFor = (calls: Call[], query: string) =>
  calls.filter((c) => c.operation === 'CommonsSearch' && c.variables.query === query);

describe('CommonsPage', () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const user = () => userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
  const pause = () => act(() => vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS));

  it('searches once typing pauses, keeps the address in step, and shows only the newest answer', async () => {
    const calls = deferredGraphql((operation, variables) => {
      if (operation === 'Viewer') return { data: { me: VIEWER } };
      if (operation === 'NetworkScope') return { data: { network: NETWORK } };
      if (operation === 'MyBookmarks') return { data: { myBookmarks: { totalCount: 0, nodes: [] } } };
      if (operation === 'CommonsSearch' && variables.query === '') return answer([hit('r0', 'Everything')]);
      return undefined;
    });
    renderCommons();
    const box = await screen.findByRole('searchbox', { name: 'Search resources, ideas and groups' });
    expect(screen.getByRole('search', { name: 'Search the commons' })).toContainElement(box);

    const typing = user();
    await typing.type(box, 'r');
    await pause();
    // One letter is not a search yet: the browse view stays.
    expect(searchesFor(calls, 'r')).toHaveLength(0);
    expect(screen.getByText('Type at least 2 letters to search.')).toBeInTheDocument();

    await typing.type(box, 'emi');
    await pause();
    await waitFor(() => expect(searchesFor(calls, 'remi')).toHaveLength(1));
    await typing.type(box, 'sion');
    await pause();
    await waitFor(() => expect(searchesFor(calls, 'remision')).toHaveLength(1));
    expect(location).toBe('/n/northstar/commons?q=remision');
    // Each pause sent one search; the letters in between were never sent.
    expect(calls.filter((c) => c.operation === 'CommonsSearch').map((c) => c.variables.query)).toEqual([
      'remi',
      'remision',
    ]);

    // The newer search answers first; the older answer, arriving late, is not shown.
    searchesFor(calls, 'remision')[0].respond(
      answer([
        hit(
          'r1',
          'Remission guide',
          [segment('Remission', true), segment(' guide')],
          [segment('Steroid-free '), segment('remission', true), segment(' <b>by</b> week 10')],
        ),
      ]),
    );
    const status = await screen.findByText('1 result found for “remision”');
    expect(status).toHaveAttribute('role', 'status');
    searchesFor(calls, 'remi')[0].respond(answer([hit('old', 'Stale answer')]));
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(screen.queryByText('Stale answer')).not.toBeInTheDocument();

    // Highlights are marked text; markup in a snippet stays text.
    const link = screen.getByRole('link', { name: 'Remission guide' });
    expect(link.querySelector('mark')?.textContent).toBe('Remission');
    const card = link.closest('li')!;
    expect(within(card).getByText(/by<\/b> week 10/)).toBeInTheDocument();
    expect(card.querySelector('b')).toBeNull();
    expect([...card.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Remission', 'remission']);
  });

  it('opens a shared address with its search and filters, and a ticked facet goes into the address and the query', async () => {
    const calls = deferredGraphql((operation) => {
      if (operation === 'Viewer') return { data: { me: VIEWER } };
      if (operation === 'NetworkScope') return { data: { network: NETWORK } };
      if (operation === 'CommonsSearch') return answer([hit('r1', 'Flare plan')]);
      return undefined;
    });
    const fetchStub = vi.mocked(fetch);
    renderCommons('/n/northstar/commons?q=flare&kind=GUIDE&sort=NEWEST');

    expect(await screen.findByRole('searchbox', { name: 'Search resources, ideas and groups' })).toHaveValue('flare');
    await screen.findByText('1 result found for “flare”');
    const kinds = screen.getByRole('group', { name: 'Kind' });
    expect(within(kinds).getByRole('checkbox', { name: /^Guide/ })).toBeChecked();
    expect(within(kinds).getByRole('checkbox', { name: /^Tool\s*3 results$/ })).not.toBeChecked();
    expect(screen.getByLabelText('Sort by')).toHaveValue('NEWEST');
    expect(screen.getByRole('list', { name: 'Chosen filters' })).toHaveTextContent('Guide');

    await user().click(within(kinds).getByRole('checkbox', { name: /^Tool/ }));
    await waitFor(() => expect(location).toBe('/n/northstar/commons?q=flare&sort=NEWEST&kind=GUIDE&kind=TOOL'));
    await waitFor(() => {
      const sent = fetchStub.mock.calls.map(
        ([, init]) =>
          JSON.parse(init?.body as string) as { operationName: string; variables: { filter?: { kinds?: string[] } } },
      );
      expect(sent.filter((s) => s.operationName === 'CommonsSearch').at(-1)?.variables.filter?.kinds).toEqual([
        'GUIDE',
        'TOOL',
      ]);
    });
    expect(calls).toHaveLength(0);
  });
});
