import type { Actor } from '@commons/shared';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { navItemsFor } from '../navigation';

/** The network's main menu; the current page is marked with aria-current. */
export function MainNav({ slug, actor }: { slug: string; actor: Actor | null }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('nav.label')} className="main-nav">
      <ul className="main-nav__list">
        {navItemsFor(actor).map((item) => (
          <li key={item.key}>
            <NavLink to={item.path ? `/n/${slug}/${item.path}` : `/n/${slug}`} end={item.path === ''} className="main-nav__link">
              {t(`nav.${item.key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
