import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { Loading, QueryError } from '../../ui/feedback';
import { useViewer } from '../viewer';

/** Renders its pages for a signed-in member; sends anyone else to sign in, then back here. */
export function RequireViewer() {
  const { t } = useTranslation();
  const { viewer, loading, error, refresh } = useViewer();
  const location = useLocation();

  if (loading) {
    return (
      <main id="main" className="page-shell page-shell--centered">
        <Loading label={t('auth.checkingSession')} />
      </main>
    );
  }
  if (error) {
    return (
      <main id="main" className="page-shell page-shell--centered">
        <QueryError error={error} onRetry={refresh} />
      </main>
    );
  }
  if (!viewer) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}
