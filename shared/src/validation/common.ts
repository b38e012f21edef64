import { z } from 'zod';
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from './text';

export * from './text';

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
