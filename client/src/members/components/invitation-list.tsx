import { MAX_PAGE_SIZE } from '@commons/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { InvitationItemFragment } from '../../gql/graphql';
import { describeError } from '../../graphql/errors';
import { useFormatDate } from '../../i18n/format';
import { useNetwork } from '../../networks/network-context';
import { Card } from '../../ui/card';
import { FormAlert, Loading, QueryError, StatusMessage } from '../../ui/feedback';

graphql(`
  fragment InvitationItem on Invitation {
    id
    email
    role
    siteId
    siteName
    status
    invitedByName
    createdAt
    expiresAt
    viewerCanRevoke
  }
`);

const InvitationsDocument = graphql(`
  query Invitations($networkId: ID!, $first: Int!) {
    invitations(networkId: $networkId, first: $first) {
      totalCount
      pageInfo {
        hasNextPage
      }
      nodes {
        ...InvitationItem
      }
    }
  }
`);

const RevokeInvitationDocument = graphql(`
  mutation RevokeInvitation($invitationId: ID!) {
    revokeInvitation(invitationId: $invitationId) {
      ...InvitationItem
    }
  }
`);

const PAGE_SIZE = 20;
const INVITATION_CONTEXT = { additionalTypenames: ['Invitation'] };

/** The invitations the viewer may see, newest first, each pending one with a way to withdraw it. */
export function InvitationList() {
  const { t } = useTranslation();
  const { network } = useNetwork();
  const [first, setFirst] = useState(PAGE_SIZE);
  // An empty list names no types, so say which changes make it stale (a new invitation).
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: InvitationsDocument,
    variables: { networkId: network.id, first },
    context: INVITATION_CONTEXT,
  });
  const [, revoke] = useMutation(RevokeInvitationDocument);
  const [messages, setMessages] = useState<string[]>([]);
  const [status, setStatus] = useState<string | null>(null);

  async function withdraw(invitation: InvitationItemFragment) {
    setMessages([]);
    const result = await revoke({ invitationId: invitation.id });
    if (result.error) setMessages([describeError(result.error, t)]);
    else setStatus(t('invitations.list.revoked', { email: invitation.email }));
  }

  const list = data?.invitations;
  return (
    <Card title={t('invitations.list.title')}>
      <FormAlert messages={messages} />
      <StatusMessage>{status}</StatusMessage>
      {!list && fetching && <Loading />}
      {!list && error && <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {list && list.nodes.length === 0 && <p>{t('invitations.list.empty')}</p>}
      {list && list.nodes.length > 0 && (
        <ul className="stack-list">
          {list.nodes.map((invitation) => (
            <InvitationRow
              key={invitation.id}
              invitation={invitation}
              onRevoke={invitation.viewerCanRevoke ? () => void withdraw(invitation) : undefined}
            />
          ))}
        </ul>
      )}
      {list?.pageInfo.hasNextPage && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setFirst((n) => Math.min(n + PAGE_SIZE, MAX_PAGE_SIZE))}
          disabled={first >= MAX_PAGE_SIZE}
        >
          {t('invitations.list.showMore')}
        </button>
      )}
    </Card>
  );
}

function InvitationRow({ invitation, onRevoke }: { invitation: InvitationItemFragment; onRevoke?: () => void }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <li className="invitation">
      <div>
        <p className="invitation__email">{invitation.email}</p>
        <p className="muted small">
          {t(`roles.${invitation.role}`)}
          {invitation.siteName && ` · ${invitation.siteName}`} ·{' '}
          {invitation.invitedByName
            ? t('invitations.list.invitedBy', {
                name: invitation.invitedByName,
                date: formatDate(invitation.createdAt),
              })
            : t('invitations.list.madeBySetup', { date: formatDate(invitation.createdAt) })}
        </p>
        <p className="small">
          <span className={`badge badge--${invitation.status.toLowerCase()}`}>
            {t(`invitations.status.${invitation.status}`)}
          </span>{' '}
          {invitation.status === 'PENDING' && (
            <span className="muted">{t('invitations.list.expires', { date: formatDate(invitation.expiresAt) })}</span>
          )}
        </p>
      </div>
      {onRevoke && (
        <button
          type="button"
          className="button button--secondary"
          onClick={onRevoke}
          aria-label={t('invitations.list.revokeLabel', { email: invitation.email })}
        >
          {t('invitations.list.revoke')}
        </button>
      )}
    </li>
  );
}
