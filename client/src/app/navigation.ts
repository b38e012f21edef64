import { type Action, type Actor, can } from '@commons/shared';

/** One entry of a network's main menu; later capabilities add theirs here. */
export interface NavItem {
  key: 'home' | 'aim' | 'commons' | 'ideas' | 'groups' | 'members' | 'sites' | 'invitations';
  /** Path below /n/:slug ('' is the network's home). */
  path: string;
  /** Shown only to members who may do this. */
  requires?: Action;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'home', path: '' },
  { key: 'aim', path: 'aim' },
  { key: 'commons', path: 'commons' },
  { key: 'ideas', path: 'ideas' },
  { key: 'groups', path: 'groups' },
  { key: 'members', path: 'members', requires: 'member.list' },
  { key: 'sites', path: 'sites', requires: 'site.list' },
  { key: 'invitations', path: 'invitations', requires: 'invitation.list' },
];

/** The menu entries `actor` may see. */
export function navItemsFor(actor: Actor | null): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.requires || can(actor, item.requires));
}
