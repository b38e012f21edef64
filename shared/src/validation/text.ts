import { issueMessage } from './issues';

// Plain values and checks, free of zod's runtime, so the web app's start-up code can use them alone.

/** Largest page a list query may ask for. */
export const MAX_PAGE_SIZE = 100;
/** Page size when a list query does not say. */
export const DEFAULT_PAGE_SIZE = 25;

export const SUPPORTED_LOCALES = ['en', 'sv'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

// NUL, or half of a UTF-16 surrogate pair: PostgreSQL cannot store either, and no keyboard types them.
const UNSTORABLE = /\0|\p{Surrogate}/u;

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
