import type { ErrorCode, FieldIssue } from '@commons/shared';
import { fieldIssues, idSchema } from '@commons/shared';
import type { z } from 'zod';

/** An error a member can act on. Its `code` reaches the client as `extensions.code`. */
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
export const conflict = (message: string, extensions: Record<string, unknown> = {}) =>
  new AppError('CONFLICT', message, extensions);

/** A BAD_USER_INPUT error naming the first offending field, with every problem listed. */
export function badInput(issues: FieldIssue[]): AppError {
  const [first] = issues;
  return new AppError('BAD_USER_INPUT', `${first.field} ${first.message}`, { field: first.field, issues });
}

/** Parses `value` with `schema`, or throws BAD_USER_INPUT naming fields under `argumentName`. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, argumentName: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw badInput(fieldIssues(result.error, argumentName));
  return result.data;
}

/** Checks that `value` is an id (a UUID), or throws BAD_USER_INPUT naming `field`. */
export function requireId(value: string, field: string): string {
  if (!idSchema.safeParse(value).success) throw badInput([{ field, message: 'must be a valid id' }]);
  return value;
}
