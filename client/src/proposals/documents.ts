import { graphql } from '../gql';

export const ProposalFieldsFragment = graphql(`
  fragment ProposalFields on Proposal {
    id
    threadId
    kind
    question
    details
    createdAt
    closesAt
    closedAt
    open
    outcome
    outcomeAt
    dotsPerMember
    revision
    voters
    hasUnresolvedBlock
    viewerCanTakePosition
    viewerCanClose
    proposer {
      userId
      name
    }
    options {
      id
      label
    }
    positionTally {
      group
      agree
      abstain
      disagree
      block
    }
    dotTally {
      optionId
      total
      byGroup {
        group
        dots
      }
    }
    positions {
      role
      position
      reason
      updatedAt
      member {
        userId
        name
      }
    }
    ballots {
      role
      member {
        userId
        name
      }
      votes {
        optionId
        dots
      }
    }
    viewerPosition {
      position
      reason
    }
    viewerDots {
      optionId
      dots
    }
    notYetVoted {
      userId
      name
    }
  }
`);

export const ThreadProposalsDocument = graphql(`
  query ThreadProposals($threadId: ID!) {
    proposals(threadId: $threadId) {
      threadId
      viewerCanOpen
      nodes {
        ...ProposalFields
      }
    }
  }
`);

export const OpenProposalDocument = graphql(`
  mutation OpenProposal($threadId: ID!, $input: ProposalInput!) {
    openProposal(threadId: $threadId, input: $input) {
      ...ProposalFields
    }
  }
`);

export const TakePositionDocument = graphql(`
  mutation TakePosition($proposalId: ID!, $input: PositionInput!) {
    takePosition(proposalId: $proposalId, input: $input) {
      ...ProposalFields
    }
  }
`);

export const CastDotsDocument = graphql(`
  mutation CastDots($proposalId: ID!, $votes: [DotVoteInput!]!) {
    castDots(proposalId: $proposalId, votes: $votes) {
      ...ProposalFields
    }
  }
`);

export const CloseProposalDocument = graphql(`
  mutation CloseProposal($proposalId: ID!, $outcome: String!) {
    closeProposal(proposalId: $proposalId, outcome: $outcome) {
      ...ProposalFields
    }
  }
`);

/** Writes to proposals refresh the lists and the idea page (what a decision may rest on). */
export const PROPOSAL_CONTEXT = { additionalTypenames: ['Proposal', 'ChangeIdea'] };
