import { MAX_PAGE_SIZE } from '@commons/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { Card } from '../../ui/card';
import { Loading, QueryError } from '../../ui/feedback';
import type { HomeCardProps } from '../card-registry';

const InvitationStatusesDocument = graphql(`
  query InvitationStatuses($networkId: ID!, $first: Int!) {
    invitations(networkId: $networkId, first: $first) {
      totalCount
      pageInfo {
        hasNextPage
      }
      nodes {
        id
        status
      }
    }
  }
`);

const INVITATION_CONTEXT = { additionalTypenames: ['Invitation'] };

/** How many invitations are still waiting for an answer. */
export function PendingInvitationsCard({ network }: HomeCardProps) {
  const { t } = useTranslation();
  // The API has no status filter yet, so pending ones are counted in the newest page.
  const [{ data, fetching, error }] = useQuery({
    query: InvitationStatusesDocument,
    variables: { networkId: network.id, first: MAX_PAGE_SIZE },
    context: INVITATION_CONTEXT,
  });
  const pending = data?.invitations.nodes.filter((invitation) => invitation.status === 'PENDING').length ?? 0;
  const more = data?.invitations.pageInfo.hasNextPage ?? false;

  return (
    <Card title={t('home.pendingInvitations.title')}>
      {fetching && !data && <Loading />}
      {error && <QueryError error={error} />}
      {data && (
        <p className="big-number">
          <span className="big-number__value">{more ? `${pending}+` : pending}</span>{' '}
          <span>{t('home.pendingInvitations.count', { count: pending })}</span>
        </p>
      )}
      <p>
        <Link to={`/n/${network.slug}/invitations`}>{t('home.pendingInvitations.manage')}</Link>
      </p>
    </Card>
  );
}
