import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import type { CommonsSearchQuery } from '../../gql/graphql';
import { Loading, QueryError } from '../../ui/feedback';
import { COMMONS_PAGE_SIZE, CommonsSearchDocument, RESOURCE_CONTEXT } from '../documents';
import type { toSearchVariables } from '../search-params';
import { ResourceCard } from './resource-card';
import { GroupHitCard, IdeaHitCard } from './search-hit-cards';

export type SearchVariables = ReturnType<typeof toSearchVariables>;
type SearchAnswer = CommonsSearchQuery['search'];
type Hit = SearchAnswer['nodes'][number];

interface HitListProps {
  hits: readonly Hit[];
  networkSlug: string;
  /** Show the server's snippets (a query was typed) rather than the summaries. */
  highlight: boolean;
  /** Focus the first result when it appears ("Show more"). */
  focusFirst?: boolean;
}

export function HitList({ hits, networkSlug, highlight, focusFirst = false }: HitListProps) {
  const firstLink = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (focusFirst) firstLink.current?.focus();
  }, [focusFirst]);
  return (
    <ul className="resource-list">
      {hits.map((hit, i) => {
        const common = {
          networkSlug,
          title: highlight ? hit.title : undefined,
          linkRef: i === 0 ? firstLink : undefined,
        };
        if (hit.resource)
          return (
            <ResourceCard
              key={hit.id}
              resource={hit.resource}
              {...common}
              snippet={highlight ? hit.snippet : undefined}
            />
          );
        if (hit.changeIdea) return <IdeaHitCard key={hit.id} idea={hit.changeIdea} {...common} snippet={hit.snippet} />;
        if (hit.group) return <GroupHitCard key={hit.id} group={hit.group} {...common} snippet={hit.snippet} />;
        return null;
      })}
    </ul>
  );
}

interface SearchResultsProps {
  variables: SearchVariables;
  /** The first page's answer (with facets), run by the page. */
  first: SearchAnswer | null;
  networkSlug: string;
}

/**
 * The results after the first page: "Show more" appends the next page and moves focus to its
 * first result. A new search starts again from the first page.
 */
export function MoreResults({ variables, first, networkSlug }: SearchResultsProps) {
  const { t } = useTranslation();
  const key = JSON.stringify(variables);
  const [more, setMore] = useState<{ key: string; cursors: string[] }>({ key, cursors: [] });
  const [lastPage, setLastPage] = useState<{ key: string; cursor: string; pageInfo: SearchAnswer['pageInfo'] } | null>(
    null,
  );
  const cursors = more.key === key ? more.cursors : [];
  const lastInfo =
    cursors.length === 0
      ? first?.pageInfo
      : lastPage?.key === key && lastPage.cursor === cursors.at(-1)
        ? lastPage.pageInfo
        : null;

  if (!first) return null;
  return (
    <>
      {cursors.map((cursor) => (
        <ResultPage
          key={cursor}
          variables={{ ...variables, after: cursor }}
          networkSlug={networkSlug}
          onLoaded={(pageInfo) =>
            setLastPage((before) =>
              before?.cursor === cursor && before.key === key ? before : { key, cursor, pageInfo },
            )
          }
        />
      ))}
      {lastInfo?.hasNextPage && lastInfo.endCursor && (
        <p className="results__more">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setMore({ key, cursors: [...cursors, lastInfo.endCursor!] })}
          >
            {t('commons.results.showMore')}
          </button>
        </p>
      )}
    </>
  );
}

interface ResultPageProps {
  variables: SearchVariables & { after: string };
  networkSlug: string;
  onLoaded: (pageInfo: SearchAnswer['pageInfo']) => void;
}

function ResultPage({ variables, networkSlug, onLoaded }: ResultPageProps) {
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: CommonsSearchDocument,
    variables: { ...variables, first: COMMONS_PAGE_SIZE, withFacets: false },
    context: RESOURCE_CONTEXT,
  });
  const page = data?.search;
  const report = useRef(onLoaded);
  useLayoutEffect(() => {
    report.current = onLoaded;
  });
  useEffect(() => {
    if (page) report.current(page.pageInfo);
  }, [page]);
  if (!page) {
    if (error) return <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
    return fetching ? <Loading /> : null;
  }
  return <HitList hits={page.nodes} networkSlug={networkSlug} highlight={variables.query !== ''} focusFirst />;
}

/** The first page of results. */
export function FirstResults({
  answer,
  networkSlug,
  highlight,
  busy,
}: {
  answer: SearchAnswer;
  networkSlug: string;
  highlight: boolean;
  busy: boolean;
}) {
  return (
    <div aria-busy={busy} className={busy ? 'results--stale' : undefined}>
      <HitList hits={answer.nodes} networkSlug={networkSlug} highlight={highlight} />
    </div>
  );
}
