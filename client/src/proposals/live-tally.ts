import type { ProposalChangedPayload } from '@commons/shared';

/** What a live tally updates on a proposal the page holds. */
export interface TalliedProposal {
  id: string;
  revision: number;
  open: boolean;
  voters: number;
  positionTally: readonly { group: string; agree: number; abstain: number; disagree: number; block: number }[];
  dotTally: readonly { optionId: string; total: number; byGroup: readonly { group: string; dots: number }[] }[];
}

/** Keeps, per proposal, the live tally with the highest revision (events from two processes may arrive out of order). */
export function keepNewest(
  current: ReadonlyMap<string, ProposalChangedPayload>,
  payload: ProposalChangedPayload,
): Map<string, ProposalChangedPayload> {
  const known = current.get(payload.proposalId);
  if (known && known.revision >= payload.revision) return current as Map<string, ProposalChangedPayload>;
  return new Map(current).set(payload.proposalId, payload);
}

/** `proposal` with the live tally when it is newer than what was loaded; as loaded otherwise. */
export function withLiveTally<P extends TalliedProposal>(proposal: P, live: ProposalChangedPayload | undefined): P {
  if (!live || live.revision <= proposal.revision) return proposal;
  return {
    ...proposal,
    revision: live.revision,
    open: live.open,
    voters: live.voters,
    positionTally: live.positions ?? proposal.positionTally,
    dotTally: live.dots ?? proposal.dotTally,
  };
}
