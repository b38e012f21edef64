import type { TestMember } from './test-app';

export const IDEA_FIELDS = 'id networkId title problem idea status version nextDecisionOn proposer { userId name }';

export const PROPOSE = `mutation($networkId: ID!, $input: ChangeIdeaInput!) { proposeChangeIdea(networkId: $networkId, input: $input) { ${IDEA_FIELDS} } }`;
export const EDIT = `mutation($ideaId: ID!, $input: EditChangeIdeaInput!) { editChangeIdea(ideaId: $ideaId, input: $input) { ${IDEA_FIELDS} drivers { id } } }`;
export const DECISION_FIELDS = `id ideaId status fromStatus toStatus decision rationale nextDecisionOn patientVoiceReason proposedAt expiresAt decidedAt closedAt
  decidedBy { userId } proposal { id question }
  participants { member { userId name } role coDesigner answer answeredAt comment }`;
export const PROPOSE_DECISION = `mutation($ideaId: ID!, $input: ChangeIdeaDecisionInput!) { proposeDecision(ideaId: $ideaId, input: $input) { ${DECISION_FIELDS} } }`;
export const CONFIRM_DECISION = `mutation($decisionId: ID!, $comment: String) { confirmDecision(decisionId: $decisionId, comment: $comment) { ${DECISION_FIELDS} } }`;
export const DECLINE_DECISION = `mutation($decisionId: ID!, $reason: String) { declineDecision(decisionId: $decisionId, reason: $reason) { ${DECISION_FIELDS} } }`;
export const WITHDRAW_DECISION = `mutation($decisionId: ID!) { withdrawDecision(decisionId: $decisionId) { ${DECISION_FIELDS} } }`;
export const AWAITING_ME = `query($networkId: ID!) { decisionsAwaitingMe(networkId: $networkId) { id status toStatus expiresAt idea { id title status } } }`;
export const INVITE = `mutation($ideaId: ID!, $userId: ID!) { inviteCoDesigner(ideaId: $ideaId, userId: $userId) { id coDesigners { member { userId } status role } } }`;
export const RESPOND = `mutation($ideaId: ID!, $accept: Boolean!) { respondToCoDesignInvitation(ideaId: $ideaId, accept: $accept) { id viewerCoDesignStatus } }`;
export const LEAVE = `mutation($ideaId: ID!) { leaveCoDesign(ideaId: $ideaId) { id viewerCoDesignStatus } }`;
export const ENDORSE = `mutation($ideaId: ID!, $endorsed: Boolean!) {
  endorseChangeIdea(ideaId: $ideaId, endorsed: $endorsed) { id endorsements { total viewerEndorsed byRole { role count } } }
}`;
export const GET_IDEA = `query($id: ID!) { changeIdea(id: $id) { ${IDEA_FIELDS} } }`;
export const LIST_IDEAS = `query($networkId: ID!, $statuses: [ChangeIdeaStatus!], $driverId: ID, $first: Int, $after: String) {
  changeIdeas(networkId: $networkId, statuses: $statuses, driverId: $driverId, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id title status }
  }
}`;
export const CREATE_CYCLE = `mutation($ideaId: ID!, $input: PdsaCycleInput!) {
  createPdsaCycle(ideaId: $ideaId, input: $input) { id ideaId number title stage act startOn endOn version site { id } measures { id } }
}`;
export const UPDATE_CYCLE = `mutation($cycleId: ID!, $input: EditPdsaCycleInput!) {
  updatePdsaCycle(cycleId: $cycleId, input: $input) { id number stage act studyNotes startOn endOn version measures { id } }
}`;
export const GET_CYCLE = `query($id: ID!) { pdsaCycle(id: $id) { id number stage viewerCanEdit idea { id } } }`;
export const ANNOTATIONS = `query($networkId: ID!, $siteId: ID, $measureId: ID) {
  pdsaAnnotations(networkId: $networkId, siteId: $siteId, measureId: $measureId) {
    cycleId ideaId ideaTitle ideaStatus siteId site { id } number title stage act startOn endOn startMonth endMonth measureIds
  }
}`;

