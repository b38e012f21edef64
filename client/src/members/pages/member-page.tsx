import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { errorCode } from '../../graphql/errors';
import { useFormatDate } from '../../i18n/format';
import { useNetwork } from '../../networks/network-context';
import { Loading, QueryError } from '../../ui/feedback';
import { PageHeading } from '../../ui/page-heading';
import { InterestTags } from '../components/interest-tags';
import { MemberAdmin } from '../components/member-admin';

const MemberDetailDocument = graphql(`
  query MemberDetail($networkId: ID!, $userId: ID!) {
    member(networkId: $networkId, userId: $userId) {
      ...MemberSummary
      bio
      email
      joinedAt
    }
  }
`);

/** One member: who she is, what she cares about, and (for admins) her role and access. */
export function MemberPage() {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const { userId = '' } = useParams();
  const { network, actor } = useNetwork();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: MemberDetailDocument,
    variables: { networkId: network.id, userId },
  });
  const member = data?.member;
  const directory = `/n/${network.slug}/members`;

  const back = (
    <p className="breadcrumb">
      <Link to={directory}>{t('members.backToDirectory')}</Link>
    </p>
  );

  if (!member) {
    const missing = errorCode(error) === 'NOT_FOUND' || errorCode(error) === 'BAD_USER_INPUT';
    return (
      <>
        {back}
        <PageHeading>{missing ? t('members.notFound') : t('members.member')}</PageHeading>
        {missing && <p>{t('members.notFoundBody')}</p>}
        {fetching && <Loading />}
        {error && !missing && <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      </>
    );
  }

  const isSelf = member.userId === actor.userId;
  return (
    <>
      {back}
      <PageHeading>{member.name}</PageHeading>
      <div className="member-detail">
        <div className="panel">
          <p className="member-detail__role">
            {t(`roles.${member.role}`)}
            {member.site && ` · ${member.site.name}`}
          </p>
          {!member.active && <p className="badge badge--warning">{t('members.deactivated')}</p>}
          <dl className="facts">
            {member.pronouns && (
              <div>
                <dt>{t('profile.fields.pronouns')}</dt>
                <dd>{member.pronouns}</dd>
              </div>
            )}
            <div>
              <dt>{t('members.joined')}</dt>
              <dd>{formatDate(member.joinedAt)}</dd>
            </div>
            {member.email && (
              <div>
                <dt>{t('auth.fields.email')}</dt>
                <dd>
                  <a href={`mailto:${member.email}`}>{member.email}</a>
                </dd>
              </div>
            )}
          </dl>
          <h2>{t('members.about')}</h2>
          {member.bio ? <p className="prose">{member.bio}</p> : <p className="muted">{t('members.noBio')}</p>}
          <h2>{t('members.interests')}</h2>
          {member.interests.length ? (
            <InterestTags interests={member.interests} shared={member.sharedInterests} />
          ) : (
            <p className="muted">{t('members.noInterests')}</p>
          )}
          {member.sharedInterests.length > 0 && (
            <p>{t('members.shared', { interests: member.sharedInterests.join(', ') })}</p>
          )}
          {isSelf && (
            <p>
              <Link to="/profile">{t('home.welcome.editProfile')}</Link>
            </p>
          )}
        </div>
        {(member.viewerCanChangeRole || member.viewerCanDeactivate) && <MemberAdmin member={member} />}
      </div>
    </>
  );
}
