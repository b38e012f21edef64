import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { aimSectionItemsFor } from '../../app/navigation';
import { useNetwork } from '../../networks/network-context';

/** The pages of "Aim & measures" under one sub-menu: aim, measures, reporting (site teams), completeness. */
export function AimSection() {
  const { t } = useTranslation();
  const { network, actor } = useNetwork();
  return (
    <>
      <nav aria-label={t('nav.aimSection')} className="sub-nav">
        <ul className="sub-nav__list">
          {aimSectionItemsFor(actor).map((item) => (
            <li key={item.key}>
              <NavLink to={`/n/${network.slug}/${item.path}`} end={item.key === 'aim'} className="sub-nav__link">
                {t(`nav.sub.${item.key}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
