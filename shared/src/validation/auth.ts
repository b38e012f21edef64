import { z } from 'zod';
import { emailSchema, safeString } from './common';
import { rule } from './issues';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

export const passwordSchema = safeString()
  .min(MIN_PASSWORD_LENGTH)
  .max(MAX_PASSWORD_LENGTH);

/** Longest member name, in characters. */
export const NAME_MAX = 100;

export const nameSchema = safeString()
  .trim()
  .min(1)
  .max(NAME_MAX);

export const signInSchema = z.object({
  email: emailSchema,
  password: safeString().min(1).max(MAX_PASSWORD_LENGTH),
});

export const registerSchema = z.object({
  token: safeString().trim().refine((token) => token.length >= 20 && token.length <= 200, rule('invitation_invalid')),
  email: emailSchema,
  name: nameSchema,
  password: passwordSchema,
});

export type SignInInput = z.infer<typeof signInSchema>;
export type RegisterInput = z.infer<typeof registerSchema>;
