import type { ErrorCode, ErrorReason, FieldIssue, IssueCode, IssueParams } from '@commons/shared';
import { fieldIssue, fieldIssues, idSchema } from '@commons/shared';
import type { z } from 'zod';

/**
 * An error a member can act on. Its `code` reaches the client as `extensions.code`; `extensions`
 * may say which kind it is (`reason`, see ERROR_REASONS) and carry the field issues or params a
 * client needs. The English message is for API users and logs: clients go by code and reason.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const unauthenticated = () => new AppError('UNAUTHENTICATED', 'Please sign in.');
export const forbidden = (what = 'do this') => new AppError('FORBIDDEN', `You are not allowed to ${what}.`);
export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} was not found.`);
export const conflict = (reason: ErrorReason, message: string, extensions: Record<string, unknown> = {}) =>
  new AppError('CONFLICT', message, { reason, ...extensions });

/** A BAD_USER_INPUT error naming the first offending field, with every problem listed. */
export function badInput(issues: FieldIssue[]): AppError {
  const [first] = issues;
  return new AppError('BAD_USER_INPUT', `${first.field} ${first.message}`, { field: first.field, issues });
}

/** A BAD_USER_INPUT error about one field: `invalid('input.parentId', 'not_in_network', { kind: 'driver' })`. */
export function invalid(field: string, code: IssueCode, params?: IssueParams): AppError {
  return badInput([fieldIssue(field, code, params)]);
}

/** Parses `value` with `schema`, or throws BAD_USER_INPUT naming fields under `argumentName`. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, argumentName: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw badInput(fieldIssues(result.error, argumentName));
  return result.data;
}

/** Checks that `value` is an id (a UUID), or throws BAD_USER_INPUT naming `field`. */
export function requireId(value: string, field: string): string {
  if (!idSchema.safeParse(value).success) throw invalid(field, 'invalid_format', { format: 'id' });
  return value;
}
