import { MAX_PAGE_SIZE } from '@commons/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { GROUP_CONTEXT, GroupsDocument } from '../documents';
import { useRespondToInvitation } from '../hooks/use-group-actions';
import { FormAlert, StatusMessage } from '../../ui/feedback';

/** The groups the member is invited to, each with Accept and Decline; nothing when there are none. */
export function GroupInvitations({ networkId, networkSlug }: { networkId: string; networkSlug: string }) {
  const { t } = useTranslation();
  const [{ data }] = useQuery({
    query: GroupsDocument,
    variables: { networkId, mine: true, includeArchived: false, first: MAX_PAGE_SIZE, after: null },
    context: GROUP_CONTEXT,
  });
  const { respond, busy } = useRespondToInvitation();
  const [status, setStatus] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const invited = data?.groups.nodes.filter((group) => group.viewerMembership?.status === 'INVITED') ?? [];

  async function answer(group: { id: string; name: string }, accept: boolean) {
    setStatus(null);
    setProblems([]);
    const problem = await respond(group.id, accept);
    if (problem) setProblems([problem]);
    else
      setStatus(
        accept
          ? t('groups.invitation.accepted', { name: group.name })
          : t('groups.invitation.declined', { name: group.name }),
      );
  }

  return (
    <>
      <FormAlert messages={problems} />
      <StatusMessage>{status}</StatusMessage>
      {invited.length > 0 && (
        <section className="panel group-invitations" aria-labelledby="group-invitations">
          <h2 id="group-invitations">{t('groups.invitation.listTitle', { count: invited.length })}</h2>
          <ul className="plain-list">
            {invited.map((group) => (
              <li key={group.id} className="group-invitation">
                <Link to={`/n/${networkSlug}/groups/${group.id}`}>{group.name}</Link>
                <span className="button-row">
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => void answer(group, true)}
                    disabled={busy}
                  >
                    {t('groups.invitation.accept')}
                    <span className="visually-hidden">{`: ${group.name}`}</span>
                  </button>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => void answer(group, false)}
                    disabled={busy}
                  >
                    {t('groups.invitation.decline')}
                    <span className="visually-hidden">{`: ${group.name}`}</span>
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
