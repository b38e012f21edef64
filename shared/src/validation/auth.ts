import { z } from 'zod';
import { emailSchema, safeString } from './common';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

export const passwordSchema = safeString()
  .min(MIN_PASSWORD_LENGTH, { message: `must be at least ${MIN_PASSWORD_LENGTH} characters` })
  .max(MAX_PASSWORD_LENGTH, { message: `must be at most ${MAX_PASSWORD_LENGTH} characters` });

export const nameSchema = safeString()
  .trim()
  .min(1, { message: 'is required' })
  .max(100, { message: 'must be at most 100 characters' });

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

const tokenSchema = safeString().trim().min(20, { message: 'is not a valid link' }).max(200, { message: 'is not a valid link' });
const currentPasswordSchema = safeString().min(1, { message: 'is required' }).max(MAX_PASSWORD_LENGTH);
/** A six-digit code from an authenticator app, or a recovery code (xxxxx-xxxxx). */
export const twoFactorCodeSchema = safeString()
  .trim()
  .transform((value) => value.replace(/\s+/g, '').toLowerCase())
  .refine((value) => /^\d{6}$/.test(value) || /^[a-z0-9]{5}-?[a-z0-9]{5}$/.test(value), { message: 'must be a 6-digit code or a recovery code' });

export const changePasswordSchema = z.object({ currentPassword: currentPasswordSchema, newPassword: passwordSchema });
export const requestPasswordResetSchema = z.object({ email: emailSchema });
export const resetPasswordSchema = z.object({ token: tokenSchema, newPassword: passwordSchema });
export const requestEmailChangeSchema = z.object({ newEmail: emailSchema, currentPassword: currentPasswordSchema });
export const confirmEmailChangeSchema = z.object({ token: tokenSchema });
export const enableTwoFactorSchema = z.object({ code: safeString().trim().regex(/^\d{6}$/, { message: 'must be the 6-digit code your app shows' }) });
export const disableTwoFactorSchema = z.object({ currentPassword: currentPasswordSchema, code: twoFactorCodeSchema });
export const twoFactorSignInSchema = z.object({ challenge: tokenSchema, code: twoFactorCodeSchema });
