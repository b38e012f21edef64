import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo } from 'react';
import { type Client, useQuery } from 'urql';
import { graphql } from '../gql';
import type { ViewerQuery } from '../gql/graphql';
import { applyLocale } from '../i18n/i18n';

export const ViewerDocument = graphql(`
  query Viewer {
    me {
      id
      name
      email
      pronouns
      bio
      interests
      locale
      memberships {
        id
        role
        active
        joinedAt
        site {
          id
          name
        }
        siteRequest {
          id
          status
          siteId
          siteName
          requestedAt
          answeredAt
          reason
          answeredBy {
            userId
            name
          }
        }
        network {
          id
          slug
          name
          sites {
            id
            name
          }
        }
      }
    }
  }
`);

export type Viewer = NonNullable<ViewerQuery['me']>;
export type ViewerMembership = Viewer['memberships'][number];

interface ViewerState {
  viewer: Viewer | null;
  /** True until the first answer about who is signed in. */
  loading: boolean;
  error: ReturnType<typeof useQuery>[0]['error'];
  /** Asks the server again (after changes the cache cannot see, like a new membership). */
  refresh: () => void;
}

const ViewerContext = createContext<ViewerState | null>(null);

/** Asks who is signed in ahead of the first render; the provider below then reads the answer (or joins the request). */
export function prefetchViewer(client: Client): void {
  void client.query(ViewerDocument, {}).toPromise();
}

/** Loads the signed-in member once for the whole app and applies her language. */
export function ViewerProvider({ children }: { children: ReactNode }) {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: ViewerDocument });
  const viewer = data?.me ?? null;
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);

  useEffect(() => {
    // A signed-out visitor keeps whatever this device last chose, so only a member's profile applies.
    if (data?.me) void applyLocale(data.me.locale);
  }, [data]);

  const value = useMemo<ViewerState>(
    () => ({ viewer, loading: !data && fetching, error: data ? undefined : error, refresh }),
    [viewer, data, fetching, error, refresh],
  );
  return <ViewerContext.Provider value={value}>{children}</ViewerContext.Provider>;
}

/** Who is signed in, if anyone. */
export function useViewer(): ViewerState {
  const state = useContext(ViewerContext);
  if (!state) throw new Error('useViewer needs a ViewerProvider');
  return state;
}

/** The signed-in member, inside pages that require one (see RequireViewer). */
export function useSignedInViewer(): Viewer {
  const { viewer } = useViewer();
  if (!viewer) throw new Error('useSignedInViewer is only for signed-in pages');
  return viewer;
}

/** The memberships a member can open, in the order the server lists them. */
export function activeMemberships(viewer: Viewer): ViewerMembership[] {
  return viewer.memberships.filter((membership) => membership.active);
}
