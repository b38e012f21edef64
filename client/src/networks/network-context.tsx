import { type Actor, actorOf } from '@commons/shared';
import { createContext, useContext, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, matchPath, Outlet, useParams } from 'react-router';
import { type Client, useQuery } from 'urql';
import { type ViewerMembership, useSignedInViewer } from '../auth/viewer';
import { graphql } from '../gql';
import type { NetworkScopeQuery } from '../gql/graphql';
import { errorCode } from '../graphql/errors';
import { Loading, QueryError } from '../ui/feedback';
import { PageHeading } from '../ui/page-heading';
import { rememberNetwork } from './last-network';

export const NetworkScopeDocument = graphql(`
  query NetworkScope($slug: String!) {
    network(slug: $slug) {
      id
      slug
      name
      description
      startedOn
      decisionConfirmationDays
      sites {
        id
        name
        city
      }
    }
  }
`);

export type CurrentNetwork = NetworkScopeQuery['network'];

interface NetworkState {
  network: CurrentNetwork;
  membership: ViewerMembership;
  /** The viewer as the shared policy sees her in this network; pass to `can()`. */
  actor: Actor;
}

const NetworkContext = createContext<NetworkState | null>(null);

/**
 * Asks for the network a page address names (`/n/:slug/…`) at start-up, beside who is signed in,
 * instead of after her answer: NetworkScope then finds it in the cache or on its way.
 */
export function prefetchNetworkScope(client: Client, pathname: string): void {
  const slug = matchPath('/n/:slug/*', pathname)?.params.slug;
  if (slug) void client.query(NetworkScopeDocument, { slug }).toPromise();
}

/** Loads the network named in the URL and gives its pages the network, membership and actor. */
export function NetworkScope() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const viewer = useSignedInViewer();
  const membership = viewer.memberships.find((m) => m.network.slug === slug && m.active);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: NetworkScopeDocument,
    variables: { slug },
    pause: !membership,
  });

  useEffect(() => {
    if (membership) rememberNetwork(slug);
  }, [membership, slug]);

  const value = useMemo<NetworkState | null>(
    () => (data && membership ? { network: data.network, membership, actor: actorOf(viewer, membership) } : null),
    [data, membership, viewer],
  );

  if (!membership || errorCode(error) === 'NOT_FOUND') {
    return (
      <>
        <PageHeading>{t('network.notFound.title')}</PageHeading>
        <p>{t('network.notFound.body')}</p>
      </>
    );
  }
  if (errorCode(error) === 'TWO_FACTOR_SETUP_REQUIRED') {
    return (
      <>
        <PageHeading>{t('account.twoFactorRequired.title')}</PageHeading>
        <p>{t('account.twoFactorRequired.body')}</p>
        <p>
          <Link to="/account">{t('account.twoFactorRequired.link')}</Link>
        </p>
      </>
    );
  }
  if (!value) {
    if (error) return <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
    return fetching ? <Loading /> : null;
  }
  return (
    <NetworkContext.Provider value={value}>
      <Outlet />
    </NetworkContext.Provider>
  );
}

/** The current network, the viewer's membership and actor; only inside /n/:slug pages. */
export function useNetwork(): NetworkState {
  const state = useContext(NetworkContext);
  if (!state) throw new Error('useNetwork is only for pages inside a network');
  return state;
}
