/**
 * Stable error codes every API error carries in `extensions.code`. `ALREADY_SET_UP`: the first-run
 * setup was asked for on a server that has a network already.
 */
export const ERROR_CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT', 'TOO_MANY_REQUESTS', 'ALREADY_SET_UP'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
