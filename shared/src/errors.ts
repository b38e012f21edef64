/**
 * Stable error codes every API error carries in `extensions.code`. `ALREADY_SET_UP`: the first-run
 * setup was asked for on a server that has a network already. Decisions on change ideas:
 * `DECISION_PENDING`: another decision on the idea waits for its participants' confirmations (one
 * at a time; `extensions.pendingDecisionId` names it). `DECISION_CLOSED`: the decision no longer
 * waits (taken, declined, withdrawn or expired; `extensions.status` says which). Proposals:
 * `PROPOSAL_CLOSED`: it has closed, positions no longer change. `PROPOSAL_BLOCKED`: a proposal with
 * an unresolved block cannot be the basis of an ADOPTED decision. Accounts: `TWO_FACTOR_REQUIRED`:
 * the password was right and the account has two-factor sign-in, so sign-in continues with a code
 * (`extensions.challenge` is the token for `completeTwoFactorSignIn`). `TWO_FACTOR_SETUP_REQUIRED`:
 * the network requires two-factor sign-in of its admins and site leads, and the viewer has not
 * turned it on yet.
 */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'ALREADY_SET_UP',
  'DECISION_PENDING',
  'DECISION_CLOSED',
  'PROPOSAL_CLOSED',
  'PROPOSAL_BLOCKED',
  'TWO_FACTOR_REQUIRED',
  'TWO_FACTOR_SETUP_REQUIRED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Codes the GraphQL endpoint answers a whole request with, before or instead of running it; no
 * capability raises them. BAD_REQUEST: not a GraphQL request (a mutation over GET or in a batch, a
 * batch of none or too many, a body that is not JSON). QUERY_TOO_COMPLEX: over a size or cost limit, refused before running.
 * RESPONSE_TOO_LARGE: the answer grew past its limit and was stopped. TIMEOUT: the query ran past
 * its time limit and was abandoned.
 */
export const REQUEST_ERROR_CODES = [
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'QUERY_TOO_COMPLEX',
  'RESPONSE_TOO_LARGE',
  'TIMEOUT',
  'INTERNAL_SERVER_ERROR',
] as const;
export type RequestErrorCode = (typeof REQUEST_ERROR_CODES)[number];

/**
 * Every code an error may carry, over GraphQL (`extensions.code`) and in a socket event's negative
 * acknowledgement alike: what a client translates.
 */
export const API_ERROR_CODES = [...ERROR_CODES, ...REQUEST_ERROR_CODES] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/**
 * Which kind of an error it is, when its code alone does not say enough (`extensions.reason`, with
 * its parameters beside it in `extensions`): mostly kinds of CONFLICT. A client tells errors apart
 * by code and reason, never by the English message.
 */
export const ERROR_REASONS = [
  // CONFLICT: someone else changed it first (`currentVersion`, and `currentStatus` or `currentStage`)
  'idea_changed',
  'idea_moved',
  'cycle_changed',
  'resource_changed',
  'report_changed',
  'report_removed',
  'import_changed',
  // CONFLICT: it exists already, or was answered already
  'measure_key_taken',
  'measure_kind_fixed',
  'tag_exists',
  'already_answered',
  'member_inactive',
  'already_member',
  'you_are_member',
  'account_exists',
  'admin_account_exists',
  'invitation_taken',
  'invitation_used',
  'invitation_expired',
  'invitation_revoked',
  'client_id_reused',
  'message_deleted',
  'too_many_attachments',
  'address_taken',
  'two_factor_on',
  'enrolment_not_started',
  // UNAUTHENTICATED
  'wrong_credentials',
  'sign_in_expired',
  // FORBIDDEN
  'no_adaptations',
] as const;
export type ErrorReason = (typeof ERROR_REASONS)[number];
