import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

// What frames every page: the skip link, the banner and the footer. Nothing here needs the router,
// so the sign-in page (an entry of its own, without the router) is framed the same way.

export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a href="#main" className="skip-link">
      {t('app.skipToContent')}
    </a>
  );
}

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <p>{t('app.footer')}</p>
    </footer>
  );
}

/**
 * The Commons mark (public/favicon.svg), drawn in the page: as an image, the browser built a
 * document of its own for it on every page load, a long step of start-up on a slow phone.
 */
function BrandMark() {
  return (
    <svg className="brand__mark" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="#0f5c63" />
      <circle cx="11" cy="13" r="4" fill="#fff" />
      <circle cx="21" cy="13" r="4" fill="#fff" opacity=".85" />
      <path d="M6 25c1.5-4 4-6 10-6s8.5 2 10 6" fill="none" stroke="#fff" strokeWidth="2.5" strokeLinecap="round" />
    </svg>
  );
}

/** The app's mark and name, inside the banner's link home. */
export function Brand() {
  const { t } = useTranslation();
  return (
    <>
      <BrandMark />
      <span>{t('app.name')}</span>
    </>
  );
}

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
 * The banner: the link home (`home`, with the `brand` class and the Brand inside) and, for a member, her notifications (`bell`) and her networks,
 * profile and sign-out (`member`). On a phone it is one row: the name, the bell and a menu button
 * that opens the rest (with the main menu); on a wide screen all is in sight and there is no button.
 */
export function SiteHeader({
  home,
  bell,
  member,
  menu,
}: {
  home: ReactNode;
  bell?: ReactNode;
  member?: ReactNode;
  menu?: SiteMenu;
}) {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <div className="site-header__inner">
        {home}
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
