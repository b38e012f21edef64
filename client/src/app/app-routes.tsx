import { type ComponentType, lazy, type LazyExoticComponent, type ReactNode, Suspense } from 'react';
import { matchRoutes, Navigate, type RouteObject, useRoutes } from 'react-router';
import { RequireViewer } from '../auth/components/require-viewer';
import { PageDrawn } from '../graphql/graphql-provider';
import { NetworkScope } from '../networks/network-context';
import { Loading } from '../ui/feedback';
import { AppLayout } from './components/app-layout';
import { NotFoundPage } from './pages/not-found-page';
import { RootRedirect } from './pages/root-redirect';
import { SignInRedirect } from './pages/sign-in-redirect';

/** A page (or layout) loaded from its own chunk when first drawn, which can also be fetched ahead of time. */
type LazyPage = LazyExoticComponent<ComponentType> & { chunk: string; preload: () => Promise<unknown> };

/**
 * A component loaded from its own chunk when first drawn, so a page brings only what it draws. Once
 * its chunk is in (`preload`), it draws at once instead of suspending for a turn: a page the server
 * drew is then taken over by the app as it is (hydrated) rather than drawn again.
 */
function lazyPage<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name): LazyPage {
  let loaded: { default: ComponentType } | undefined;
  const preload = () =>
    load().then((module) => {
      loaded = { default: module[name] };
      return module;
    });
  // React takes a module from a thenable that calls back at once, without waiting (see React.lazy).
  const loadedAlready = (module: { default: ComponentType }) =>
    ({ then: (resolve: (value: typeof module) => void) => resolve(module) }) as unknown as Promise<typeof module>;
  return Object.assign(
    lazy(() => (loaded ? loadedAlready(loaded) : preload().then((module) => ({ default: module[name] })))),
    { chunk: name, preload },
  );
}

// Every page loads on demand. The shell (router, providers) and the signed-in layout are the entry:
// nearly every visit draws that layout, and as a chunk of its own it cost a phone a round of
// requests and a render before the page's own could start.
const AdaptResourcePage = lazyPage(() => import('../commons/pages/adapt-resource-page'), 'AdaptResourcePage');
const AimPage = lazyPage(() => import('../aims/pages/aim-page'), 'AimPage');
const AimSection = lazyPage(() => import('../aims/components/aim-section'), 'AimSection');
const CommonsPage = lazyPage(() => import('../commons/pages/commons-page'), 'CommonsPage');
const CompletenessPage = lazyPage(() => import('../measures/pages/completeness-page'), 'CompletenessPage');
const DirectoryPage = lazyPage(() => import('../members/pages/directory-page'), 'DirectoryPage');
const EditGroupPage = lazyPage(() => import('../groups/pages/edit-group-page'), 'EditGroupPage');
const EditResourcePage = lazyPage(() => import('../commons/pages/edit-resource-page'), 'EditResourcePage');
const GroupPage = lazyPage(() => import('../groups/pages/group-page'), 'GroupPage');
const GroupsPage = lazyPage(() => import('../groups/pages/groups-page'), 'GroupsPage');
const HomePage = lazyPage(() => import('../home/pages/home-page'), 'HomePage');
const IdeaPage = lazyPage(() => import('../change-ideas/pages/idea-page'), 'IdeaPage');
const IdeasPage = lazyPage(() => import('../change-ideas/pages/ideas-page'), 'IdeasPage');
const ImportPage = lazyPage(() => import('../measures/pages/import-page'), 'ImportPage');
const InvitationPage = lazyPage(() => import('../auth/pages/invitation-page'), 'InvitationPage');
const InvitationsPage = lazyPage(() => import('../members/pages/invitations-page'), 'InvitationsPage');
const MeasureChartPage = lazyPage(() => import('../charts/pages/measure-chart-page'), 'MeasureChartPage');
const MeasuresPage = lazyPage(() => import('../measures/pages/measures-page'), 'MeasuresPage');
const MemberPage = lazyPage(() => import('../members/pages/member-page'), 'MemberPage');
const NewGroupPage = lazyPage(() => import('../groups/pages/new-group-page'), 'NewGroupPage');
const NewResourcePage = lazyPage(() => import('../commons/pages/new-resource-page'), 'NewResourcePage');
const NotificationsPage = lazyPage(() => import('../notifications/pages/notifications-page'), 'NotificationsPage');
const PublicLayout = lazyPage(() => import('./components/layouts'), 'PublicLayout');
const ProfilePage = lazyPage(() => import('../profile/pages/profile-page'), 'ProfilePage');
const ProposeIdeaPage = lazyPage(() => import('../change-ideas/pages/propose-idea-page'), 'ProposeIdeaPage');
const ReportPage = lazyPage(() => import('../measures/pages/report-page'), 'ReportPage');
const ResourcePage = lazyPage(() => import('../commons/pages/resource-page'), 'ResourcePage');
const SessionsPage = lazyPage(() => import('../auth/pages/sessions-page'), 'SessionsPage');
const SetupPage = lazyPage(() => import('../setup/pages/setup-page'), 'SetupPage');
const SitesPage = lazyPage(() => import('../networks/pages/sites-page'), 'SitesPage');
const AccountPage = lazyPage(() => import('../account/pages/account-page'), 'AccountPage');
const ConfirmEmailPage = lazyPage(() => import('../account/pages/confirm-email-page'), 'ConfirmEmailPage');
const ForgotPasswordPage = lazyPage(() => import('../account/pages/forgot-password-page'), 'ForgotPasswordPage');
const MailLogPage = lazyPage(() => import('../mail/pages/mail-log-page'), 'MailLogPage');
const ResetPasswordPage = lazyPage(() => import('../account/pages/reset-password-page'), 'ResetPasswordPage');
const UnsubscribePage = lazyPage(() => import('../mail/pages/unsubscribe-page'), 'UnsubscribePage');

