import { type FieldIssue, fieldIssues } from '@commons/shared';
import type { CombinedError } from '@urql/core';
import type { TFunction } from 'i18next';
import { describeError, errorCode, errorIssues, fieldNameOf, type FormErrors, translateMessage, type ValidationSchema } from '../graphql/errors';

type Translation = [pattern: RegExp, key: string, params?: (match: RegExpMatchArray) => Record<string, unknown>];
const count = (match: RegExpMatchArray) => ({ count: Number(match[1]) });

// The messages of the change idea and PDSA rules (shared schemas and server), in the member's language.
const IDEA_TRANSLATIONS: Translation[] = [
  [/^must list at most (\d+)$/, 'ideas.issue.listMax', count],
  [/^must not list the same one twice$/, 'ideas.issue.listTwice'],
  [/^must name who took part$/, 'ideas.issue.participantsRequired'],
  [/^must be one of PROPOSED/, 'ideas.issue.toStatus'],
  [/^cannot follow \w+;/, 'ideas.issue.notAllowedMove'],
  [/^is not a member of this network$/, 'ideas.issue.notAMember'],
  [/^cannot be yourself$/, 'ideas.issue.notYourself'],
  [/^is \w+: co-designers join ideas still in progress$/, 'ideas.issue.closedForCoDesign'],
  [/^is \w+: PDSA cycles test ideas in TESTING/, 'ideas.issue.notTesting'],
  [/^must be on or after startOn$/, 'ideas.issue.endBeforeStart'],
  [/^must say what was done before the cycle is studied$/, 'ideas.issue.doBeforeStudy'],
  [/^is required once the test is studied$/, 'ideas.issue.endRequired'],
  [/^must compare what happened with the prediction before the act$/, 'ideas.issue.studyBeforeAct'],
  [/^must be ACT once the act is chosen$/, 'ideas.issue.stageAct'],
  [/^is required at the ACT stage$/, 'ideas.issue.actRequired'],
  [/^must be ADOPT, ADAPT or ABANDON$/, 'ideas.issue.act'],
  [/^must be PLAN, DO, STUDY or ACT$/, 'ideas.issue.stage'],
];

function byKey(t: TFunction, key: string, params: Record<string, unknown> = {}): string {
  return (t as unknown as (key: string, params: Record<string, unknown>) => string)(key, params);
}

/** A message of the change idea rules, or any message the app knows, in the member's language. */
export function translateIdeaMessage(message: string, t: TFunction): string {
  for (const [pattern, key, params] of IDEA_TRANSLATIONS) {
    const match = message.match(pattern);
    if (match) return byKey(t, key, params?.(match));
  }
  return translateMessage(message, t);
}

/** Field issues placed on a change idea form's fields; the rest become form errors. */
export function ideaIssuesToFormErrors<F extends string>(issues: readonly FieldIssue[], fields: readonly F[], t: TFunction): FormErrors<F> {
  const result: FormErrors<F> = { fields: {}, form: [] };
  for (const issue of issues) {
    const name = fieldNameOf(issue.field) as F;
    const message = translateIdeaMessage(issue.message, t);
    if (fields.includes(name)) result.fields[name] ??= message;
    else if (!result.form.includes(message)) result.form.push(message);
  }
  return result;
}

/** Checks `value` with a shared schema before sending; returns errors by field, or null when it is valid. */
export function validateIdeaInput<F extends string>(schema: ValidationSchema, value: unknown, fields: readonly F[], t: TFunction): FormErrors<F> | null {
  const parsed = schema.safeParse(value);
  return parsed.success ? null : ideaIssuesToFormErrors(fieldIssues(parsed.error, 'input'), fields, t);
}

/** A failed change idea operation as form errors (CONFLICT is the caller's to show with the current state). */
export function ideaFormErrors<F extends string>(error: CombinedError | null | undefined, fields: readonly F[], t: TFunction): FormErrors<F> {
  if (!error) return { fields: {}, form: [] };
  const issues = errorCode(error) === 'BAD_USER_INPUT' ? errorIssues(error) : [];
  if (issues.length === 0) return { fields: {}, form: [conflictOrDescribe(error, t)] };
  return ideaIssuesToFormErrors(issues, fields, t);
}

function conflictOrDescribe(error: CombinedError, t: TFunction): string {
  const message = error.graphQLErrors[0]?.message ?? '';
  if (/answered meanwhile/.test(message)) return t('ideas.conflict.invitationAnswered');
  if (/changed this idea meanwhile/.test(message)) return t('ideas.conflict.idea');
  if (/saved this cycle meanwhile/.test(message)) return t('ideas.conflict.cycle');
  return describeError(error, t);
}

/** The state a CONFLICT answer reports: the version (and status or stage) the server has now. */
export function conflictState(error: CombinedError | null | undefined): { version: number | null; status: string | null; stage: string | null } | null {
  if (errorCode(error) !== 'CONFLICT') return null;
  const extensions = error?.graphQLErrors[0]?.extensions ?? {};
  return {
    version: typeof extensions.currentVersion === 'number' ? extensions.currentVersion : null,
    status: typeof extensions.currentStatus === 'string' ? extensions.currentStatus : null,
    stage: typeof extensions.currentStage === 'string' ? extensions.currentStage : null,
  };
}
