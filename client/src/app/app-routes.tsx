import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { RequireViewer } from '../auth/components/require-viewer';
import { NetworkScope } from '../networks/network-context';
import { Loading } from '../ui/feedback';
import { NotFoundPage } from './pages/not-found-page';
import { RootRedirect } from './pages/root-redirect';

/** A component loaded from its own chunk when first drawn, so a page brings only what it draws. */
function lazyPage<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

// Every page and the signed-in layout load on demand; the shell (router, providers, the public layout) is the entry.
const AdaptResourcePage = lazyPage(() => import('../commons/pages/adapt-resource-page'), 'AdaptResourcePage');
const AimPage = lazyPage(() => import('../aims/pages/aim-page'), 'AimPage');
const AimSection = lazyPage(() => import('../aims/components/aim-section'), 'AimSection');
const AppLayout = lazyPage(() => import('./components/app-layout'), 'AppLayout');
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
const SignInPage = lazyPage(() => import('../auth/pages/sign-in-page'), 'SignInPage');
const SitesPage = lazyPage(() => import('../networks/pages/sites-page'), 'SitesPage');
const AccountPage = lazyPage(() => import('../account/pages/account-page'), 'AccountPage');
const ConfirmEmailPage = lazyPage(() => import('../account/pages/confirm-email-page'), 'ConfirmEmailPage');
const ForgotPasswordPage = lazyPage(() => import('../account/pages/forgot-password-page'), 'ForgotPasswordPage');
const MailLogPage = lazyPage(() => import('../mail/pages/mail-log-page'), 'MailLogPage');
const ResetPasswordPage = lazyPage(() => import('../account/pages/reset-password-page'), 'ResetPasswordPage');
const UnsubscribePage = lazyPage(() => import('../mail/pages/unsubscribe-page'), 'UnsubscribePage');

/** A page loaded on demand, with "Loading…" meanwhile. */
const onDemand = (page: ReactNode) => <Suspense fallback={<Loading />}>{page}</Suspense>;

/** Every page of the app and where it lives. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={onDemand(<PublicLayout />)}>
        <Route path="/sign-in" element={onDemand(<SignInPage />)} />
        <Route path="/invite/:token" element={onDemand(<InvitationPage />)} />
        <Route path="/setup" element={onDemand(<SetupPage />)} />
        <Route path="/forgot-password" element={onDemand(<ForgotPasswordPage />)} />
        <Route path="/reset-password/:token" element={onDemand(<ResetPasswordPage />)} />
        <Route path="/confirm-email/:token" element={onDemand(<ConfirmEmailPage />)} />
        <Route path="/unsubscribe/:token" element={onDemand(<UnsubscribePage />)} />
      </Route>
      <Route element={<RequireViewer />}>
        <Route element={onDemand(<AppLayout />)}>
          <Route index element={<RootRedirect />} />
          <Route path="/profile" element={onDemand(<ProfilePage />)} />
          <Route path="/profile/sessions" element={onDemand(<SessionsPage />)} />
          <Route path="/account" element={onDemand(<AccountPage />)} />
          <Route path="/n/:slug" element={<NetworkScope />}>
            <Route index element={onDemand(<HomePage />)} />
            <Route path="members" element={onDemand(<DirectoryPage />)} />
            <Route path="members/:userId" element={onDemand(<MemberPage />)} />
            <Route path="sites" element={onDemand(<SitesPage />)} />
            <Route path="invitations" element={onDemand(<InvitationsPage />)} />
            <Route path="mail" element={onDemand(<MailLogPage />)} />
            <Route element={onDemand(<AimSection />)}>
              <Route path="aim" element={onDemand(<AimPage />)} />
              <Route path="measures" element={onDemand(<MeasuresPage />)} />
              <Route path="measures/:measureId" element={onDemand(<MeasureChartPage />)} />
              <Route path="report" element={onDemand(<ReportPage />)} />
              <Route path="report/import" element={onDemand(<ImportPage />)} />
              <Route path="completeness" element={onDemand(<CompletenessPage />)} />
            </Route>
            <Route path="commons" element={onDemand(<CommonsPage />)} />
            <Route path="commons/new" element={onDemand(<NewResourcePage />)} />
            <Route path="commons/:resourceId" element={onDemand(<ResourcePage />)} />
            <Route path="commons/:resourceId/edit" element={onDemand(<EditResourcePage />)} />
            <Route path="commons/:resourceId/adapt" element={onDemand(<AdaptResourcePage />)} />
            <Route path="ideas" element={onDemand(<IdeasPage />)} />
            <Route path="ideas/new" element={onDemand(<ProposeIdeaPage />)} />
            <Route path="ideas/:ideaId" element={onDemand(<IdeaPage />)} />
            <Route path="groups" element={onDemand(<GroupsPage />)} />
            <Route path="groups/new" element={onDemand(<NewGroupPage />)} />
            <Route path="groups/:groupId" element={onDemand(<GroupPage />)} />
            <Route path="groups/:groupId/edit" element={onDemand(<EditGroupPage />)} />
            <Route path="notifications" element={onDemand(<NotificationsPage />)} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
          <Route path="/n" element={<Navigate to="/" replace />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
