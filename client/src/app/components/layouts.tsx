import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { useViewer } from '../../auth/viewer';
import { SiteHeader } from './site-header';

// A signed-in member on a public page (an invitation) still sees her menu; it loads only then.
const MemberMenu = lazy(() => import('./member-menu').then((module) => ({ default: module.MemberMenu })));

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

/** Pages for everyone (sign in, invitations): the banner and the page, no network menu. */
export function PublicLayout() {
  const { viewer } = useViewer();
  return (
    <div className="app">
      <SkipLink />
      <SiteHeader
        member={
          viewer && (
            <Suspense fallback={null}>
              <MemberMenu viewer={viewer} slug={null} />
            </Suspense>
          )
        }
      />
      <main id="main" tabIndex={-1} className="page-shell">
        <Outlet />
      </main>
      <SiteFooter />
    </div>
  );
}
