import { z } from 'zod';
import { type IssueFormat, issueMessage, rule } from './issues';

/** Largest page a list query may ask for. */
export const MAX_PAGE_SIZE = 100;
/** Page size when a list query does not say. */
export const DEFAULT_PAGE_SIZE = 25;

export const SUPPORTED_LOCALES = ['en', 'sv'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

// NUL, or half of a UTF-16 surrogate pair: PostgreSQL cannot store either, and no keyboard types them.
const UNSTORABLE = /\u0000|\p{Surrogate}/u;

/** The message of text refused by `safeString`. */
export const UNSTORABLE_TEXT_MESSAGE = issueMessage('unstorable_text');

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
export const safeString = () => z.string().refine(isStorableText, rule('unstorable_text'));

/** The arguments of a refinement that `pattern` matches, raising `invalid_format` with the format's name: `.refine(...matches(P, 'slug'))`. */
export const matches = (pattern: RegExp, format: IssueFormat) => [(text: string) => pattern.test(text), rule('invalid_format', { format })] as const;

export const emailSchema = safeString()
  .trim()
  .min(1)
  .max(254)
  .pipe(z.email())
  .transform((email) => email.toLowerCase());

export const idSchema = z.uuid();

