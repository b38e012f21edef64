import { z } from 'zod';
import { DECISION_CONFIRMATION_DAYS_RANGE } from '../codesign/decisions';
import { CHANGE_IDEA_STATUSES, PDSA_ACTS, PDSA_STAGES } from '../codesign/lifecycle';
import { idSchema, safeString } from './common';
import { type FieldIssue, fieldIssue, rule } from './issues';
import { CHANGE_IDEA_LIMITS } from './text';

const text = (max: number) => safeString().trim().max(max);
const required = (max: number) => text(max).min(1);
const isoDate = z.iso.date();
const expectedVersion = z.number().int().min(1);

/** A list of distinct ids, at most `max`. */
const idList = (max: number) =>
  z
    .array(idSchema)
    .max(max)
    .refine((ids) => new Set(ids).size === ids.length, rule('duplicate'));

const changeIdeaFields = {
  title: text(CHANGE_IDEA_LIMITS.titleMax).min(CHANGE_IDEA_LIMITS.titleMin),
  problem: required(CHANGE_IDEA_LIMITS.problemMax),
  idea: required(CHANGE_IDEA_LIMITS.ideaMax),
  driverIds: idList(CHANGE_IDEA_LIMITS.driversMax),
  nextDecisionOn: isoDate.nullable(),
};

/** A proposed change idea: what problem it addresses, the idea (Markdown) and the drivers it should move. */
export const changeIdeaInputSchema = z.object(changeIdeaFields);
export type ChangeIdeaInputData = z.infer<typeof changeIdeaInputSchema>;

/** An edit of a change idea's text, against the version the editor saw. */
export const changeIdeaEditSchema = z.object({ ...changeIdeaFields, expectedVersion });
export type ChangeIdeaEditData = z.infer<typeof changeIdeaEditSchema>;

/**
 * A decision proposed on a change idea: to which status, what is decided, why, and who takes part
 * (each of them confirms before it takes effect). `patientVoiceReason`: why it goes ahead without
 * a patient or family voice, when it needs one. `proposalId`: a proposal in the idea's thread it
 * rests on.
 */
export const changeIdeaDecisionSchema = z.object({
  expectedVersion,
  toStatus: z.enum(CHANGE_IDEA_STATUSES),
  decision: required(CHANGE_IDEA_LIMITS.decisionMax),
  rationale: required(CHANGE_IDEA_LIMITS.rationaleMax),
  participantIds: idList(CHANGE_IDEA_LIMITS.participantsMax).refine((ids) => ids.length > 0, rule('required')),
  nextDecisionOn: isoDate.nullable(),
  patientVoiceReason: text(CHANGE_IDEA_LIMITS.patientVoiceReasonMax),
  proposalId: idSchema.nullable(),
});
export type ChangeIdeaDecisionData = z.infer<typeof changeIdeaDecisionSchema>;

/** A participant's answer to a pending decision: an optional comment (confirming) or reason (declining). */
export const decisionAnswerSchema = z.object({ comment: text(CHANGE_IDEA_LIMITS.answerMax) });

/** How many days a network's pending decisions wait for confirmations. */
export const decisionConfirmationDaysSchema = z
  .number()
  .int()
  .refine(
    (days) => days >= DECISION_CONFIRMATION_DAYS_RANGE.min && days <= DECISION_CONFIRMATION_DAYS_RANGE.max,
    rule('out_of_range', { ...DECISION_CONFIRMATION_DAYS_RANGE }),
  );

const pdsaFields = {
  title: required(CHANGE_IDEA_LIMITS.pdsaTitleMax),
  plan: required(CHANGE_IDEA_LIMITS.pdsaTextMax),
  prediction: required(CHANGE_IDEA_LIMITS.pdsaTextMax),
  doNotes: text(CHANGE_IDEA_LIMITS.pdsaTextMax),
  studyNotes: text(CHANGE_IDEA_LIMITS.pdsaTextMax),
  act: z.enum(PDSA_ACTS).nullable(),
  actNotes: text(CHANGE_IDEA_LIMITS.pdsaTextMax),
  stage: z.enum(PDSA_STAGES),
  startOn: isoDate,
  endOn: isoDate.nullable(),
  measureIds: idList(CHANGE_IDEA_LIMITS.measuresMax),
};

type PdsaValues = { [K in keyof typeof pdsaFields]: z.infer<(typeof pdsaFields)[K]> };

/**
 * Rules across a PDSA cycle's fields, each naming the field to fix: the test ends on or after it
 * starts; a cycle is studied only after it was done (what was done, and when the test ended); and
 * the act comes after the study, which compares what happened with the prediction.
 */
export function pdsaCycleIssues(cycle: PdsaValues): FieldIssue[] {
  const issues: FieldIssue[] = [];
  // Refinements run beside field errors too: compare dates only when both are dates.
  const validDates =
    isoDate.safeParse(cycle.startOn).success && (cycle.endOn === null || isoDate.safeParse(cycle.endOn).success);
  if (validDates && cycle.endOn && cycle.endOn < cycle.startOn)
    issues.push(fieldIssue('endOn', 'not_before', { other: 'startOn' }));
  const studied = cycle.stage === 'STUDY' || cycle.stage === 'ACT';
  if (studied && !cycle.doNotes) issues.push(fieldIssue('doNotes', 'do_before_study'));
  if (studied && !cycle.endOn) issues.push(fieldIssue('endOn', 'end_required_when_studied'));
  if (cycle.act !== null && !cycle.studyNotes) {
    issues.push(fieldIssue('studyNotes', 'study_before_act'));
  }
  if (cycle.act !== null && cycle.stage !== 'ACT') issues.push(fieldIssue('stage', 'stage_must_be_act'));
  if (cycle.stage === 'ACT' && cycle.act === null) issues.push(fieldIssue('act', 'act_required'));
  return issues;
}

function withPdsaRules<T extends PdsaValues>(cycle: T, ctx: z.core.$RefinementCtx<T>) {
  for (const issue of pdsaCycleIssues(cycle))
    ctx.addIssue({ code: 'custom', path: [issue.field], ...rule(issue.code, issue.params) });
}

/** A new PDSA cycle at a site. The prediction is required: a test without one teaches nothing. */
export const pdsaCycleInputSchema = z.object({ siteId: idSchema, ...pdsaFields }).superRefine(withPdsaRules);
export type PdsaCycleInputData = z.infer<typeof pdsaCycleInputSchema>;

/** A saved PDSA cycle's new state, against the version the editor saw. Its site does not change. */
export const pdsaCycleEditSchema = z.object({ ...pdsaFields, expectedVersion }).superRefine(withPdsaRules);
export type PdsaCycleEditData = z.infer<typeof pdsaCycleEditSchema>;
