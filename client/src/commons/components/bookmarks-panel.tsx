import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { Card } from '../../ui/card';
import { Loading, QueryError } from '../../ui/feedback';
import { RESOURCE_CONTEXT } from '../documents';
import { ResourceCard } from './resource-card';

const MyBookmarksDocument = graphql(`
  query MyBookmarks($networkId: ID!, $first: Int!) {
    myBookmarks(networkId: $networkId, first: $first) {
      totalCount
      nodes {
        ...ResourceCardFields
      }
    }
  }
`);

const FEW = 3;
const ALL = 100;

/** The viewer's bookmarks, newest first: a few, or all of them on request. */
export function BookmarksPanel({ networkId, networkSlug }: { networkId: string; networkSlug: string }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: MyBookmarksDocument,
    variables: { networkId, first: all ? ALL : FEW },
    context: RESOURCE_CONTEXT,
  });
  const bookmarks = data?.myBookmarks;
  return (
    <Card title={t('commons.bookmarks.title')} className="bookmarks">
      {!bookmarks && fetching && <Loading />}
      {error && <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {bookmarks && bookmarks.totalCount === 0 && <p className="muted">{t('commons.bookmarks.none')}</p>}
      {bookmarks && bookmarks.nodes.length > 0 && (
        <ul className="resource-list resource-list--compact">
          {bookmarks.nodes.map((resource) => (
            <ResourceCard key={resource.id} resource={resource} networkSlug={networkSlug} />
          ))}
        </ul>
      )}
      {bookmarks && bookmarks.totalCount > FEW && (
        <button type="button" className="link-button" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('commons.bookmarks.showFewer') : t('commons.bookmarks.showAll', { count: bookmarks.totalCount })}
        </button>
      )}
    </Card>
  );
}