/** A page loaded on demand, with "Loading…" meanwhile. */
const onDemand = (page: ReactNode) => (
  <Suspense fallback={<Loading />}>
    {page}
    <PageDrawn />
  </Suspense>
);

/** A route drawn by a page of its own chunk; the chunk is named in `handle` so start-up can fetch it early. */
function page(path: string, Page: LazyPage, children?: RouteObject[]): RouteObject {
  return { path, element: onDemand(<Page />), handle: Page, children };
}
function layout(Layout: LazyPage, children: RouteObject[]): RouteObject {
  return { element: onDemand(<Layout />), handle: Layout, children };
}

/** Every page of the app and where it lives. */
const appRoutes: RouteObject[] = [
  { path: '/sign-in', element: <SignInRedirect /> },
  layout(PublicLayout, [
    page('/invite/:token', InvitationPage),
    page('/setup', SetupPage),
    page('/forgot-password', ForgotPasswordPage),
    page('/reset-password/:token', ResetPasswordPage),
    page('/confirm-email/:token', ConfirmEmailPage),
    page('/unsubscribe/:token', UnsubscribePage),
  ]),
  {
    element: <RequireViewer />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <RootRedirect /> },
          page('/profile', ProfilePage),
          page('/profile/sessions', SessionsPage),
          page('/account', AccountPage),
          {
            path: '/n/:slug',
            element: <NetworkScope />,
            children: [
              { index: true, element: onDemand(<HomePage />), handle: HomePage },
              page('members', DirectoryPage),
              page('members/:userId', MemberPage),
              page('sites', SitesPage),
              page('invitations', InvitationsPage),
              page('mail', MailLogPage),
              layout(AimSection, [
                page('aim', AimPage),
                page('measures', MeasuresPage),
                page('measures/:measureId', MeasureChartPage),
                page('report', ReportPage),
                page('report/import', ImportPage),
                page('completeness', CompletenessPage),
              ]),
              page('commons', CommonsPage),
              page('commons/new', NewResourcePage),
              page('commons/:resourceId', ResourcePage),
              page('commons/:resourceId/edit', EditResourcePage),
              page('commons/:resourceId/adapt', AdaptResourcePage),
              page('ideas', IdeasPage),
              page('ideas/new', ProposeIdeaPage),
              page('ideas/:ideaId', IdeaPage),
              page('groups', GroupsPage),
              page('groups/new', NewGroupPage),
              page('groups/:groupId', GroupPage),
              page('groups/:groupId/edit', EditGroupPage),
              page('notifications', NotificationsPage),
              { path: '*', element: <NotFoundPage /> },
            ],
          },
          { path: '/n', element: <Navigate to="/" replace /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

/** Every page of the app and where it lives. */
export function AppRoutes() {
  return useRoutes(appRoutes);
}

/** The chunks the page at `pathname` draws, outermost first: its layouts and the page itself. */
export function chunksFor(pathname: string): LazyPage[] {
  return (matchRoutes(appRoutes, pathname) ?? []).flatMap((match) => {
    const chunk = match.route.handle as LazyPage | undefined;
    return chunk ? [chunk] : [];
  });
}

/**
 * Starts fetching the chunks of the page at `pathname` at once, side by side, instead of one after
 * another as each layout renders the next.
 */
export function preloadPage(pathname: string): void {
  for (const chunk of chunksFor(pathname)) void chunk.preload().catch(() => undefined);
}

/** Resolves once the chunks of the page at `pathname` are in, so it draws without suspending; never rejects. */
export async function loadPage(pathname: string): Promise<void> {
  await Promise.all(chunksFor(pathname).map((chunk) => chunk.preload().catch(() => undefined)));
}
