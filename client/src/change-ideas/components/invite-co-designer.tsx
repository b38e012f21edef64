import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { FormAlert, Loading, QueryError, StatusMessage } from '../../ui/feedback';
import { TextField } from '../../ui/field';
import { toFormErrors } from '../../graphql/errors';

const CoDesignerSearchDocument = graphql(`
  query CoDesignerSearch($networkId: ID!, $search: String!) {
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

const InviteCoDesignerDocument = graphql(`
  mutation InviteCoDesigner($ideaId: ID!, $userId: ID!) {
    inviteCoDesigner(ideaId: $ideaId, userId: $userId) {
      id
      coDesigners {
        id
        status
        role
        isProposer
        invitedAt
        joinedAt
        member {
          userId
          name
        }
        invitedBy {
          userId
          name
        }
      }
    }
  }
`);

interface InviteCoDesignerProps {
  ideaId: string;
  networkId: string;
  viewerId: string;
  /** Members already co-designing or invited: not offered again. */
  taken: readonly string[];
}

/** Finds a member of the directory by name and invites her to co-design the idea. */
export function InviteCoDesigner({ ideaId, networkId, viewerId, taken }: InviteCoDesignerProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: CoDesignerSearchDocument,
    variables: { networkId, search },
    pause: search === '',
  });
  const [inviteState, invite] = useMutation(InviteCoDesignerDocument);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const [problem, setProblem] = useState<string[]>([]);
  const results = (data?.members.nodes ?? []).filter((member) => member.userId !== viewerId);

  function find(event: FormEvent) {
    event.preventDefault();
    setAnnouncement(null);
    setSearch(text.trim());
  }

  async function inviteMember(userId: string, name: string) {
    const result = await invite({ ideaId, userId });
    if (result.error) {
      setProblem(toFormErrors(result.error, [], t).form);
      return;
    }
    setProblem([]);
    setAnnouncement(t('ideas.invite.sent', { name }));
  }

  return (
    <section className="invite-co-designer" aria-labelledby={headingId}>
      <h3 id={headingId} className="small-heading">
        {t('ideas.invite.title')}
      </h3>
      <form onSubmit={find} className="inline-search" role="search" aria-label={t('ideas.invite.title')}>
        <TextField
          label={t('ideas.invite.search')}
          hint={t('ideas.invite.searchHint')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          className="field--compact"
          type="search"
        />
        <button type="submit" className="button button--secondary button--small">
          {t('ideas.invite.find')}
        </button>
      </form>
      <StatusMessage>{announcement}</StatusMessage>
      <FormAlert messages={problem} />
      {search !== '' && fetching && !data && <Loading />}
      {error && <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {search !== '' && data && (
        <>
          <p className="muted small" role="status">
            {t('ideas.invite.found', { count: results.length })}
          </p>
          <ul className="people people--list">
            {results.map((member) => (
              <li key={member.id} className="people__row">
                <span>
                  <span className="people__name">{member.name}</span>
                  <span className="muted">
                    {' '}
                    · {t(`roles.${member.role}`)}
                    {member.site && ` · ${member.site.name}`}
                  </span>
                </span>
                {taken.includes(member.userId) ? (
                  <span className="muted small">{t('ideas.invite.already')}</span>
                ) : (
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => void inviteMember(member.userId, member.name)}
                    disabled={inviteState.fetching}
                  >
                    {t('ideas.invite.invite')} <span className="visually-hidden">{member.name}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
