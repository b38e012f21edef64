import { type ChangeIdeaStatus, CHANGE_IDEA_STATUSES } from '@commons/shared';

/** The conclusions an idea may reach after testing (or, for ABANDONED, at any open stage). */
export const OUTCOME_STATUSES = ['ADOPTED', 'ADAPTED', 'ABANDONED'] as const satisfies readonly ChangeIdeaStatus[];
export type OutcomeStatus = (typeof OUTCOME_STATUSES)[number];

/** A step of the lifecycle as the stepper shows it: the three working stages, then the outcome. */
export type LifecycleStepKey = 'PROPOSED' | 'CO_DESIGN' | 'TESTING' | 'OUTCOME';

/** done: behind the idea; current: where it is; upcoming: still ahead; skipped: passed over on the way to the outcome. */
export type LifecycleStepState = 'done' | 'current' | 'upcoming' | 'skipped';

export interface LifecycleStep {
  key: LifecycleStepKey;
  state: LifecycleStepState;
  /** For the outcome step once reached: which outcome. */
  outcome: OutcomeStatus | null;
}

const MAIN_PATH: readonly LifecycleStepKey[] = ['PROPOSED', 'CO_DESIGN', 'TESTING', 'OUTCOME'];

export function isOutcome(status: ChangeIdeaStatus): status is OutcomeStatus {
  return (OUTCOME_STATUSES as readonly string[]).includes(status);
}

const stepOf = (status: ChangeIdeaStatus): LifecycleStepKey => (isOutcome(status) ? 'OUTCOME' : status);

/**
 * The stepper of PROPOSED → CO_DESIGN → TESTING → ADOPTED | ADAPTED | ABANDONED for an idea in
 * `status`. `reached` lists every status the idea has been in (from its decisions); a stage the
 * idea never went through on its way to an outcome (abandoned straight from a proposal) is
 * "skipped", not "done". An idea sent back (to co-design after a test) shows the later stages
 * as still ahead.
 */
export function lifecycleSteps(status: ChangeIdeaStatus, reached: readonly ChangeIdeaStatus[] = []): LifecycleStep[] {
  const current = MAIN_PATH.indexOf(stepOf(status));
  const seen = new Set<LifecycleStepKey>(['PROPOSED', ...reached.map(stepOf)]);
  return MAIN_PATH.map((key, index) => {
    const state: LifecycleStepState =
      index === current ? 'current' : index > current ? 'upcoming' : seen.has(key) ? 'done' : 'skipped';
    return { key, state, outcome: key === 'OUTCOME' && isOutcome(status) ? status : null };
  });
}

/** Every status an idea has been in, from its decisions (from and to). */
export function statusesReached(
  decisions: readonly { fromStatus: ChangeIdeaStatus; toStatus: ChangeIdeaStatus }[],
): ChangeIdeaStatus[] {
  const reached = new Set<ChangeIdeaStatus>();
  for (const decision of decisions) {
    reached.add(decision.fromStatus);
    reached.add(decision.toStatus);
  }
  return CHANGE_IDEA_STATUSES.filter((status) => reached.has(status));
}
