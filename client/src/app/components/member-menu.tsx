import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSignOut } from '../../auth/hooks/use-sign-out';
import { activeMemberships, type Viewer } from '../../auth/viewer';
import { NotificationBell } from '../../notifications/components/notification-bell';
import { NetworkSwitcher } from './network-switcher';

/** The network the header is about: the one in the URL, when she belongs to it. */
function currentNetwork(viewer: Viewer, slug: string | null) {
  return activeMemberships(viewer).find((m) => m.network.slug === slug)?.network ?? null;
}

/** The bell, always in sight (on a phone too, outside the menu). */
export function MemberBell({ viewer, slug }: { viewer: Viewer; slug: string | null }) {
  const network = currentNetwork(viewer, slug);
  return network ? <NotificationBell key={network.id} networkId={network.id} slug={network.slug} /> : null;
}

/** The member's part of the banner: her networks, her profile and signing out. */
export function MemberMenu({ viewer, slug }: { viewer: Viewer; slug: string | null }) {
  const { t } = useTranslation();
  const { signOut, signingOut } = useSignOut();
  return (
    <>
      <NetworkSwitcher memberships={activeMemberships(viewer)} currentSlug={slug} />
      <div className="user-menu">
        <Link to="/profile" className="user-menu__profile">
          <span className="visually-hidden">{t('nav.profileOf')}</span> {viewer.name}
        </Link>
        <button type="button" className="button button--quiet" onClick={() => void signOut()} disabled={signingOut}>
          {t('auth.signOut')}
        </button>
      </div>
    </>
  );
}
