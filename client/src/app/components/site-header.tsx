import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The phone menu's state: whether it is open and the ids of what it shows and hides. */
export interface SiteMenu {
  open: boolean;
  toggle: () => void;
  /** Ids of the regions the menu button opens (the member's menu, the main menu). */
  controls: string;
  /** Id of the member's menu region in the banner. */
  regionId: string;
}

/**
 * The banner: the app's name and, for a member, her notifications (`bell`) and her networks,
 * profile and sign-out (`member`). On a phone it is one row: the name, the bell and a menu button
 * that opens the rest (with the main menu); on a wide screen all is in sight and there is no button.
 */
export function SiteHeader({ bell, member, menu }: { bell?: ReactNode; member?: ReactNode; menu?: SiteMenu }) {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="brand">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span>{t('app.name')}</span>
        </Link>
        {(bell || menu) && (
          <div className="site-header__tools">
            {bell}
            {menu && (
              <button
                type="button"
                className="menu-button"
                aria-expanded={menu.open}
                aria-controls={menu.controls}
                onClick={menu.toggle}
              >
                <span aria-hidden="true" className="menu-button__icon">
                  {menu.open ? '✕' : '☰'}
                </span>
                {t('nav.menu')}
              </button>
            )}
          </div>
        )}
        {member && (
          <div id={menu?.regionId} className="site-menu">
            {member}
          </div>
        )}
      </div>
    </header>
  );
}
