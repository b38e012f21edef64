import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSignedInViewer } from '../../auth/viewer';
import { NotificationPreferences } from '../../notifications/components/notification-preferences';
import { Card } from '../../ui/card';
import { PageHeading } from '../../ui/page-heading';
import { ChangeEmailForm } from '../components/change-email-form';
import { ChangePasswordForm } from '../components/change-password-form';
import { TwoFactorSection } from '../components/two-factor-section';

/** Account settings: password, email address, two-factor sign-in, and which notices come by email. */
export function AccountPage() {
  const { t } = useTranslation();
  const viewer = useSignedInViewer();
  return (
    <div className="narrow">
      <PageHeading>{t('account.title')}</PageHeading>
      <p className="lead">{t('account.intro')}</p>
      <Card title={t('account.security')}>
        <ChangePasswordForm />
        <ChangeEmailForm email={viewer.email} />
        <TwoFactorSection />
        <p>
          <Link to="/profile/sessions">{t('profile.security.sessions')}</Link>
        </p>
      </Card>
      <NotificationPreferences />
    </div>
  );
}
