import { type Actor, homeCardQueries, type Role } from '@commons/shared';
import { waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInApp, stubGraphql } from '../../test-support/render-app';
import { homeCards } from '../card-registry';
import '.';

const network = { id: 'n1', slug: 'northstar', name: 'NorthStar', sites: [{ id: 's1', name: 'Riverside' }] };
const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

afterEach(() => vi.unstubAllGlobals());

describe('the home cards', () => {
  // The server asks these queries as it sends the home page (server/src/web/start-data.ts): a card
  // asking anything else, or with other variables, would find no answer there and ask again.
  it.each<[Role, string | null, string[]]>([
    ['SITE_LEAD', 's1', ['biologics']],
    ['CLINICIAN', 's1', []],
    ['CLINICIAN', null, ['nutrition']],
    ['PATIENT_PARTNER', null, ['peer support']],
    ['NETWORK_ADMIN', null, []],
    ['RESEARCHER', null, ['data quality']],
  ])(
    'of a %s (site %s, interests %j) ask exactly the queries their shared rules name',
    async (role, siteId, interests) => {
      const actor: Actor = { userId: 'u1', role, siteId, active: true };
      const viewer = { id: 'u1', name: 'Ada', interests } as never;
      const calls = stubGraphql((operation) => (operation === 'Viewer' ? { data: { me: null } } : { data: null }));
      const expected = homeCardQueries({ networkId: network.id, actor, interests }).sort(byName);

      renderInApp(
        <>
          {homeCards.cardsFor(actor).map(({ id, Component }) => (
            <Component key={id} viewer={viewer} network={network as never} actor={actor} />
          ))}
        </>,
      );

      const asked = () =>
        calls
          .filter(([name]) => name !== 'Viewer')
          .map(([name, variables]) => ({ name, variables }))
          .sort(byName);
      await waitFor(() => expect(asked()).toHaveLength(expected.length));
      expect(expected.length).toBeGreaterThan(0);
      expect(asked()).toEqual(expected);
    },
  );
});
