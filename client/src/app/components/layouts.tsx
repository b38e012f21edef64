import { lazy, Suspense } from 'react';
import { Outlet } from 'react-router';
import { useViewer } from '../../auth/viewer';
import { HomeLink } from './home-link';
import { SiteFooter, SiteHeader, SkipLink } from './page-frame';

// A signed-in member on a public page (an invitation) still sees her menu; it loads only then.
const MemberMenu = lazy(() => import('./member-menu').then((module) => ({ default: module.MemberMenu })));

/** Pages for everyone (sign in, invitations): the banner and the page, no network menu. */
export function PublicLayout() {
  const { viewer } = useViewer();
  return (
    <div className="app">
      <SkipLink />
      <SiteHeader
        home={<HomeLink />}
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
