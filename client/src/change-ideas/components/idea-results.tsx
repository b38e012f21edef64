import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { ChangeIdeaStatus } from '../../gql/graphql';
import { PagedList } from '../../ui/paged-list';
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

/** The ideas matching the filters, page after page. Give it a `key` per filter so a new filter starts from the first page. */
export function IdeaResults({ networkId, networkSlug, statuses, driverId }: IdeaResultsProps) {
  const { t } = useTranslation();
  return (
    <PagedList
      id="idea-results"
      heading={t('ideas.list.results')}
      query={ChangeIdeasDocument}
      variables={{ networkId, statuses, driverId, first: IDEAS_PAGE_SIZE }}
      connection={(data) => data.changeIdeas}
      context={IDEA_CONTEXT}
      requestPolicy="cache-and-network"
      countText={(shown, total) =>
        total === 0 ? t('ideas.list.none') : t('ideas.list.showing', { shown, count: total })
      }
      showMoreLabel={t('ideas.list.showMore')}
      listClassName="idea-list"
      renderItem={(idea, firstLink) => (
        <IdeaCard key={idea.id} idea={idea} to={`/n/${networkSlug}/ideas/${idea.id}`} linkRef={firstLink} />
      )}
    />
  );
}
