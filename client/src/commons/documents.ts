import { graphql } from '../gql';

/** One page of a commons search; facets only with the first page. */
export const CommonsSearchDocument = graphql(`
  query CommonsSearch(
    $networkId: ID!
    $query: String!
    $filter: SearchFilterInput
    $sort: SearchSort!
    $types: [SearchType!]!
    $first: Int!
    $after: String
    $withFacets: Boolean!
  ) {
    search(
      networkId: $networkId
      query: $query
      filter: $filter
      sort: $sort
      types: $types
      first: $first
      after: $after
    ) {
      totalCount
      exactCounts
      pageInfo {
        hasNextPage
        endCursor
      }
      facets @include(if: $withFacets) {
        ...SearchFacetsFields
      }
      nodes {
        id
        type
        title {
          text
          match
        }
        snippet {
          text
          match
        }
        resource {
          ...ResourceCardFields
        }
        changeIdea {
          ...IdeaHitFields
        }
        group {
          ...GroupHitFields
        }
      }
    }
  }
`);

/** An empty answer names no types; any change to a resource, idea or group may still fill it. */
export const RESOURCE_CONTEXT = { additionalTypenames: ['Resource', 'ChangeIdea', 'WorkingGroup'] };

/** Results per page of the commons. */
export const COMMONS_PAGE_SIZE = 20;
