import type { TestMember } from './test-app';

export const PROPOSAL_FIELDS = `id threadId kind question details open closesAt closedAt outcome revision dotsPerMember voters hasUnresolvedBlock
  proposer { userId name } options { id label }
  positionTally { group agree abstain disagree block }
  dotTally { optionId total byGroup { group dots } }
  positions { member { userId name } role position reason }
  ballots { member { userId } role votes { optionId dots } }
  viewerPosition { position reason } viewerDots { optionId dots } notYetVoted { userId name } viewerCanTakePosition viewerCanClose`;

export const THREAD_OF = `query($subjectType: ThreadSubjectType!, $subjectId: ID!) { thread(subjectType: $subjectType, subjectId: $subjectId) { id } }`;
export const OPEN_PROPOSAL = `mutation($threadId: ID!, $input: ProposalInput!) { openProposal(threadId: $threadId, input: $input) { ${PROPOSAL_FIELDS} } }`;
export const TAKE_POSITION = `mutation($proposalId: ID!, $input: PositionInput!) { takePosition(proposalId: $proposalId, input: $input) { ${PROPOSAL_FIELDS} } }`;
export const CAST_DOTS = `mutation($proposalId: ID!, $votes: [DotVoteInput!]!) { castDots(proposalId: $proposalId, votes: $votes) { ${PROPOSAL_FIELDS} } }`;
export const CLOSE_PROPOSAL = `mutation($proposalId: ID!, $outcome: String!) { closeProposal(proposalId: $proposalId, outcome: $outcome) { ${PROPOSAL_FIELDS} } }`;
export const PROPOSALS = `query($threadId: ID!) { proposals(threadId: $threadId) { threadId viewerCanOpen nodes { ${PROPOSAL_FIELDS} } } }`;
export const PROPOSAL = `query($id: ID!) { proposal(id: $id) { ${PROPOSAL_FIELDS} } }`;

/** An ISO date-time `hours` from now. */
export const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

/** The input of `openProposal`: a CONSENT question closing in two days unless told otherwise. */
export function proposalInput(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'CONSENT',
    question: 'Shall we test the huddle at Riverside in May?',
    details: '',
    closesAt: hoursFromNow(48),
    options: [],
    dotsPerMember: null,
    ...overrides,
  };
}

/** The id of the thread of a change idea (created on first use), as `member` asks for it. */
export async function ideaThreadId(member: TestMember, ideaId: string): Promise<string> {
  return (await member.client.ok(THREAD_OF, { subjectType: 'CHANGE_IDEA', subjectId: ideaId })).thread.id;
}

/** A proposal opened by `member` in the thread of idea `ideaId`. */
export async function openProposal(member: TestMember, ideaId: string, overrides: Record<string, unknown> = {}) {
  const threadId = await ideaThreadId(member, ideaId);
  return (await member.client.ok(OPEN_PROPOSAL, { threadId, input: proposalInput(overrides) })).openProposal;
}

/** `member` takes `position` on proposal `proposalId`. */
export async function takePosition(member: TestMember, proposalId: string, position: string, reason = '') {
  return (await member.client.ok(TAKE_POSITION, { proposalId, input: { position, reason } })).takePosition;
}
