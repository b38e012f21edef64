import { LIVED_EXPERIENCE_ROLES, type Role } from '../roles';
import { type DecisionParticipantFacts, decisionQuorumProblem } from '../policy/change-ideas';
import type { ChangeIdeaStatus } from './lifecycle';

/**
 * Where a decision on a change idea stands. PENDING: recorded by one member, waiting for the
 * others named in it to confirm. TAKEN: enough of them confirmed for the together rule and the idea moved. DECLINED: a
 * participant declined (with her reason), which ends it. WITHDRAWN: the member who recorded it
 * took it back. EXPIRED: the together rule was not met by confirmations within the network's number of days.
 */
export const DECISION_STATUSES = ['PENDING', 'TAKEN', 'DECLINED', 'WITHDRAWN', 'EXPIRED'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/**
 * A participant's answer to a decision she is named in. WAITING until she CONFIRMED or DECLINED.
 * NAMED: recorded before decisions asked for confirmations; she was named by the member who
 * recorded it and never asked herself.
 */
export const DECISION_ANSWERS = ['WAITING', 'CONFIRMED', 'DECLINED', 'NAMED'] as const;
export type DecisionAnswer = (typeof DECISION_ANSWERS)[number];

/** How long a pending decision waits for confirmations, in days, unless the network sets otherwise. */
export const DEFAULT_DECISION_CONFIRMATION_DAYS = 14;
/** The range a network may set for `decisionConfirmationDays`. */
export const DECISION_CONFIRMATION_DAYS_RANGE = { min: 1, max: 90 } as const;

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a decision proposed at `proposedAt` stops waiting, `days` later (same time of day, UTC). */
export function decisionExpiresAt(proposedAt: Date, days: number): Date {
  return new Date(proposedAt.getTime() + days * DAY_MS);
}

/** A participant of a pending decision with her answer so far. */
export interface DecisionAnswerFacts extends DecisionParticipantFacts {
  answer: DecisionAnswer;
}

/**
 * What a pending decision's answers add up to: DECLINED as soon as anyone named declined; READY
 * once the people who confirmed (the member who recorded it confirmed by recording it) satisfy
 * the together rule on their own (`decisionQuorumProblem`): a co-designer and another member who
 * is a site lead or network admin. Naming someone never counts for her; the others named may
 * still be waiting when it takes effect, and the record shows they did not answer. WAITING
 * otherwise.
 */
export function pendingDecisionOutcome(
  recorderId: string,
  participants: readonly DecisionAnswerFacts[],
): 'WAITING' | 'READY' | 'DECLINED' {
  if (participants.some((p) => p.answer === 'DECLINED')) return 'DECLINED';
  const confirmed = participants.filter((p) => p.answer === 'CONFIRMED');
  return decisionQuorumProblem(recorderId, confirmed) === null ? 'READY' : 'WAITING';
}

/** The status a decision shows at `now`: a PENDING one past its expiry is EXPIRED even before anyone wrote so. */
export function effectiveDecisionStatus(
  decision: { status: DecisionStatus; expiresAt: Date | null },
  now: Date,
): DecisionStatus {
  return decision.status === 'PENDING' && decision.expiresAt !== null && decision.expiresAt.getTime() <= now.getTime()
    ? 'EXPIRED'
    : decision.status;
}

/** Moves that put an idea in front of patients and families: they need their voice, or a recorded reason. */
export const PATIENT_VOICE_MOVES: readonly ChangeIdeaStatus[] = ['TESTING', 'ADOPTED'];

/**
 * True when moving an idea to `toStatus` needs a recorded reason because no patient partner or
 * family member takes part: none co-designs it (`coDesignerRoles`, active co-designers with the
 * proposer) and none took a position on a proposal in its thread (`positionRoles`).
 */
export function needsPatientVoiceReason(
  toStatus: ChangeIdeaStatus,
  voices: { coDesignerRoles: readonly Role[]; positionRoles: readonly Role[] },
): boolean {
  if (!PATIENT_VOICE_MOVES.includes(toStatus)) return false;
  return ![...voices.coDesignerRoles, ...voices.positionRoles].some((role) => LIVED_EXPERIENCE_ROLES.includes(role));
}
