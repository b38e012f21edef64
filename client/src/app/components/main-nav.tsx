import type { Actor } from '@commons/shared';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { navCurrent, navItemsFor } from '../navigation';

/** The network's main menu; the current page (or the section it belongs to) is marked with aria-current. */
export function MainNav({ slug, actor }: { slug: string; actor: Actor | null }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <nav aria-label={t('nav.label')} className="main-nav">
      <ul className="main-nav__list">
        {navItemsFor(actor).map((item) => (
          <li key={item.key}>
            <Link to={item.path ? `/n/${slug}/${item.path}` : `/n/${slug}`} aria-current={navCurrent(item, pathname, slug)} className="main-nav__link">
              {t(`nav.${item.key}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
