import { type FieldIssue, fieldIssues } from '@commons/shared';
import type { CombinedError } from '@urql/core';
import type { GraphQLError } from 'graphql';
import type { TFunction } from 'i18next';

/** Errors of one form: a message per field, and what belongs to no field. */
export interface FormErrors<F extends string = string> {
  fields: Partial<Record<F, string>>;
  form: string[];
}

export const NO_ERRORS: FormErrors<never> = { fields: {}, form: [] };

/** Argument names the server prefixes field paths with ("input.email", "filter.search"). */
const ARGUMENT_PREFIXES = ['input', 'filter'];

/**
 * The form field a server field path points at: "input.email" → "email",
 * "input.interests.2" → "interests", "siteId" → "siteId".
 */
export function fieldNameOf(path: string): string {
  const parts = path.split('.').filter(Boolean);
  if (parts.length > 1 && ARGUMENT_PREFIXES.includes(parts[0])) parts.shift();
  return parts[0] ?? '';
}

type Translation = [pattern: RegExp, key: string, params?: (match: RegExpMatchArray) => Record<string, unknown>];
const count = (match: RegExpMatchArray) => ({ count: Number(match[1]) });

// Every message the server and the shared schemas send today, so each reads in the member's language.
const TRANSLATIONS: Translation[] = [
  [/^is required$/, 'errors.issue.required'],
  [/^must be at least (\d+) characters$/, 'errors.issue.minLength', count],
  [/^must be at most (\d+) characters$/, 'errors.issue.maxLength', count],
  [/^must be a valid email address$/, 'errors.issue.email'],
  [/^must be a valid id$/, 'errors.issue.id'],
  [/^must not contain NUL characters or broken characters/, 'errors.issue.unstorableText'],
  [/^must be text$/, 'errors.issue.notText'],
  [/^must list at most (\d+) interests$/, 'errors.issue.maxInterests', count],
  // The commons (before the language rule: kinds and licences are "one of" lists too)
  [/^must be one of TOOL, /, 'errors.issue.resourceKind'],
  [/^must be one of CC-BY-4\.0, /, 'errors.issue.license'],
  [/^must be one of /, 'errors.issue.locale'],
  [/^must be a role$/, 'errors.issue.role'],
  [/^is required for a site team role$/, 'errors.issue.siteRequired'],
  [/^is not a site of this network$/, 'errors.issue.notASite'],
  [/^must be the address the invitation was sent to$/, 'errors.issue.invitationEmail'],
  // First run (the setup page)
  [/^is not a valid setup code$/, 'errors.issue.setupCodeInvalid'],
  [/^is a setup code that was used already$/, 'errors.issue.setupCodeUsed'],
  [/^is a setup code that expired/, 'errors.issue.setupCodeExpired'],
  [/^may hold only lowercase letters, digits and single hyphens$/, 'errors.issue.slug'],
  [/^must list at least one site$/, 'errors.issue.atLeastOneSite'],
  [/^must list at most (\d+) sites$/, 'errors.issue.maxSites', count],
  [/^cannot be more than 10 years ago$/, 'errors.issue.tooLongAgo'],
  [/^An account with this email address already exists\.$/, 'errors.conflict.adminAccountExists'],
  [/^is not a valid invitation( token)?$/, 'errors.issue.invitationInvalid'],
  [/has already been used/, 'errors.issue.invitationUsed'],
  [/has expired/, 'errors.issue.invitationExpired'],
  [/was withdrawn/, 'errors.issue.invitationRevoked'],
  [/already a member of the network/, 'errors.conflict.alreadyMember'],
  [/account with this email already exists/, 'errors.conflict.accountExists'],
  [/You are already a member of this network/, 'errors.conflict.youAreMember'],
  [/just used by someone else/, 'errors.conflict.invitationRace'],
  [/email or password is not right/, 'errors.wrongCredentials'],
  // Measures, monthly reports and the aim
  [/^must be a whole number, 0 or more$/, 'errors.issue.wholeNumber'],
  [/^is not used by an? \w+ measure$/, 'errors.issue.notUsed'],
  [/^cannot be more than the denominator$/, 'errors.issue.numeratorAboveDenominator'],
  [/^must be a number$/, 'errors.issue.number'],
  [/^must be empty when nobody was measured$/, 'errors.issue.emptyWhenNobody'],
  [/^must be a month like \d{4}-\d{2}$/, 'errors.issue.month'],
  [/^cannot be before the network started/, 'errors.issue.beforeNetwork'],
  [/^cannot be in the future$/, 'errors.issue.future'],
  [/^can be submitted from (\d{4}-\d{2}-\d{2}), once the month has ended$/, 'errors.issue.notOpenYet', (m) => ({ date: m[1] })],
  [/^must be a month of the network$/, 'errors.issue.month'],
  [/^must be between (\d+) and (\d+)$/, 'errors.issue.between', (m) => ({ min: Number(m[1]), max: Number(m[2]) })],
  [/^is required to change a submitted report$/, 'errors.issue.reasonRequired'],
  [/^a submitted report cannot go back to draft$/, 'errors.issue.noBackToDraft'],
  [/^must include (.+)$/, 'errors.issue.mustInclude', (m) => ({ name: m[1] })],
  [/^is not a measure of this network$/, 'errors.issue.notAMeasure'],
  [/^appears twice$/, 'errors.issue.appearsTwice'],
  [/^must be 2-40 lowercase letters/, 'errors.issue.measureKey'],
  [/chart does not fit an? \w+ measure$/, 'errors.issue.chartDoesNotFit'],
  [/^must be a date like/, 'errors.issue.date'],
  [/^must be on or after baselineFrom$/, 'errors.issue.baselineOrder'],
  [/^must be a primary driver$/, 'errors.issue.primaryDriver'],
  [/^is not a driver of this network$/, 'errors.issue.notADriver'],
  [/^must be PROPORTION, RATE, MEAN or COUNT$/, 'errors.issue.kind'],
  [/^must be UP or DOWN$/, 'errors.issue.direction'],
  [/^must be a chart type$/, 'errors.issue.chartType'],
  [/A measure with this key exists/, 'errors.conflict.measureKey'],
  [/kind of a measure cannot change/, 'errors.conflict.measureKind'],
  [/saved this month while you were editing/, 'errors.conflict.reportChanged'],
  [/removed meanwhile/, 'errors.conflict.reportChanged'],
  [/changed while importing/, 'errors.conflict.importChanged'],
  [/^may hold only letters, digits, spaces and /, 'errors.issue.tagCharacters'],
  [/^must list at most (\d+) tags$/, 'errors.issue.maxTags', count],
  [/^must list at most (\d+) values$/, 'errors.issue.maxValues', count],
  [/^is required: say why the resource is hidden$/, 'errors.issue.hideReason'],
  [/^is not a version of this resource \(1-(\d+)\)$/, 'errors.issue.notAVersion', count],
  [/^must not be after createdTo$/, 'errors.issue.dateOrder'],
  [/^Someone saved a newer version \((\d+)\) meanwhile/, 'errors.conflict.resourceChanged', (m) => ({ version: Number(m[1]) })],
  [/licence of this resource does not allow adaptations/, 'errors.conflict.noAdaptations'],
  [/^The network has this tag already/, 'errors.conflict.tagExists'],
  // Attachments (the upload endpoint's messages)
  [/^is required: send one non-empty file/, 'errors.file.empty'],
  [/^must have a file extension/, 'errors.file.noExtension'],
  [/^of type \.(\w+) is not accepted/, 'errors.file.typeNotAccepted', (m) => ({ extension: m[1] })],
  [/^is not a valid \.(\w+) file/, 'errors.file.badContent', (m) => ({ extension: m[1] })],
  [/^holds an? (\w+) file but its name ends in \.(\w+)$/, 'errors.file.mismatch', (m) => ({ type: m[1], extension: m[2] })],
  [/^The file is larger than (\d+) MB/, 'errors.file.tooLarge', (m) => ({ max: Number(m[1]) })],
  [/^A resource carries at most (\d+) attachments/, 'errors.file.tooMany', count],
  [/^The upload was refused/, 'errors.file.refused'],
  // CSV import problems (each names its line and column elsewhere)
  [/^"(.*)" is not a site of this network$/, 'errors.import.notASite', (m) => ({ value: m[1] })],
  [/^you may not report for (.+)$/, 'errors.import.notYourSite', (m) => ({ site: m[1] })],
  [/^"(.*)" is not a measure of this network$/, 'errors.import.notAMeasure', (m) => ({ value: m[1] })],
  [/^"(.*)" is not a number$/, 'errors.import.notANumber', (m) => ({ value: m[1] })],
  [/^repeats line (\d+)/, 'errors.import.repeats', (m) => ({ line: Number(m[1]) })],
  [/^has (\d+) values; the header has (\d+)$/, 'errors.import.valueCount', (m) => ({ count: Number(m[1]), expected: Number(m[2]) })],
  [/^is missing from the header$/, 'errors.import.missingColumn'],
  [/^is not a known column$/, 'errors.import.unknownColumn'],
  [/^has no rows after the header$/, 'errors.import.noRows'],
  [/^has more than (\d+) rows/, 'errors.import.tooManyRows', count],
  [/^is not valid CSV/, 'errors.import.notCsv'],
  // Decisions and proposals
  [/^is required: no patient partner or family member/, 'errors.issue.patientVoiceReason'],
  [/^is not a proposal in this idea's thread$/, 'errors.issue.notAProposalHere'],
  [/^must be at least (\d+) minutes from now$/, 'errors.issue.closesTooSoon', count],
  [/^must be at most (\d+) days from now$/, 'errors.issue.closesTooLate', count],
  [/^must be an ISO date-time$/, 'errors.issue.dateTime'],
  [/^are only for a choice among options$/, 'errors.issue.optionsOnlyForDots'],
  [/^must list at least (\d+) options$/, 'errors.issue.minOptions', count],
  [/^is required: say why you block$/, 'errors.issue.blockReason'],
  [/^must spread at most (\d+) dots$/, 'errors.issue.maxDots', count],
  [/^is not an option of this proposal$/, 'errors.issue.notAnOption'],
  [/^is a choice among options/, 'errors.issue.dotsNotPosition'],
  [/^asks for a position/, 'errors.issue.positionNotDots'],
  [/^must not list the same one twice$/, 'errors.issue.listTwice'],
  [/^must list at most (\d+)$/, 'errors.issue.listMax', count],
];

/** `t` for keys chosen at run time from the tables here (the parity test checks they exist). */
function byKey(t: TFunction, key: string, params: Record<string, unknown> = {}): string {
  return (t as unknown as (key: string, params: Record<string, unknown>) => string)(key, params);
}

/** A server or validation message in the member's language, or null when it is not one this client knows. */
export function knownMessage(message: string, t: TFunction): string | null {
  for (const [pattern, key, params] of TRANSLATIONS) {
    const match = message.match(pattern);
    if (match) return byKey(t, key, params?.(match));
  }
  return null;
}

/** A server or validation message in the member's language; unknown ones get a plain fallback. */
export function translateMessage(message: string, t: TFunction, fallbackKey = 'errors.issue.invalid'): string {
  return knownMessage(message, t) ?? byKey(t, fallbackKey);
}

const CODE_KEYS: Record<string, string> = {
  UNAUTHENTICATED: 'errors.code.UNAUTHENTICATED',
  FORBIDDEN: 'errors.code.FORBIDDEN',
  NOT_FOUND: 'errors.code.NOT_FOUND',
  BAD_USER_INPUT: 'errors.code.BAD_USER_INPUT',
  CONFLICT: 'errors.code.CONFLICT',
  TOO_MANY_REQUESTS: 'errors.code.TOO_MANY_REQUESTS',
  ALREADY_SET_UP: 'errors.code.ALREADY_SET_UP',
  DECISION_PENDING: 'errors.code.DECISION_PENDING',
  DECISION_CLOSED: 'errors.code.DECISION_CLOSED',
  PROPOSAL_CLOSED: 'errors.code.PROPOSAL_CLOSED',
  PROPOSAL_BLOCKED: 'errors.code.PROPOSAL_BLOCKED',
  BAD_REQUEST: 'errors.code.BAD_REQUEST',
  QUERY_TOO_COMPLEX: 'errors.code.QUERY_TOO_COMPLEX',
  RESPONSE_TOO_LARGE: 'errors.code.RESPONSE_TOO_LARGE',
  TIMEOUT: 'errors.code.TIMEOUT',
};

/** The `extensions.code` of the first GraphQL error, if any. */
export function errorCode(error: CombinedError | null | undefined): string | null {
  const code = error?.graphQLErrors[0]?.extensions?.code;
  return typeof code === 'string' ? code : null;
}

/** Every field issue of a failed operation (from `extensions.issues`, or its single `extensions.field`). */
export function errorIssues(error: CombinedError | null | undefined): FieldIssue[] {
  return error?.graphQLErrors.flatMap(issuesOf) ?? [];
}

function issuesOf(error: GraphQLError): FieldIssue[] {
  const { field, issues } = error.extensions ?? {};
  if (Array.isArray(issues)) {
    return issues.filter((i: Partial<FieldIssue> | null): i is FieldIssue => typeof i?.field === 'string' && typeof i?.message === 'string');
  }
  if (typeof field === 'string') return [{ field, message: error.message }];
  return [];
}

/** One sentence for an error that belongs to no field, in the member's language. */
export function describeError(error: CombinedError, t: TFunction): string {
  if (error.networkError) return t('errors.network');
  const first = error.graphQLErrors[0];
  if (!first) return t('errors.unknown');
  const code = typeof first.extensions?.code === 'string' ? first.extensions.code : '';
  if (code === 'CONFLICT' || code === 'UNAUTHENTICATED') return translateMessage(first.message, t, CODE_KEYS[code]);
  return byKey(t, CODE_KEYS[code] ?? 'errors.unknown');
}

/** Places field issues on the form's fields; issues about anything else become form errors. */
export function issuesToFormErrors<F extends string>(issues: FieldIssue[], fields: readonly F[], t: TFunction): FormErrors<F> {
  const result: FormErrors<F> = { fields: {}, form: [] };
  for (const issue of issues) {
    const name = fieldNameOf(issue.field) as F;
    const message = translateMessage(issue.message, t);
    if (fields.includes(name)) result.fields[name] ??= message;
    else result.form.push(message);
  }
  return result;
}

/** Turns a failed operation into errors next to the fields named by `extensions.field`. */
export function toFormErrors<F extends string>(error: CombinedError | null | undefined, fields: readonly F[], t: TFunction): FormErrors<F> {
  if (!error) return { fields: {}, form: [] };
  const issues = error.graphQLErrors.flatMap(issuesOf);
  if (issues.length === 0) return { fields: {}, form: [describeError(error, t)] };
  return issuesToFormErrors(issues, fields, t);
}

/** A shared validation schema (zod), as far as the forms need it. */
export interface ValidationSchema {
  safeParse(value: unknown): { success: true } | { success: false; error: Parameters<typeof fieldIssues>[0] };
}

/** Checks `value` with a shared schema before sending; returns errors, or null when it is valid. */
export function validateWith<F extends string>(schema: ValidationSchema, value: unknown, fields: readonly F[], t: TFunction): FormErrors<F> | null {
  const parsed = schema.safeParse(value);
  return parsed.success ? null : issuesToFormErrors(fieldIssues(parsed.error, 'input'), fields, t);
}

/** True when the form has nothing to show. */
export function hasErrors(errors: FormErrors): boolean {
  return errors.form.length > 0 || Object.values(errors.fields).some(Boolean);
}
