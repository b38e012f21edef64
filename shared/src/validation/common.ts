import { z } from 'zod';
import { rule, type IssueFormat } from './issues';
import { isStorableText } from './text';

export * from './text';

/**
 * A string that can be stored as sent: the one rule every text field's schema starts from
 * (anything else, right-to-left marks, combining marks and all, is kept exactly).
 */
export const safeString = () => z.string().refine(isStorableText, rule('unstorable_text'));

/** The arguments of a refinement that `pattern` matches, raising `invalid_format` with the format's name: `.refine(...matches(P, 'slug'))`. */
export const matches = (pattern: RegExp, format: IssueFormat) =>
  [(text: string) => pattern.test(text), rule('invalid_format', { format })] as const;

export const emailSchema = safeString()
  .trim()
  .min(1)
  .max(254)
  .pipe(z.email())
  .transform((email) => email.toLowerCase());

export const idSchema = z.uuid();
