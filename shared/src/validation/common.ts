import { z } from 'zod';

/** Largest page a list query may ask for. */
export const MAX_PAGE_SIZE = 100;
/** Page size when a list query does not say. */
export const DEFAULT_PAGE_SIZE = 25;

export const SUPPORTED_LOCALES = ['en', 'sv'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

// NUL, or half of a UTF-16 surrogate pair: PostgreSQL cannot store either, and no keyboard types them.
const UNSTORABLE = /\0|\p{Surrogate}/u;

/** The message of text refused by `safeString`. */
export const UNSTORABLE_TEXT_MESSAGE = 'must not contain NUL characters or broken characters (unpaired surrogates)';

/** True when `text` can be stored as it is: no NUL character, no unpaired surrogate. */
export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/** The first `length` UTF-16 units of `text`, one fewer when the cut would split a surrogate pair (an emoji). */
export function cutText(text: string, length: number): string {
  const cut = text.slice(0, length);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * A string that can be stored as sent: the one rule every text field's schema starts from
 * (anything else, right-to-left marks, combining marks and all, is kept exactly).
 */
export const safeString = (typeMessage = 'must be text') => z.string({ message: typeMessage }).refine(isStorableText, { message: UNSTORABLE_TEXT_MESSAGE });

export const emailSchema = safeString()
  .trim()
  .min(1, { message: 'is required' })
  .max(254, { message: 'must be at most 254 characters' })
  .pipe(z.email({ message: 'must be a valid email address' }))
  .transform((email) => email.toLowerCase());

export const idSchema = z.uuid({ message: 'must be a valid id' });

/** One field's problem, named by its path in the input (e.g. "input.email"). */
export interface FieldIssue {
  field: string;
  message: string;
}

/** Turns zod issues into field-named problems; `prefix` is the argument name. */
export function fieldIssues(error: z.ZodError, prefix = ''): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
}
