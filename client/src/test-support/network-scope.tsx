import type { Role } from '@commons/shared';
import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { RequireViewer } from '../auth/components/require-viewer';
import { NetworkScope } from '../networks/network-context';
import { renderInApp, stubGraphql } from './render-app';

/** The network page tests render in: NorthStar, with one site (Riverside). */
export const TEST_NETWORK = {
  id: 'n1',
  slug: 'northstar',
  name: 'NorthStar',
  description: '',
  startedOn: '2024-01-01',
  decisionConfirmationDays: 7,
  sites: [{ id: 's1', name: 'Riverside', city: 'Leeds' }],
};

/** A signed-in member of TEST_NETWORK at Riverside with `role`, as the Viewer query answers. */
export function testViewer(role: Role, person: { id: string; name: string; email: string }) {
  return {
    ...person,
    pronouns: null,
    bio: '',
    interests: [],
    locale: 'en',
    memberships: [
      {
        id: 'm1',
        role,
        active: true,
        joinedAt: '2024-01-01T00:00:00Z',
        site: { id: 's1', name: 'Riverside' },
        siteRequest: null,
        network: { id: 'n1', slug: 'northstar', name: 'NorthStar', sites: [{ id: 's1', name: 'Riverside' }] },
      },
    ],
  };
}

/**
 * Renders `element` at /n/northstar/`page` for `viewer`, inside the network scope; GraphQL
 * operations other than the viewer and the network get `answer`'s reply. Returns the calls made.
 */
export function renderInNetwork(
  element: ReactNode,
  {
    page,
    viewer,
    answer,
  }: {
    page: string;
    viewer: ReturnType<typeof testViewer>;
    answer: (operation: string, variables: Record<string, unknown>) => unknown;
  },
) {
  const calls = stubGraphql((operation, variables) => {
    if (operation === 'Viewer') return { data: { me: viewer } };
    if (operation === 'NetworkScope') return { data: { network: TEST_NETWORK } };
    return answer(operation, variables);
  });
  renderInApp(
    <Routes>
      <Route element={<RequireViewer />}>
        <Route path="/n/:slug" element={<NetworkScope />}>
          <Route path={page} element={element} />
        </Route>
      </Route>
    </Routes>,
    `/n/northstar/${page}`,
  );
  return calls;
}
