import {
  DECISION_STEWARD_ROLES,
  type DecisionParticipantFacts,
  type DecisionQuorumProblem,
  decisionQuorumProblem,
  type Role,
} from '@commons/shared';

/** Someone who may be named as taking part in a decision: a co-designer, a site lead or a network admin. */
export interface DecisionCandidate {
  userId: string;
  name: string;
  role: Role;
  /** She proposed the idea or co-designs it. */
  coDesigner: boolean;
  /** The member recording the decision: always taking part. */
  isViewer: boolean;
}

interface Person {
  userId: string;
  name: string;
  role: Role;
}

/**
 * Who may be picked as taking part in a decision on an idea: the viewer first (she records it,
 * so she always takes part), then its active co-designers (the proposer among them), then site
 * leads and network admins. Each person once; a steward who co-designs counts as a co-designer.
 */
export function decisionCandidates(
  viewer: Person & { coDesigner: boolean },
  coDesigners: readonly Person[],
  stewards: readonly Person[],
): DecisionCandidate[] {
  const candidates = new Map<string, DecisionCandidate>();
  const coDesignerIds = new Set(coDesigners.map((c) => c.userId));
  if (viewer.coDesigner) coDesignerIds.add(viewer.userId);
  const add = (person: Person, isViewer = false) => {
    if (!candidates.has(person.userId))
      candidates.set(person.userId, { ...person, coDesigner: coDesignerIds.has(person.userId), isViewer });
  };
  add(viewer, true);
  coDesigners.forEach((person) => add(person));
  stewards.filter((person) => DECISION_STEWARD_ROLES.includes(person.role)).forEach((person) => add(person));
  return [...candidates.values()];
}

/** The chosen candidates as the policy sees them. */
export function participantFactsOf(
  candidates: readonly DecisionCandidate[],
  chosenIds: ReadonlySet<string>,
): DecisionParticipantFacts[] {
  return candidates
    .filter((c) => c.isViewer || chosenIds.has(c.userId))
    .map(({ userId, role, coDesigner }) => ({ userId, role, coDesigner }));
}

/** What the shared policy would say about the chosen participants: null when they may decide together. */
export function participantsProblem(
  viewerId: string,
  candidates: readonly DecisionCandidate[],
  chosenIds: ReadonlySet<string>,
): DecisionQuorumProblem | null {
  return decisionQuorumProblem(viewerId, participantFactsOf(candidates, chosenIds));
}

/**
 * A co-designer and a different site lead or network admin among the chosen, to name them when
 * the choice is enough ("Elin, a co-designer, with Oskar, a site lead"); null when there is none.
 */
export function togetherPair(
  candidates: readonly DecisionCandidate[],
  chosenIds: ReadonlySet<string>,
): { coDesigner: DecisionCandidate; steward: DecisionCandidate } | null {
  const chosen = candidates.filter((c) => c.isViewer || chosenIds.has(c.userId));
  for (const coDesigner of chosen.filter((c) => c.coDesigner)) {
    const steward = chosen.find((c) => c.userId !== coDesigner.userId && DECISION_STEWARD_ROLES.includes(c.role));
    if (steward) return { coDesigner, steward };
  }
  return null;
}
