import { lazy, type ReactNode, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { AccountPage } from '../account/pages/account-page';
import { ConfirmEmailPage } from '../account/pages/confirm-email-page';
import { ForgotPasswordPage } from '../account/pages/forgot-password-page';
import { ResetPasswordPage } from '../account/pages/reset-password-page';
import { UnsubscribePage } from '../mail/pages/unsubscribe-page';
import { AimSection } from '../aims/components/aim-section';
import { AimPage } from '../aims/pages/aim-page';
import { RequireViewer } from '../auth/components/require-viewer';
import { InvitationPage } from '../auth/pages/invitation-page';
import { SessionsPage } from '../auth/pages/sessions-page';
import { SignInPage } from '../auth/pages/sign-in-page';
import { IdeaPage } from '../change-ideas/pages/idea-page';
import { IdeasPage } from '../change-ideas/pages/ideas-page';
import { ProposeIdeaPage } from '../change-ideas/pages/propose-idea-page';
import { AdaptResourcePage } from '../commons/pages/adapt-resource-page';
import { CommonsPage } from '../commons/pages/commons-page';
import { EditResourcePage } from '../commons/pages/edit-resource-page';
import { NewResourcePage } from '../commons/pages/new-resource-page';
import { ResourcePage } from '../commons/pages/resource-page';
import { HomePage } from '../home/pages/home-page';
import { CompletenessPage } from '../measures/pages/completeness-page';
import { ImportPage } from '../measures/pages/import-page';
import { MeasuresPage } from '../measures/pages/measures-page';
import { ReportPage } from '../measures/pages/report-page';
import { DirectoryPage } from '../members/pages/directory-page';
import { InvitationsPage } from '../members/pages/invitations-page';
import { MemberPage } from '../members/pages/member-page';
import { NetworkScope } from '../networks/network-context';
import { SitesPage } from '../networks/pages/sites-page';
import { ProfilePage } from '../profile/pages/profile-page';
import { SetupPage } from '../setup/pages/setup-page';
import { Loading } from '../ui/feedback';
import { AppLayout, PublicLayout } from './components/layouts';
import { NotFoundPage } from './pages/not-found-page';
import { RootRedirect } from './pages/root-redirect';

// The chart page brings the chart library; it loads when first opened.
const MeasureChartPage = lazy(() => import('../charts/pages/measure-chart-page').then((module) => ({ default: module.MeasureChartPage })));
// Groups and the notifications list load when first opened too (the bell itself is always there).
const GroupsPage = lazy(() => import('../groups/pages/groups-page').then((module) => ({ default: module.GroupsPage })));
const NewGroupPage = lazy(() => import('../groups/pages/new-group-page').then((module) => ({ default: module.NewGroupPage })));
const GroupPage = lazy(() => import('../groups/pages/group-page').then((module) => ({ default: module.GroupPage })));
const EditGroupPage = lazy(() => import('../groups/pages/edit-group-page').then((module) => ({ default: module.EditGroupPage })));
const MailLogPage = lazy(() => import('../mail/pages/mail-log-page').then((module) => ({ default: module.MailLogPage })));
const NotificationsPage = lazy(() => import('../notifications/pages/notifications-page').then((module) => ({ default: module.NotificationsPage })));

/** A page loaded on demand, with "Loading…" meanwhile. */
const onDemand = (page: ReactNode) => <Suspense fallback={<Loading />}>{page}</Suspense>;

/** Every page of the app and where it lives. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/invite/:token" element={<InvitationPage />} />
        <Route path="/setup" element={<SetupPage />} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/reset-password/:token" element={<ResetPasswordPage />} />
        <Route path="/confirm-email/:token" element={<ConfirmEmailPage />} />
        <Route path="/unsubscribe/:token" element={<UnsubscribePage />} />
      </Route>
      <Route element={<RequireViewer />}>
        <Route element={<AppLayout />}>
          <Route index element={<RootRedirect />} />
          <Route path="/profile" element={<ProfilePage />} />
          <Route path="/profile/sessions" element={<SessionsPage />} />
          <Route path="/account" element={<AccountPage />} />
          <Route path="/n/:slug" element={<NetworkScope />}>
            <Route index element={<HomePage />} />
            <Route path="members" element={<DirectoryPage />} />
            <Route path="members/:userId" element={<MemberPage />} />
            <Route path="sites" element={<SitesPage />} />
            <Route path="invitations" element={<InvitationsPage />} />
            <Route path="mail" element={onDemand(<MailLogPage />)} />
            <Route element={<AimSection />}>
              <Route path="aim" element={<AimPage />} />
              <Route path="measures" element={<MeasuresPage />} />
              <Route
                path="measures/:measureId"
                element={
                  <Suspense fallback={<Loading />}>
                    <MeasureChartPage />
                  </Suspense>
                }
              />
              <Route path="report" element={<ReportPage />} />
              <Route path="report/import" element={<ImportPage />} />
              <Route path="completeness" element={<CompletenessPage />} />
            </Route>
            <Route path="commons" element={<CommonsPage />} />
            <Route path="commons/new" element={<NewResourcePage />} />
            <Route path="commons/:resourceId" element={<ResourcePage />} />
            <Route path="commons/:resourceId/edit" element={<EditResourcePage />} />
            <Route path="commons/:resourceId/adapt" element={<AdaptResourcePage />} />
            <Route path="ideas" element={<IdeasPage />} />
            <Route path="ideas/new" element={<ProposeIdeaPage />} />
            <Route path="ideas/:ideaId" element={<IdeaPage />} />
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
