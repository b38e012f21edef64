import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useViewer } from '../../auth/viewer';
import { Loading, QueryError } from '../../ui/feedback';
import { PageHeading } from '../../ui/page-heading';
import { SetupForm } from '../components/setup-form';
import { useSetupStatus } from '../hooks/use-setup-status';
import '../setup.css';

/**
 * The first-run page (`/setup?token=…`): while no network exists, whoever holds the one-time link
 * the server printed creates the network and becomes its first admin.
 */
export function SetupPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const linkToken = params.get('token');
  const { viewer } = useViewer();
  const { needed, error, refresh } = useSetupStatus();

  if (needed === null) {
    return (
      <div className="narrow">
        <PageHeading>{t('setup.title')}</PageHeading>
        {error ? <QueryError error={error} onRetry={refresh} /> : <Loading />}
      </div>
    );
  }

  if (!needed) {
    return (
      <div className="narrow">
        <PageHeading>{t('setup.done.title')}</PageHeading>
        <p>{t('setup.done.body')}</p>
        <p>
          {viewer ? <Link to="/">{t('setup.done.open')}</Link> : <Link to="/sign-in">{t('setup.done.signIn')}</Link>}
        </p>
      </div>
    );
  }

  return (
    <div className="narrow">
      <PageHeading>{t('setup.title')}</PageHeading>
      <p className="lead">{t('setup.intro')}</p>
      {linkToken === null && <p className="notice">{t('setup.codeNeeded')}</p>}
      <SetupForm linkToken={linkToken} onAlreadySetUp={refresh} />
    </div>
  );
}
