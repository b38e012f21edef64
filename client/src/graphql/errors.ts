import { API_ERROR_CODES, ERROR_REASONS } from '@commons/shared/errors';
import {
  type FieldIssue,
  fieldIssues,
  ISSUE_CODES,
  type IssueCode,
  type IssueParams,
} from '@commons/shared/validation/issues';
import type { TFunction } from 'i18next';

/**
 * What a failed operation says: urql's OperationError has this shape, and so does what `request`
 * (the sign-in page's fetch) gives.
 */
export interface OperationError {
  networkError?: Error;
  graphQLErrors: readonly GraphqlErrorBody[];
}

/** One error of a GraphQL response, as far as the app reads it. */
interface GraphqlErrorBody {
  message: string;
  extensions?: Record<string, unknown>;
}

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

/** `t` for keys built from codes at run time (a test checks every code has its key in both languages). */
function byKey(t: TFunction, key: string, params: Record<string, unknown> = {}): string {
  return (t as unknown as (key: string, params: Record<string, unknown>) => string)(key, params);
}

const isIssueCode = (code: unknown): code is IssueCode => (ISSUE_CODES as readonly unknown[]).includes(code);

/**
 * A field issue in the member's language, from its code and params (never its English message).
 * `invalid_format` reads per format (`errors.issue.invalid_format_email`); an unknown code reads as
 * plainly invalid.
 */
export function translateIssue(issue: { code: string; params?: IssueParams }, t: TFunction): string {
  const code = isIssueCode(issue.code) ? issue.code : 'invalid';
  const params = issue.params ?? {};
  return byKey(t, `errors.issue.${code}`, {
    ...params,
    context: code === 'invalid_format' ? params.format : undefined,
  });
}

/** The `extensions.code` of the first GraphQL error, if any. */
export function errorCode(error: OperationError | null | undefined): string | null {
  const code = error?.graphQLErrors[0]?.extensions?.code;
  return typeof code === 'string' ? code : null;
}

/** The `extensions.reason` of the first GraphQL error (which kind of CONFLICT, say), if any. */
export function errorReason(error: OperationError | null | undefined): string | null {
  const reason = error?.graphQLErrors[0]?.extensions?.reason;
  return typeof reason === 'string' ? reason : null;
}

/** Every field issue of a failed operation (`extensions.issues`). */
export function errorIssues(error: OperationError | null | undefined): FieldIssue[] {
  return error?.graphQLErrors.flatMap(issuesOf) ?? [];
}

function issuesOf(error: GraphqlErrorBody): FieldIssue[] {
  const { issues } = error.extensions ?? {};
  if (!Array.isArray(issues)) return [];
  return (issues as unknown[]).filter((i): i is FieldIssue => {
    const issue = i as Partial<FieldIssue> | null;
    return typeof issue?.field === 'string' && typeof issue?.code === 'string';
  });
}

/**
 * One sentence for an error, from its code and reason (and the params beside them in
 * `extensions`), in the member's language. The server's English message is never shown.
 */
export function describeApiError(
  error: { code?: unknown; reason?: unknown; [param: string]: unknown },
  t: TFunction,
): string {
  if ((ERROR_REASONS as readonly unknown[]).includes(error.reason))
    return byKey(t, `errors.reason.${String(error.reason)}`, error);
  if ((API_ERROR_CODES as readonly unknown[]).includes(error.code))
    return byKey(t, `errors.code.${String(error.code)}`);
  return t('errors.unknown');
}

/** One sentence for an error that belongs to no field, in the member's language. */
export function describeError(error: OperationError, t: TFunction): string {
  if (error.networkError) return t('errors.network');
  const first = error.graphQLErrors[0];
  if (!first) return t('errors.unknown');
  const [issue] = issuesOf(first);
  if (issue) return translateIssue(issue, t);
  return describeApiError(first.extensions ?? {}, t);
}

/** Places field issues on the form's fields (the first per field); issues about anything else become form errors, once each. */
export function issuesToFormErrors<F extends string>(
  issues: readonly FieldIssue[],
  fields: readonly F[],
  t: TFunction,
): FormErrors<F> {
  const result: FormErrors<F> = { fields: {}, form: [] };
  for (const issue of issues) {
    const name = fieldNameOf(issue.field) as F;
    const message = translateIssue(issue, t);
    if (fields.includes(name)) result.fields[name] ??= message;
    else if (!result.form.includes(message)) result.form.push(message);
  }
  return result;
}

/**
 * Turns a failed operation into errors next to its fields: the field issues of BAD_USER_INPUT, or
 * an error that names one field (a CONFLICT on a key, a wrong password) described on that field.
 */
export function toFormErrors<F extends string>(
  error: OperationError | null | undefined,
  fields: readonly F[],
  t: TFunction,
): FormErrors<F> {
  if (!error) return { fields: {}, form: [] };
  const issues = error.graphQLErrors.flatMap(issuesOf);
  if (issues.length > 0) return issuesToFormErrors(issues, fields, t);
  const field = error.graphQLErrors[0]?.extensions?.field;
  const name = typeof field === 'string' ? (fieldNameOf(field) as F) : null;
  const message = describeError(error, t);
  return name && fields.includes(name)
    ? { fields: { [name]: message } as FormErrors<F>['fields'], form: [] }
    : { fields: {}, form: [message] };
}

/** A shared validation schema (zod), as far as the forms need it. */
export interface ValidationSchema {
  safeParse(value: unknown): { success: true } | { success: false; error: Parameters<typeof fieldIssues>[0] };
}

/** Checks `value` with a shared schema before sending; returns errors, or null when it is valid. */
export function validateWith<F extends string>(
  schema: ValidationSchema,
  value: unknown,
  fields: readonly F[],
  t: TFunction,
): FormErrors<F> | null {
  const parsed = schema.safeParse(value);
  return parsed.success ? null : issuesToFormErrors(fieldIssues(parsed.error, 'input'), fields, t);
}

/** The first problem `schema` finds with `value`, in the member's language, or null: for a single input such as a tag. */
export function firstIssueOf(schema: ValidationSchema, value: unknown, t: TFunction): string | null {
  const parsed = schema.safeParse(value);
  if (parsed.success) return null;
  const [issue] = fieldIssues(parsed.error);
  return issue ? translateIssue(issue, t) : t('errors.issue.invalid');
}

/** True when the form has nothing to show. */
export function hasErrors(errors: FormErrors): boolean {
  return errors.form.length > 0 || Object.values(errors.fields).some(Boolean);
}
