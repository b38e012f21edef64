import { useTranslation } from 'react-i18next';
import { Outlet, useMatch } from 'react-router';
import { activeMemberships, useSignedInViewer, useViewer } from '../../auth/viewer';
import { actorOf } from '../../networks/network-context';
import { lastNetwork } from '../../networks/last-network';
import { MainNav } from './main-nav';
import { SiteHeader } from './site-header';

function SkipLink() {
  const { t } = useTranslation();
  return (
    <a href="#main" className="skip-link">
      {t('app.skipToContent')}
    </a>
  );
}

function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <p>{t('app.footer')}</p>
    </footer>
  );
}

/** Pages for everyone (sign in, invitations): the banner and the page, no network menu. */
export function PublicLayout() {
  const { viewer } = useViewer();
  return (
    <div className="app">
      <SkipLink />
      <SiteHeader viewer={viewer} slug={null} />
      <main id="main" tabIndex={-1} className="page-shell">
        <Outlet />
      </main>
      <SiteFooter />
    </div>
  );
}

/**
 * Pages of a signed-in member: the banner, the menu of the network in the URL (or, on pages
 * outside any network such as the profile, the network she opened last), and the page.
 */
export function AppLayout() {
  const viewer = useSignedInViewer();
  const match = useMatch('/n/:slug/*');
  const memberships = activeMemberships(viewer);
  const remembered = lastNetwork();
  const slug =
    match?.params.slug ?? memberships.find((m) => m.network.slug === remembered)?.network.slug ?? memberships[0]?.network.slug ?? null;
  const membership = memberships.find((m) => m.network.slug === slug);

  return (
    <div className="app">
      <SkipLink />
      <SiteHeader viewer={viewer} slug={slug} />
      {slug && membership && <MainNav slug={slug} networkId={membership.network.id} actor={actorOf(viewer, membership)} />}
      <main id="main" tabIndex={-1} className="page-shell">
        <Outlet />
      </main>
      <SiteFooter />
    </div>
  );
}
