import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useQuery } from 'urql';
import type { GroupPageFieldsFragment } from '../../gql/graphql';
import { errorCode } from '../../graphql/errors';
import { useFormatDate } from '../../i18n/format';
import { useNetwork } from '../../networks/network-context';
import { Loading, QueryError, StatusMessage } from '../../ui/feedback';
import { PageHeading } from '../../ui/page-heading';
import { GroupBadges } from '../components/group-badges';
import { GroupDiscussion } from '../components/group-discussion';
import { GroupMembers } from '../components/group-members';
import { GroupMembership } from '../components/group-membership';
import { GroupShelf } from '../components/group-shelf';
import { InviteMember } from '../components/invite-member';
import { GroupDocument } from '../documents';
import '../groups.css';

/** What a page tells the group page when it sends the member there (after starting or editing it). */
export interface GroupPageState {
  flash?: string;
}

/** A working group: what it is for, who is in it, its shelf of resources and its discussion, and what the member may do. */
export function GroupPage() {
  const { groupId = '' } = useParams();
  const { network } = useNetwork();
  const location = useLocation();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: GroupDocument, variables: { id: groupId } });
  const [status, setStatus] = useState<string | null>(() => (location.state as GroupPageState | null)?.flash ?? null);
  const group = data?.group.networkId === network.id ? data.group : null;

  if (!group) {
    if (data || errorCode(error) === 'NOT_FOUND' || errorCode(error) === 'BAD_USER_INPUT') return <GroupNotFound />;
    if (error) return <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
    return fetching ? <Loading /> : null;
  }
  return <GroupView group={group} status={status} onStatus={setStatus} />;
}

function GroupView({
  group,
  status,
  onStatus,
}: {
  group: GroupPageFieldsFragment;
  status: string | null;
  onStatus: (message: string | null) => void;
}) {
  const { t } = useTranslation();
  const { network } = useNetwork();
  const formatDate = useFormatDate();
  return (
    <article className="group-page">
      <p className="breadcrumb">
        <Link to={`/n/${network.slug}/groups`}>{t('groups.backToGroups')}</Link>
      </p>
      <GroupBadges group={group} />
      <PageHeading>{group.name}</PageHeading>
      <p className="group-page__byline">
        {t('groups.byline', { name: group.createdBy.name, date: formatDate(group.createdAt) })}
        {' · '}
        {t('groups.memberCount', { count: group.memberCount })}
      </p>
      <StatusMessage>{status}</StatusMessage>
      {group.archived && <p className="notice">{t('groups.archivedNotice')}</p>}
      <GroupMembership group={group} onStatus={onStatus} />
      <div className="group-layout">
        <div className="group-layout__main">
          <section className="group-section" aria-labelledby="group-purpose">
            <h2 id="group-purpose">{t('groups.purposeTitle')}</h2>
            {group.purpose ? (
              <p className="group-page__purpose">{group.purpose}</p>
            ) : (
              <p className="muted">{t('groups.noPurpose')}</p>
            )}
          </section>
          <GroupShelf group={group} />
          <GroupDiscussion groupId={group.id} />
        </div>
        <div className="group-layout__aside">
          <GroupMembers group={group} />
          {group.viewerCanInvite && <InviteMember group={group} />}
        </div>
      </div>
    </article>
  );
}

/** A group that does not exist, is in another network, or is invite-only and not the member's. */
export function GroupNotFound() {
  const { t } = useTranslation();
  const { network } = useNetwork();
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/n/${network.slug}/groups`}>{t('groups.backToGroups')}</Link>
      </p>
      <PageHeading>{t('groups.notFound.title')}</PageHeading>
      <p>{t('groups.notFound.body')}</p>
    </>
  );
}
