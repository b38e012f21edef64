import { type ChangeIdeaStatus, isOpenChangeIdea, type PdsaAct, type PdsaStage } from '../codesign/lifecycle';

/** Why a decision is due when it is: the date its co-designers agreed, or the end of a PDSA cycle still open. */
export const NEXT_DECISION_BASES = ['AGREED_DATE', 'PDSA_CYCLE_END', 'UNSCHEDULED'] as const;
export type NextDecisionBasis = (typeof NEXT_DECISION_BASES)[number];

/** What the next decision on an idea depends on. Dates are `YYYY-MM-DD`. */
export interface NextDecisionFacts {
  status: ChangeIdeaStatus;
  /** The date the co-designers set for their next decision (ChangeIdea.nextDecisionOn). */
  nextDecisionOn: string | null;
  /** The idea's PDSA cycles, at every site. */
  cycles: readonly { id: string; stage: PdsaStage; act: PdsaAct | null; endOn: string | null }[];
}

export interface NextDecision {
  /** The day it is due, or null when nobody has set one (UNSCHEDULED). */
  dueOn: string | null;
  basis: NextDecisionBasis;
  /** The PDSA cycle whose end makes it due (basis PDSA_CYCLE_END). */
  cycleId: string | null;
  /** True when `dueOn` is before `today`. */
  overdue: boolean;
}

/**
 * The next decision due on a change idea: the earliest of the date its co-designers agreed
 * (`nextDecisionOn`) and, while it is TESTING, the end date of each PDSA cycle not yet acted on
 * (its study calls for adopt, adapt or abandon). An idea still in progress without such a date
 * is UNSCHEDULED. A concluded idea (adopted, adapted, abandoned) has none, unless its
 * co-designers agreed a date to take it up again. `today` is `YYYY-MM-DD`; ties favour the agreed date.
 */
export function nextDecisionDue(facts: NextDecisionFacts, today: string): NextDecision | null {
  const candidates: { dueOn: string; basis: NextDecisionBasis; cycleId: string | null }[] = [];
  if (facts.nextDecisionOn) candidates.push({ dueOn: facts.nextDecisionOn, basis: 'AGREED_DATE', cycleId: null });
  if (facts.status === 'TESTING') {
    for (const cycle of facts.cycles) {
      if (cycle.act === null && cycle.endOn)
        candidates.push({ dueOn: cycle.endOn, basis: 'PDSA_CYCLE_END', cycleId: cycle.id });
    }
  }
  if (candidates.length === 0) {
    return isOpenChangeIdea(facts.status) ? { dueOn: null, basis: 'UNSCHEDULED', cycleId: null, overdue: false } : null;
  }
  const earliest = candidates.reduce((best, next) => (next.dueOn < best.dueOn ? next : best));
  return { ...earliest, overdue: earliest.dueOn < today };
}
