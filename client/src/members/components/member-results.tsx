import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { DirectoryFilter } from '../../gql/graphql';
import { PagedList } from '../../ui/paged-list';
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

/** The directory's results, page after page. Give it a `key` per filter so a new filter starts from the first page. */
export function MemberResults({ networkId, networkSlug, filter }: ResultsProps) {
  const { t } = useTranslation();
  return (
    <PagedList
      id="directory-results"
      heading={t('members.results')}
      query={DirectoryDocument}
      variables={{ networkId, filter, first: DIRECTORY_PAGE_SIZE }}
      connection={(data) => data.members}
      context={MEMBER_CONTEXT}
      countText={(shown, total) =>
        total === 0 ? t('members.noResults') : t('members.showing', { shown, count: total })
      }
      showMoreLabel={t('members.showMore')}
      listClassName="member-grid"
      renderItem={(member, firstLink) => (
        <MemberCard
          key={member.id}
          member={member}
          to={`/n/${networkSlug}/members/${member.userId}`}
          linkRef={firstLink}
        />
      )}
    />
  );
}
