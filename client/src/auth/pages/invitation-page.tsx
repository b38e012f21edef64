import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { errorCode } from '../../graphql/errors';
import { useFormatDate } from '../../i18n/format';
import { Loading, QueryError } from '../../ui/feedback';
import { PageHeading } from '../../ui/page-heading';
import { AcceptInvitation } from '../components/accept-invitation';
import { RegisterForm } from '../components/register-form';
import { type InvitationPreview, InvitationPreviewDocument } from '../invitation-preview';
import { useViewer } from '../viewer';

/** An invitation link: what it offers, then registering (or joining, when signed in). */
export function InvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const { viewer, loading } = useViewer();
  const [{ data, fetching, error }] = useQuery({ query: InvitationPreviewDocument, variables: { token } });
  const preview = data?.invitationPreview;

  if (!preview) {
    return (
      <div className="narrow">
        <PageHeading>{t('invite.title')}</PageHeading>
        {(fetching || loading) && <Loading />}
        {error && errorCode(error) === 'NOT_FOUND' && <p className="notice notice--error">{t('invite.notFound')}</p>}
        {error && errorCode(error) !== 'NOT_FOUND' && <QueryError error={error} />}
      </div>
    );
  }

  return (
    <div className="narrow">
      <PageHeading>{t('invite.heading', { network: preview.networkName })}</PageHeading>
      <InvitationSummary preview={preview} />
      {preview.status !== 'PENDING' ? (
        <p className="notice notice--error">{t(`invite.status.${preview.status}`)}</p>
      ) : viewer ? (
        <AcceptInvitation token={token} preview={preview} viewer={viewer} />
      ) : (
        <>
          <RegisterForm token={token} preview={preview} />
          <p className="muted">
            {t('invite.haveAccount')}{' '}
            <Link to={`/sign-in?next=${encodeURIComponent(`/invite/${token}`)}`}>{t('invite.signInFirst')}</Link>
          </p>
        </>
      )}
    </div>
  );
}

function InvitationSummary({ preview }: { preview: InvitationPreview }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <dl className="facts panel">
      <div>
        <dt>{t('invite.role')}</dt>
        <dd>{t(`roles.${preview.role}`)}</dd>
      </div>
      {preview.siteName && (
        <div>
          <dt>{t('invite.site')}</dt>
          <dd>{preview.siteName}</dd>
        </div>
      )}
      <div>
        <dt>{t('invite.sentTo')}</dt>
        <dd>{preview.email}</dd>
      </div>
      <div>
        <dt>{t('invite.expires')}</dt>
        <dd>{formatDate(preview.expiresAt)}</dd>
      </div>
    </dl>
  );
}
