import { issueMessage } from './issues';

// Plain values and checks, free of zod's runtime, so the web app's start-up code can use them alone.

/** Largest page a list query may ask for. */
export const MAX_PAGE_SIZE = 100;
/** Page size when a list query does not say. */
export const DEFAULT_PAGE_SIZE = 25;
/** Most queries one request to /graphql may carry together (a JSON array of operations). */
export const MAX_QUERY_BATCH = 16;

export const CHANGE_IDEA_LIMITS = {
  titleMin: 3,
  titleMax: 160,
  problemMax: 5000,
  ideaMax: 20_000,
  driversMax: 10,
  decisionMax: 1000,
  rationaleMax: 5000,
  participantsMax: 30,
  answerMax: 1000,
  patientVoiceReasonMax: 2000,
  pdsaTitleMax: 160,
  pdsaTextMax: 10_000,
  measuresMax: 10,
} as const;

/** Rates are shown and stated per this many units of exposure (0.012 per patient-month is "12 per 1,000"). */
export const RATE_DISPLAY_PER = 1000;

/** Longest reason for declining a request to join a site. */
export const MAX_SITE_REQUEST_REASON = 500;

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
