/** Stable error codes every API error carries in `extensions.code`. */
export const ERROR_CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT', 'TOO_MANY_REQUESTS'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
