import { type Actor, can, mayReport } from '../policy/policy';
import type { Role } from '../roles';
import { MAX_PAGE_SIZE } from '../validation/text';

/** A query a home card draws from: its name and the variables the card gives it. */
export interface HomeCardQuery {
  name: string;
  variables: Record<string, unknown>;
}

/** What a home card's query depends on. */
export interface HomeCardContext {
  networkId: string;
  actor: Actor;
  /** The member's interests (her profile). */
  interests: readonly string[];
}

/**
 * Who sees a home card, where on the page, and the query it draws from. The web app draws each
 * card (client/src/home/cards); the server asks the cards' queries as it sends the home page, so
 * the cards come with the page rather than one request after it.
 */
export interface HomeCardRule {
  /** Position on the page; lower comes first. A function when it depends on who looks. */
  order: number | ((actor: Actor) => number);
  /** The roles the card is for; every role when omitted. */
  roles?: readonly Role[];
  /** A further condition, typically a policy check. */
  when?: (actor: Actor) => boolean;
  /** The card's query, exactly as the card asks it; none when it asks none (yet). */
  query?: (context: HomeCardContext) => HomeCardQuery | null;
}

/** How many of her ideas, and of the requests to join her site, a card lists. */
export const HOME_CARD_LIST_SIZE = 5;
/** How many of the newest resources the commons card lists. */
const HOME_CARD_NEWEST_RESOURCES = 3;

/** The commons card's search: the network's newest resources. */
export const newestResources = (networkId: string) => ({
  networkId,
  query: '',
  filter: null,
  sort: 'NEWEST' as const,
  types: ['RESOURCE' as const],
  first: HOME_CARD_NEWEST_RESOURCES,
  after: null,
  withFacets: false,
});

const byNetwork = (name: string) => (context: HomeCardContext) => ({
  name,
  variables: { networkId: context.networkId },
});

/** The home page's cards, by id, so each role sees what matters to it (principle 3). */
export const HOME_CARD_RULES = {
  welcome: { order: 0 },
  // Patients and families see the shared aim first; everyone else after their own work.
  'shared-aim': {
    order: (actor) => (actor.role === 'PATIENT_PARTNER' || actor.role === 'FAMILY_MEMBER' ? -10 : 15),
    query: byNetwork('SharedAim'),
  },
  'reports-due': {
    order: 5,
    roles: ['SITE_LEAD', 'CLINICIAN'],
    when: (actor) => actor.siteId !== null && mayReport(actor),
    query: byNetwork('OverdueReports'),
  },
  // Co-design, tailored: patients and families follow the ideas they take part in, right after the
  // aim; the site team follows what is being tested at its site.
  'my-change-ideas': {
    order: -5,
    roles: ['PATIENT_PARTNER', 'FAMILY_MEMBER'],
    query: ({ networkId }) => ({ name: 'MyChangeIdeas', variables: { networkId, first: HOME_CARD_LIST_SIZE } }),
  },
  'testing-at-my-site': {
    order: 7,
    roles: ['CLINICIAN', 'SITE_LEAD'],
    when: (actor) => actor.siteId !== null,
    query: byNetwork('IdeasTestingAtMySite'),
  },
  'site-team': {
    order: 10,
    roles: ['SITE_LEAD'],
    query: ({ networkId, actor }) =>
      actor.siteId ? { name: 'SiteTeam', variables: { networkId, siteId: actor.siteId } } : null,
  },
  'pending-invitations': {
    order: 10,
    roles: ['NETWORK_ADMIN'],
    when: (actor) => can(actor, 'invitation.list'),
    query: ({ networkId }) => ({ name: 'InvitationStatuses', variables: { networkId, first: MAX_PAGE_SIZE } }),
  },
  // Requests to join a site wait for its lead (or an admin): near the top, as they hold a member back.
  'site-requests': {
    order: 6,
    roles: ['SITE_LEAD', 'NETWORK_ADMIN'],
    // Only when there are requests she may answer: any site's (admins) or her own site's (site leads).
    when: (actor) => can(actor, 'siteRequest.answer', { siteId: actor.siteId }),
    query: ({ networkId }) => ({ name: 'SiteRequests', variables: { networkId, first: HOME_CARD_LIST_SIZE } }),
  },
  // A decision waits for every member named in it: near the top for everyone, as it holds an idea back.
  'decisions-waiting': { order: -7, query: byNetwork('DecisionsAwaitingMe') },
  commons: { order: 18, query: ({ networkId }) => ({ name: 'CommonsSearch', variables: newestResources(networkId) }) },
  'people-like-me': {
    order: 20,
    query: ({ networkId, interests }) =>
      interests.length > 0 ? { name: 'PeopleLikeMe', variables: { networkId } } : null,
  },
} satisfies Record<string, HomeCardRule>;

export type HomeCardId = keyof typeof HOME_CARD_RULES;

/** Whether `actor` sees a card of `rule`: an active member, of a role it is for, meeting its condition. */
export function seesHomeCard(rule: HomeCardRule, actor: Actor): boolean {
  return actor.active && (!rule.roles || rule.roles.includes(actor.role)) && (rule.when?.(actor) ?? true);
}

/** The queries of the home cards the member sees, as the cards ask them. */
export function homeCardQueries(context: HomeCardContext): HomeCardQuery[] {
  return Object.values<HomeCardRule>(HOME_CARD_RULES)
    .filter((rule) => seesHomeCard(rule, context.actor))
    .flatMap((rule) => rule.query?.(context) ?? []);
}
