import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { usePageFocus } from '../../ui/use-page-focus';
import { Loading, QueryError } from '../../ui/feedback';
import { GROUP_CONTEXT, GROUPS_PAGE_SIZE, GroupsDocument } from '../documents';
import { GroupCard } from './group-card';

interface ResultsProps {
  networkId: string;
  networkSlug: string;
  mine: boolean;
  includeArchived: boolean;
}

/** Groups by name, page after page; "Show more" moves focus to the first group it adds. Key it per filter. */
export function GroupResults({ networkId, networkSlug, mine, includeArchived }: ResultsProps) {
  const { t } = useTranslation();
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [total, setTotal] = useState<number | null>(null);
  return (
    <section aria-labelledby="group-results" className="results">
      <h2 id="group-results" className="visually-hidden">
        {mine ? t('groups.filter.mine') : t('groups.filter.all')}
      </h2>
      <p role="status" className="results__count">
        {total === null ? '' : total === 0 ? (mine ? t('groups.noneMine') : t('groups.none')) : t('groups.count', { count: total })}
      </p>
      {cursors.map((after, index) => (
        <GroupPage
          key={after ?? 'first'}
          variables={{ networkId, mine, includeArchived, first: GROUPS_PAGE_SIZE, after }}
          networkSlug={networkSlug}
          focusFirst={index > 0}
          isLast={index === cursors.length - 1}
          onTotal={index === 0 ? setTotal : undefined}
          onMore={(cursor) => setCursors((list) => [...list, cursor])}
        />
      ))}
    </section>
  );
}

interface PageProps {
  variables: { networkId: string; mine: boolean; includeArchived: boolean; first: number; after: string | null };
  networkSlug: string;
  focusFirst: boolean;
  isLast: boolean;
  onTotal?: (total: number) => void;
  onMore: (cursor: string) => void;
}

function GroupPage({ variables, networkSlug, focusFirst, isLast, onTotal, onMore }: PageProps) {
  const { t } = useTranslation();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: GroupsDocument, variables, context: GROUP_CONTEXT });
  const page = data?.groups;
  const firstLink = usePageFocus(page, focusFirst, (_count, total) => onTotal?.(total));

  if (!page) {
    if (error) return <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
    return fetching ? <Loading /> : null;
  }
  return (
    <>
      {page.nodes.length > 0 && (
        <ul className="group-grid">
          {page.nodes.map((group, i) => (
            <GroupCard key={group.id} group={group} networkSlug={networkSlug} linkRef={i === 0 ? (el) => void (firstLink.current = el) : undefined} />
          ))}
        </ul>
      )}
      {isLast && page.pageInfo.hasNextPage && page.pageInfo.endCursor && (
        <p className="results__more">
          <button type="button" className="button button--secondary" onClick={() => onMore(page.pageInfo.endCursor!)}>
            {t('groups.showMore')}
          </button>
        </p>
      )}
    </>
  );
}
