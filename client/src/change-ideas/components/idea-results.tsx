import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { ChangeIdeaStatus } from '../../gql/graphql';
import { usePageFocus } from '../../ui/use-page-focus';
import { useShowMore } from '../../ui/use-show-more';
import { Loading, QueryError } from '../../ui/feedback';
import { IdeaCard } from './idea-card';

graphql(`
  fragment ChangeIdeaSummary on ChangeIdea {
    id
    title
    status
    ideaText
    updatedAt
    proposer {
      userId
      name
    }
    drivers {
      id
      title
    }
    participation {
      role
      count
    }
    noPatientOrFamilyVoice
    endorsements {
      total
    }
  }
`);

const ChangeIdeasDocument = graphql(`
  query ChangeIdeas($networkId: ID!, $statuses: [ChangeIdeaStatus!], $driverId: ID, $first: Int!, $after: String) {
    changeIdeas(networkId: $networkId, statuses: $statuses, driverId: $driverId, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        ...ChangeIdeaSummary
      }
    }
  }
`);

export const IDEAS_PAGE_SIZE = 20;
// An empty page names no types; a new idea may still fill it.
const IDEA_CONTEXT = { additionalTypenames: ['ChangeIdea'] };

interface IdeaResultsProps {
  networkId: string;
  networkSlug: string;
  statuses: ChangeIdeaStatus[] | null;
  driverId: string | null;
}

/**
 * The ideas matching the filters, page after page: "Show more" appends the next page and moves
 * focus to its first idea. Give it a `key` per filter so a new filter starts from the first page.
 */
export function IdeaResults({ networkId, networkSlug, statuses, driverId }: IdeaResultsProps) {
  const { t } = useTranslation();
  const { cursors, total, shown, loaded, more } = useShowMore();

  return (
    <section aria-labelledby="idea-results" className="results">
      <h2 id="idea-results" className="visually-hidden">
        {t('ideas.list.results')}
      </h2>
      <p role="status" className="results__count">
        {total === null ? '' : total === 0 ? t('ideas.list.none') : t('ideas.list.showing', { shown, count: total })}
      </p>
      {cursors.map((after, index) => (
        <ResultPage
          key={after ?? 'first'}
          variables={{ networkId, statuses, driverId, first: IDEAS_PAGE_SIZE, after }}
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
  variables: { networkId: string; statuses: ChangeIdeaStatus[] | null; driverId: string | null; first: number; after: string | null };
  networkSlug: string;
  focusFirst: boolean;
  isLast: boolean;
  onLoaded: (count: number, totalCount: number) => void;
  onMore: (cursor: string) => void;
}

function ResultPage({ variables, networkSlug, focusFirst, isLast, onLoaded, onMore }: ResultPageProps) {
  const { t } = useTranslation();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: ChangeIdeasDocument, variables, context: IDEA_CONTEXT, requestPolicy: 'cache-and-network' });
  const page = data?.changeIdeas;
  const firstLink = usePageFocus(page, focusFirst, onLoaded);

  if (!page) {
    if (error) return <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
    return fetching ? <Loading /> : null;
  }
  return (
    <>
      <ul className="idea-list">
        {page.nodes.map((idea, i) => (
          <IdeaCard key={idea.id} idea={idea} to={`/n/${networkSlug}/ideas/${idea.id}`} linkRef={i === 0 ? (el) => void (firstLink.current = el) : undefined} />
        ))}
      </ul>
      {isLast && page.pageInfo.hasNextPage && page.pageInfo.endCursor && (
        <p className="results__more">
          <button type="button" className="button button--secondary" onClick={() => onMore(page.pageInfo.endCursor!)}>
            {t('ideas.list.showMore')}
          </button>
        </p>
      )}
    </>
  );
}
