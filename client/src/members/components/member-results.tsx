import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { DirectoryFilter } from '../../gql/graphql';
import { usePageFocus } from '../../ui/use-page-focus';
import { useShowMore } from '../../ui/use-show-more';
import { Loading, QueryError } from '../../ui/feedback';
import { MemberCard } from './member-card';

graphql(`
  fragment MemberSummary on Member {
    id
    userId
    name
    pronouns
    role
    active
    interests
    sharedInterests
    site {
      id
      name
    }
    viewerCanChangeRole
    viewerCanDeactivate
  }
`);

const DirectoryDocument = graphql(`
  query Directory($networkId: ID!, $filter: DirectoryFilter, $first: Int!, $after: String) {
    members(networkId: $networkId, filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        ...MemberSummary
      }
    }
  }
`);

export const DIRECTORY_PAGE_SIZE = 24;
// An empty page names no types; a change to any member may still fill it.
const MEMBER_CONTEXT = { additionalTypenames: ['Member'] };

interface ResultsProps {
  networkId: string;
  networkSlug: string;
  filter: DirectoryFilter;
}

/**
 * The directory's results, page after page: "Show more" appends the next page and moves focus to
 * its first member. Give it a `key` per filter so a new filter starts from the first page.
 */
export function MemberResults({ networkId, networkSlug, filter }: ResultsProps) {
  const { t } = useTranslation();
  const { cursors, total, shown, loaded, more } = useShowMore();

  return (
    <section aria-labelledby="directory-results" className="results">
      <h2 id="directory-results" className="visually-hidden">
        {t('members.results')}
      </h2>
      <p role="status" className="results__count">
        {total === null ? '' : total === 0 ? t('members.noResults') : t('members.showing', { shown, count: total })}
      </p>
      {cursors.map((after, index) => (
        <ResultPage
          key={after ?? 'first'}
          variables={{ networkId, filter, first: DIRECTORY_PAGE_SIZE, after }}
          networkSlug={networkSlug}
          focusFirst={index > 0}
          isLast={index === cursors.length - 1}
          onLoaded={loaded(index)}
          onMore={more}
        />
      ))}
    </section>
  );
}

interface ResultPageProps {
  variables: { networkId: string; filter: DirectoryFilter; first: number; after: string | null };
  networkSlug: string;
  focusFirst: boolean;
  isLast: boolean;
  onLoaded: (count: number, totalCount: number) => void;
  onMore: (cursor: string) => void;
}

function ResultPage({ variables, networkSlug, focusFirst, isLast, onLoaded, onMore }: ResultPageProps) {
  const { t } = useTranslation();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: DirectoryDocument, variables, context: MEMBER_CONTEXT });
  const page = data?.members;
  const firstLink = usePageFocus(page, focusFirst, onLoaded);

  if (!page) {
    if (error) return <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
    return fetching ? <Loading /> : null;
  }
  return (
    <>
      <ul className="member-grid">
        {page.nodes.map((member, i) => (
          <MemberCard
            key={member.id}
            member={member}
            to={`/n/${networkSlug}/members/${member.userId}`}
            linkRef={i === 0 ? (el) => void (firstLink.current = el) : undefined}
          />
        ))}
      </ul>
      {isLast && page.pageInfo.hasNextPage && page.pageInfo.endCursor && (
        <p className="results__more">
          <button type="button" className="button button--secondary" onClick={() => onMore(page.pageInfo.endCursor!)}>
            {t('members.showMore')}
          </button>
        </p>
      )}
    </>
  );
}
