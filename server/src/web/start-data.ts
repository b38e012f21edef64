import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  type Actor,
  actorOf,
  homeCardQueries,
  type PageBranch,
  pageBranchFor,
  pageParams,
  rankPageBranches,
  type Role,
  START_DATA_ELEMENT,
  type StartAnswer,
} from '@commons/shared';
import type { Request, Response } from 'express';
import { pageBranches } from './page-preloads';

/** Where the client's build writes each query's text as the app sends it (client/build/inline-graphql.ts). */
const QUERY_DOCUMENTS_FILE = path.join('.vite', 'query-documents.json');

/** Runs one query as the member making the request; resolves to its data, or null when it failed. */
export type RunStartQuery = (
  req: Request,
  res: Response,
  query: string,
  variables: Record<string, unknown>,
) => Promise<unknown>;

/** The network a page's address names (`/n/:slug/…`), as the app's router reads it, or null. */
function networkSlugOf(page: string): string | null {
  const slug = /^\/n\/([^/]+)(?:\/|$)/.exec(page)?.[1];
  if (!slug) return null;
  try {
    return decodeURIComponent(slug);
  } catch {
    return null;
  }
}

/**
 * The queries every page of the app starts with, and the variables the page's address gives
 * them: who is signed in, and the network the address names. Their answers go into the page, so
 * the app draws without a round of requests first.
 */
const START_QUERIES: { name: string; variables: (page: string) => Record<string, unknown> | null }[] = [
  { name: 'Viewer', variables: () => ({}) },
  {
    name: 'NetworkScope',
    variables: (page) => {
      const slug = networkSlugOf(page);
      return slug ? { slug } : null;
    },
  },
];

/**
 * The queries of every network page's banner, by the network: the member's unread notifications
 * and thread messages (client/src/notifications/hooks/use-unread-notifications.ts,
 * client/src/threads/components/unread-threads-badge.tsx).
 */
const NETWORK_START_QUERIES = ['UnreadNotificationCount', 'UnreadThreadsCount'];

/** What a network page's own first queries depend on: its address, the network and who she is. */
interface NetworkPage {
  params: Record<string, string>;
  networkId: string;
  /** Her answer to the Viewer query. */
  viewer: unknown;
}

/**
 * A network page's own first queries, where its address (and who she is) gives the variables, by
 * the route that draws the page: the page's content then comes with the page, not one request
 * after the app has started. Each names the query and builds its variables exactly as the page
 * in the client does (the file beside it), or the app does not recognise the answer and asks again.
 */
const NETWORK_PAGE_QUERIES: Record<
  string,
  (page: NetworkPage) => { name: string; variables: Record<string, unknown> }[]
> = {
  // client/src/home/cards: the cards she sees there, by their rules (shared/src/home/home-cards.ts)
  '/n/:slug': ({ networkId, viewer }) => {
    const member = memberOf(viewer, networkId);
    return member ? homeCardQueries({ networkId, ...member }) : [];
  },
  // client/src/commons/pages/resource-page.tsx
  '/n/:slug/commons/:resourceId': ({ params }) => [{ name: 'ResourcePage', variables: { id: params.resourceId } }],
  // client/src/change-ideas/pages/idea-page.tsx
  '/n/:slug/ideas/:ideaId': ({ params, networkId }) => [
    { name: 'IdeaPage', variables: { id: params.ideaId, networkId } },
  ],
  // client/src/charts/pages/measure-chart-page.tsx
  '/n/:slug/measures/:measureId': ({ networkId }) => [{ name: 'ChartMeasures', variables: { networkId } }],
};

/**
 * She as an actor of the policy in the network `networkId`, and her interests, from her Viewer
 * answer (as the app finds her membership: client/src/networks/network-context.tsx); null when she
 * has no active membership there.
 */
function memberOf(viewer: unknown, networkId: string): { actor: Actor; interests: string[] } | null {
  const me = (viewer as { me?: ViewerAnswer | null } | null)?.me;
  const membership = me?.memberships?.find((candidate) => candidate.network?.id === networkId && candidate.active);
  if (!me || !membership) return null;
  return { actor: actorOf(me, membership), interests: me.interests ?? [] };
}

/** The part of a Viewer answer `memberOf` reads. */
interface ViewerAnswer {
  id: string;
  interests?: string[];
  memberships?: { role: Role; active: boolean; site: { id: string } | null; network?: { id?: string } }[];
}

/**
 * The page's own first queries at `page`, or none: the route is found among the build's pages as
 * the app's router finds it (`commons/new` is another page).
 */
function networkPageQueries(ranked: PageBranch[], page: string, networkId: string, viewer: unknown) {
  const branch = pageBranchFor(ranked, page);
  const queries = branch ? NETWORK_PAGE_QUERIES[branch.path] : undefined;
  const params = branch && queries ? pageParams(branch.path, page) : null;
  return queries && params ? queries({ params, networkId, viewer }) : [];
}

/** The id of the network a NetworkScope answer names. */
function networkIdOf(answer: StartAnswer | null): string | null {
  const network = (answer?.data as { network?: { id?: unknown } } | null)?.network;
  return typeof network?.id === 'string' ? network.id : null;
}

/** The query texts of the build in `webDir`, by name; none when the build wrote none. */
function queryDocuments(webDir: string): Map<string, string> {
  try {
    const parsed = JSON.parse(readFileSync(path.join(webDir, QUERY_DOCUMENTS_FILE), 'utf8')) as unknown;
    if (!parsed || typeof parsed !== 'object') return new Map();
    return new Map(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return new Map();
  }
}

/**
 * The answers to a page's start-up queries. A query that fails is left out; the app asks for it
 * itself. Null when there is nothing to put in.
 */
export function startData(webDir: string, run: RunStartQuery) {
  const documents = queryDocuments(webDir);
  const ranked = rankPageBranches(pageBranches(webDir));
  return async (req: Request, res: Response, page: string, deadline: Promise<void>): Promise<StartAnswer[] | null> => {
    // Past the deadline, what has not come is left out, and nothing more is asked.
    let late = false;
    const lateness = deadline.then(() => {
      late = true;
      return null;
    });
    const ask = async (name: string, variables: Record<string, unknown>): Promise<StartAnswer | null> => {
      const query = documents.get(name);
      if (!query || late) return null;
      const data = await Promise.race([run(req, res, query, variables).catch(() => null), lateness]);
      return data ? { query: name, variables, data } : null;
    };
    const answers = await Promise.all(
      START_QUERIES.map(({ name, variables }) => {
        const values = variables(page);
        return values ? ask(name, values) : Promise.resolve(null);
      }),
    );
    // The banner's counts and the page's own query once the network is known (and she may see it).
    const networkId = networkIdOf(answers.find((answer) => answer?.query === 'NetworkScope') ?? null);
    if (networkId) {
      const viewer = answers.find((answer) => answer?.query === 'Viewer')?.data ?? null;
      const queries = [
        ...NETWORK_START_QUERIES.map((name) => ({ name, variables: { networkId } })),
        ...networkPageQueries(ranked, page, networkId, viewer),
      ];
      answers.push(...(await Promise.all(queries.map(({ name, variables }) => ask(name, variables)))));
    }
    const given = answers.filter((answer) => answer !== null);
    return given.length > 0 ? given : null;
  };
}

/** The answers as an element to put into the page (JSON, which the browser never runs: no script policy applies). */
export function startDataElement(answers: StartAnswer[]): string {
  // `<` escaped, so no text inside can end the element or open a comment.
  const json = JSON.stringify(answers).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${START_DATA_ELEMENT}">${json}</script>`;
}
