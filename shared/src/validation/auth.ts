import { z } from 'zod';
import { emailSchema, safeString } from './common';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

export const passwordSchema = safeString()
  .min(MIN_PASSWORD_LENGTH, { message: `must be at least ${MIN_PASSWORD_LENGTH} characters` })
  .max(MAX_PASSWORD_LENGTH, { message: `must be at most ${MAX_PASSWORD_LENGTH} characters` });

/** Longest member name, in characters. */
export const NAME_MAX = 100;

export const nameSchema = safeString()
  .trim()
  .min(1, { message: 'is required' })
  .max(NAME_MAX, { message: `must be at most ${NAME_MAX} characters` });

export const signInSchema = z.object({
  email: emailSchema,
  password: safeString().min(1, { message: 'is required' }).max(MAX_PASSWORD_LENGTH),
});

export const registerSchema = z.object({
  token: safeString().trim().min(20, { message: 'is not a valid invitation token' }).max(200),
  email: emailSchema,
  name: nameSchema,
  password: passwordSchema,
});

export type SignInInput = z.infer<typeof signInSchema>;
export type RegisterInput = z.infer<typeof registerSchema>;
