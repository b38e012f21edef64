import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSignOut } from '../../auth/hooks/use-sign-out';
import { activeMemberships, type Viewer } from '../../auth/viewer';
import { NotificationBell } from '../../notifications/components/notification-bell';
import { NetworkSwitcher } from './network-switcher';

/** The banner: the app's name, the network, the member's notifications, profile and sign-out. */
export function SiteHeader({ viewer, slug }: { viewer: Viewer | null; slug: string | null }) {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="brand">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span>{t('app.name')}</span>
        </Link>
        {viewer && <NetworkSwitcher memberships={activeMemberships(viewer)} currentSlug={slug} />}
        {viewer && <UserMenu viewer={viewer} slug={slug} />}
      </div>
    </header>
  );
}

function UserMenu({ viewer, slug }: { viewer: Viewer; slug: string | null }) {
  const { t } = useTranslation();
  const { signOut, signingOut } = useSignOut();
  const network = activeMemberships(viewer).find((m) => m.network.slug === slug)?.network;
  return (
    <div className="user-menu">
      {network && <NotificationBell key={network.id} networkId={network.id} slug={network.slug} />}
      <Link to="/profile" className="user-menu__profile">
        <span className="visually-hidden">{t('nav.profileOf')}</span> {viewer.name}
      </Link>
      <button type="button" className="button button--quiet" onClick={() => void signOut()} disabled={signingOut}>
        {t('auth.signOut')}
      </button>
    </div>
  );
}
