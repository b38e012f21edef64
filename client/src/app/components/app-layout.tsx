import { useId, useState } from 'react';
import { Outlet, useLocation, useMatch } from 'react-router';
import { activeMemberships, useSignedInViewer } from '../../auth/viewer';
import { actorOf } from '@commons/shared';
import { lastNetwork } from '../../networks/last-network';
import { HomeLink } from './home-link';
import { MainNav } from './main-nav';
import { MemberBell, MemberMenu } from './member-menu';
import { SiteFooter, SiteHeader, SkipLink } from './page-frame';

/**
 * Pages of a signed-in member: the banner, the menu of the network in the URL (or, on pages
 * outside any network such as the profile, the network she opened last), and the page.
 */
export function AppLayout() {
  const viewer = useSignedInViewer();
  const match = useMatch('/n/:slug/*');
  const { pathname } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const regionId = useId();
  const navId = useId();
  const memberships = activeMemberships(viewer);
  const remembered = lastNetwork();
  const slug =
    match?.params.slug ??
    memberships.find((m) => m.network.slug === remembered)?.network.slug ??
    memberships[0]?.network.slug ??
    null;
  const membership = memberships.find((m) => m.network.slug === slug);
  const hasNav = Boolean(slug && membership);

  // Choosing a page closes the phone menu.
  const [menuPath, setMenuPath] = useState(pathname);
  if (menuPath !== pathname) {
    setMenuPath(pathname);
    setMenuOpen(false);
  }

  return (
    <div className="app app--menu" data-menu-open={menuOpen ? 'true' : undefined}>
      <SkipLink />
      <SiteHeader
        home={<HomeLink />}
        bell={<MemberBell viewer={viewer} slug={slug} />}
        member={<MemberMenu viewer={viewer} slug={slug} />}
        menu={{
          open: menuOpen,
          toggle: () => setMenuOpen((open) => !open),
          regionId,
          controls: hasNav ? `${regionId} ${navId}` : regionId,
        }}
      />
      {slug && membership && (
        <MainNav id={navId} slug={slug} networkId={membership.network.id} actor={actorOf(viewer, membership)} />
      )}
      <main id="main" tabIndex={-1} className="page-shell">
        <Outlet />
      </main>
      <SiteFooter />
    </div>
  );
}
