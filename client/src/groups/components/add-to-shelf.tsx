import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { CommonsSearchDocument, RESOURCE_CONTEXT } from '../../commons/documents';
import type { GroupPageFieldsFragment } from '../../gql/graphql';
import { useNetwork } from '../../networks/network-context';
import { FormAlert, Loading, QueryError } from '../../ui/feedback';
import { TextField } from '../../ui/field';
import { AddToGroupShelfDocument } from '../documents';
import { useDebounced } from '../hooks/use-debounced';
import { useGroupMutation } from '../hooks/use-group-actions';

const RESULTS = 6;
const MIN_SEARCH = 2;

/** Finds a resource in the commons by its words and puts it on the group's shelf. */
export function AddToShelf({ group, onAdded }: { group: GroupPageFieldsFragment; onAdded: (title: string) => void }) {
  const { t } = useTranslation();
  const { network } = useNetwork();
  const headingId = useId();
  const [search, setSearch] = useState('');
  const settled = useDebounced(search.trim());
  const [problems, setProblems] = useState<string[]>([]);
  const add = useGroupMutation(AddToGroupShelfDocument);
  const searching = settled.length >= MIN_SEARCH;
  const [{ data, fetching, error }] = useQuery({
    query: CommonsSearchDocument,
    variables: {
      networkId: network.id,
      query: settled,
      filter: null,
      sort: 'RELEVANCE',
      types: ['RESOURCE'],
      first: RESULTS,
      after: null,
      withFacets: false,
    },
    context: RESOURCE_CONTEXT,
    pause: !searching,
  });
  const shelved = new Set(group.shelf.map((item) => item.resource.id));
  const hits = searching ? (data?.search.nodes ?? []).filter((hit) => hit.resource && !hit.resource.hidden) : [];

  async function addResource(resourceId: string, title: string) {
    setProblems([]);
    const problem = await add.perform({ groupId: group.id, resourceId });
    if (problem) setProblems([problem]);
    else onAdded(title);
  }

  return (
    <div className="add-to-shelf" role="group" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('groups.shelf.addTitle')}</h3>
      <FormAlert messages={problems} />
      <TextField
        label={t('groups.shelf.search')}
        type="search"
        autoComplete="off"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <p role="status" className="small muted">
        {searching && data && !fetching ? t('groups.shelf.found', { count: data.search.totalCount }) : ''}
      </p>
      {searching && fetching && !data && <Loading />}
      {error && <QueryError error={error} />}
      {hits.length > 0 && (
        <ul className="member-list">
          {hits.map(({ id, resource }) =>
            resource ? (
              <li key={id} className="member-list__item">
                <p className="member-list__who">
                  {resource.title}
                  <span className="muted small">{` · ${t(`commons.kind.${resource.kind}`)}`}</span>
                </p>
                <p className="member-list__actions">
                  {shelved.has(resource.id) ? (
                    <span className="muted small">{t('groups.shelf.onShelf')}</span>
                  ) : (
                    <button
                      type="button"
                      className="button button--small"
                      disabled={add.busy}
                      onClick={() => void addResource(resource.id, resource.title)}
                    >
                      {t('groups.shelf.add')}
                      <span className="visually-hidden">{`: ${resource.title}`}</span>
                    </button>
                  )}
                </p>
              </li>
            ) : null,
          )}
        </ul>
      )}
    </div>
  );
}