export interface TestIdea {
  id: string;
  networkId: string;
  title: string;
  status: string;
  version: number;
}

let ideaCounter = 0;

/** The input of `proposeChangeIdea`, with plausible defaults. */
export function ideaInput(overrides: Record<string, unknown> = {}) {
  const n = ++ideaCounter;
  return {
    title: `Text reminders before lab visits ${n}`,
    problem: 'Families miss lab visits because the letter arrives late.',
    idea: 'Send a **text message** two days before each lab visit.',
    driverIds: [],
    nextDecisionOn: null,
    ...overrides,
  };
}

/** A change idea proposed by `member` through the real mutation. */
export async function newIdea(
  member: TestMember,
  networkId: string,
  overrides: Record<string, unknown> = {},
): Promise<TestIdea> {
  return (await member.client.ok(PROPOSE, { networkId, input: ideaInput(overrides) })).proposeChangeIdea;
}

/**
 * The input of `proposeDecision` moving `idea` to `toStatus` with `participants`. It says why it
 * goes ahead without a patient voice (kept only when the move needs it): pass `patientVoiceReason: ''` to test that rule.
 */
export function decisionInput(
  idea: { version: number },
  toStatus: string,
  participants: { userId: string }[],
  overrides: Record<string, unknown> = {},
) {
  return {
    expectedVersion: idea.version,
    toStatus,
    decision: `Move to ${toStatus}`,
    rationale: 'Agreed at the monthly co-design call.',
    participantIds: participants.map((p) => p.userId),
    nextDecisionOn: null,
    patientVoiceReason: 'The family panel reviews it at its next meeting.',
    proposalId: null,
    ...overrides,
  };
}

/** A decision on `idea` waiting for `others` to confirm, recorded by `actor`. */
export async function proposeDecision(
  actor: TestMember,
  idea: { id: string; version: number },
  toStatus: string,
  others: { userId: string }[],
  overrides: Record<string, unknown> = {},
) {
  return (
    await actor.client.ok(PROPOSE_DECISION, {
      ideaId: idea.id,
      input: decisionInput(idea, toStatus, [actor, ...others], overrides),
    })
  ).proposeDecision;
}

/** Moves `idea` to `toStatus`: `actor` records it with `others`, who each confirm; returns the idea after the move. */
export async function decide(
  actor: TestMember,
  idea: { id: string; version: number },
  toStatus: string,
  others: TestMember[],
): Promise<TestIdea> {
  const decision = await proposeDecision(actor, idea, toStatus, others);
  for (const other of others) await other.client.ok(CONFIRM_DECISION, { decisionId: decision.id });
  return (await actor.client.ok(GET_IDEA, { id: idea.id })).changeIdea;
}

/** Invites `invitee` as `inviter` and accepts as `invitee`. */
export async function addCoDesigner(inviter: TestMember, idea: { id: string }, invitee: TestMember): Promise<void> {
  await inviter.client.ok(INVITE, { ideaId: idea.id, userId: invitee.userId });
  await invitee.client.ok(RESPOND, { ideaId: idea.id, accept: true });
}

/** An idea proposed by `proposer` and moved to TESTING with `steward` (a site lead or admin). */
export async function ideaInTesting(
  proposer: TestMember,
  steward: TestMember,
  networkId: string,
  overrides: Record<string, unknown> = {},
): Promise<TestIdea> {
  const idea = await newIdea(proposer, networkId, overrides);
  const coDesign = await decide(proposer, idea, 'CO_DESIGN', [steward]);
  return decide(proposer, coDesign, 'TESTING', [steward]);
}

/** The input of `createPdsaCycle` at `siteId`, a plan with its prediction. */
export function cycleInput(siteId: string, overrides: Record<string, unknown> = {}) {
  return {
    siteId,
    title: 'Texts for the Monday lab clinic',
    plan: 'Text every family booked for Monday labs two days ahead, for four weeks.',
    prediction: 'Missed lab visits fall from about 10 in 40 to 5 in 40.',
    startOn: '2026-03-02',
    endOn: '2026-03-27',
    measureIds: [],
    ...overrides,
  };
}
