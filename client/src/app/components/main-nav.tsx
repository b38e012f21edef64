import type { Actor } from '@commons/shared';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { UnreadCountBadge, useUnreadThreads } from '../../threads';
import { type NavItem, navCurrent, navItemsFor } from '../navigation';

/** The sections whose pages hold threads, with the kind of subject those threads are about. */
const THREAD_SUBJECT_OF: Partial<Record<NavItem['key'], 'CHANGE_IDEA' | 'RESOURCE' | 'GROUP' | 'SITE'>> = {
  ideas: 'CHANGE_IDEA',
  commons: 'RESOURCE',
  groups: 'GROUP',
  sites: 'SITE',
};

/**
 * The network's main menu; the current page (or the section it belongs to) is marked with
 * aria-current, and a section shows its unread messages live.
 */
export function MainNav({
  id,
  slug,
  networkId,
  actor,
}: {
  id?: string;
  slug: string;
  networkId: string;
  actor: Actor | null;
}) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const unread = useUnreadThreads(networkId);
  const unreadIn = (key: NavItem['key']) => {
    const subject = THREAD_SUBJECT_OF[key];
    return subject ? (unread.bySubject[subject] ?? 0) : 0;
  };
  return (
    <nav id={id} aria-label={t('nav.label')} className="main-nav">
      <ul className="main-nav__list">
        {navItemsFor(actor).map((item) => (
          <li key={item.key}>
            <Link
              to={item.path ? `/n/${slug}/${item.path}` : `/n/${slug}`}
              aria-current={navCurrent(item, pathname, slug)}
              className="main-nav__link"
            >
              {t(`nav.${item.key}`)}
              <UnreadCountBadge count={unreadIn(item.key)} />
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
