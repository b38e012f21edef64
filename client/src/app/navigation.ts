import { type Action, type Actor, can } from '@commons/shared';
import { mayReport } from '../measures/access';

/** One entry of a network's main menu; later capabilities add theirs here. */
export interface NavItem {
  key: 'home' | 'aim' | 'commons' | 'ideas' | 'groups' | 'members' | 'sites' | 'invitations' | 'mail';
  /** Path below /n/:slug ('' is the network's home). */
  path: string;
  /** Shown only to members who may do this. */
  requires?: Action;
  /** Further paths of the same section: the entry is marked current on them too. */
  section?: readonly string[];
}

export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'home', path: '' },
  { key: 'aim', path: 'aim', section: ['measures', 'report', 'completeness'] },
  { key: 'commons', path: 'commons' },
  { key: 'ideas', path: 'ideas' },
  { key: 'groups', path: 'groups' },
  { key: 'members', path: 'members', requires: 'member.list' },
  { key: 'sites', path: 'sites', requires: 'site.list' },
  { key: 'invitations', path: 'invitations', requires: 'invitation.list' },
  { key: 'mail', path: 'mail', requires: 'network.configure' },
];

/** The menu entries `actor` may see. */
export function navItemsFor(actor: Actor | null): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.requires || can(actor, item.requires));
}

/** True when `pathname` is `path` below the network `slug`, or a page under it. */
export function isUnder(pathname: string, slug: string, path: string): boolean {
  const base = `/n/${slug}/${path}`;
  return pathname === base || pathname.startsWith(`${base}/`);
}

/** How a menu entry relates to the current page: it is the page, it is the page's section, or neither. */
export function navCurrent(item: NavItem, pathname: string, slug: string): 'page' | 'true' | undefined {
  const base = item.path ? `/n/${slug}/${item.path}` : `/n/${slug}`;
  if (pathname === base || pathname === `${base}/`) return 'page';
  if (item.path && [item.path, ...(item.section ?? [])].some((path) => isUnder(pathname, slug, path))) return 'true';
  return undefined;
}

/** One entry of the "Aim & measures" sub-menu. */
export interface AimSectionItem {
  key: 'aim' | 'measures' | 'report' | 'completeness';
  path: string;
  /** Shown only when this holds for the member. */
  visible?: (actor: Actor) => boolean;
}

export const AIM_SECTION_ITEMS: readonly AimSectionItem[] = [
  { key: 'aim', path: 'aim' },
  { key: 'measures', path: 'measures' },
  { key: 'report', path: 'report', visible: mayReport },
  { key: 'completeness', path: 'completeness' },
];

/** The sub-menu entries of "Aim & measures" that `actor` sees. */
export function aimSectionItemsFor(actor: Actor): AimSectionItem[] {
  return AIM_SECTION_ITEMS.filter((item) => item.visible?.(actor) ?? true);
}
