import { graphql } from '../gql';

/** A decision as the idea page and the home card show it: the move, what and why, and every participant's answer. */
export const DecisionFieldsFragment = graphql(`
  fragment DecisionFields on ChangeIdeaDecision {
    id
    ideaId
    status
    fromStatus
    toStatus
    decision
    rationale
    patientVoiceReason
    proposedAt
    expiresAt
    decidedAt
    closedAt
    decidedBy {
      userId
      name
    }
    proposal {
      id
      question
    }
    participants {
      role
      coDesigner
      answer
      answeredAt
      comment
      member {
        userId
        name
      }
    }
  }
`);

export const ConfirmDecisionDocument = graphql(`
  mutation ConfirmDecision($decisionId: ID!, $comment: String) {
    confirmDecision(decisionId: $decisionId, comment: $comment) {
      ...DecisionFields
    }
  }
`);

export const DeclineDecisionDocument = graphql(`
  mutation DeclineDecision($decisionId: ID!, $reason: String) {
    declineDecision(decisionId: $decisionId, reason: $reason) {
      ...DecisionFields
    }
  }
`);

export const WithdrawDecisionDocument = graphql(`
  mutation WithdrawDecision($decisionId: ID!) {
    withdrawDecision(decisionId: $decisionId) {
      ...DecisionFields
    }
  }
`);

export const DecisionsAwaitingMeDocument = graphql(`
  query DecisionsAwaitingMe($networkId: ID!) {
    decisionsAwaitingMe(networkId: $networkId) {
      ...DecisionFields
      idea {
        id
        title
        status
      }
    }
  }
`);

/** Answers to a decision change ideas, decisions and home cards: urql refetches queries holding these types. */
export const DECISION_CONTEXT = { additionalTypenames: ['ChangeIdea', 'ChangeIdeaDecision'] };
