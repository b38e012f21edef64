import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { GroupPageFieldsFragment } from '../../gql/graphql';
import { useNetwork } from '../../networks/network-context';
import { FormAlert, Loading, QueryError, StatusMessage } from '../../ui/feedback';
import { TextField } from '../../ui/field';
import { InviteToGroupDocument } from '../documents';
import { useDebounced } from '../hooks/use-debounced';
import { useGroupMutation } from '../hooks/use-group-actions';

const FindMembersDocument = graphql(`
  query FindMembersToInvite($networkId: ID!, $search: String!) {
    members(networkId: $networkId, first: 8, filter: { search: $search }) {
      totalCount
      nodes {
        id
        userId
        name
        role
        site {
          id
          name
        }
      }
    }
  }
`);

/** Shortest name fragment searched for. */
const MIN_SEARCH = 2;

/** Finds members of the network by name and invites them; those already in or invited are marked. */
export function InviteMember({ group }: { group: GroupPageFieldsFragment }) {
  const { t } = useTranslation();
  const { network } = useNetwork();
  const [search, setSearch] = useState('');
  const settled = useDebounced(search.trim());
  const [status, setStatus] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const invite = useGroupMutation(InviteToGroupDocument);
  const searching = settled.length >= MIN_SEARCH;
  const [{ data, fetching, error }] = useQuery({
    query: FindMembersDocument,
    variables: { networkId: network.id, search: settled },
    pause: !searching,
  });
  const placeOf = new Map(group.members.map((m) => [m.userId, m.status]));
  const found = searching ? (data?.members.nodes ?? []) : [];

  async function inviteMember(userId: string, name: string) {
    setStatus(null);
    setProblems([]);
    const problem = await invite.perform({ groupId: group.id, userId });
    if (problem) setProblems([problem]);
    else setStatus(t('groups.invite.sent', { name }));
  }

  return (
    <section className="group-section invite-member" aria-labelledby="invite-member">
      <h2 id="invite-member">{t('groups.invite.title')}</h2>
      <FormAlert messages={problems} />
      <TextField
        label={t('groups.invite.search')}
        hint={t('groups.invite.searchHint')}
        type="search"
        autoComplete="off"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <p role="status" className="small muted">
        {searching && data && !fetching ? t('groups.invite.found', { count: data.members.totalCount }) : ''}
      </p>
      {searching && fetching && !data && <Loading />}
      {error && <QueryError error={error} />}
      {found.length > 0 && (
        <ul className="member-list">
          {found.map((member) => {
            const place = placeOf.get(member.userId);
            return (
              <li key={member.id} className="member-list__item">
                <p className="member-list__who">
                  {member.name}
                  <span className="muted small">{` · ${t(`roles.${member.role}`)}${member.site ? ` · ${member.site.name}` : ''}`}</span>
                </p>
                <p className="member-list__actions">
                  {place ? (
                    <span className="muted small">
                      {place === 'INVITED' ? t('groups.invite.alreadyInvited') : t('groups.invite.alreadyIn')}
                    </span>
                  ) : (
                    <button
                      type="button"
                      className="button button--small"
                      disabled={invite.busy}
                      onClick={() => void inviteMember(member.userId, member.name)}
                    >
                      {t('groups.invite.invite')}
                      <span className="visually-hidden">{` ${member.name}`}</span>
                    </button>
                  )}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      <StatusMessage>{status}</StatusMessage>
    </section>
  );
}
