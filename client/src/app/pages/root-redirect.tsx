import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { activeMemberships, useSignedInViewer } from '../../auth/viewer';
import { PageHeading } from '../../ui/page-heading';

/** "/" opens the member's first network; a member of none is told how to join one. */
export function RootRedirect() {
  const { t } = useTranslation();
  const viewer = useSignedInViewer();
  const [first] = activeMemberships(viewer);
  if (first) return <Navigate to={`/n/${first.network.slug}`} replace />;
  return (
    <div className="narrow">
      <PageHeading>{t('home.noNetwork.title')}</PageHeading>
      <p>{t('home.noNetwork.body')}</p>
    </div>
  );
}
