import { z } from 'zod';
import { emailSchema, safeString } from './common';
import { rule } from './issues';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

export const passwordSchema = safeString().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH);

/** Longest member name, in characters. */
export const NAME_MAX = 100;

export const nameSchema = safeString().trim().min(1).max(NAME_MAX);

export const signInSchema = z.object({
  email: emailSchema,
  password: safeString().min(1).max(MAX_PASSWORD_LENGTH),
});

export const registerSchema = z.object({
  token: safeString()
    .trim()
    .refine((token) => token.length >= 20 && token.length <= 200, rule('invitation_invalid')),
  email: emailSchema,
  name: nameSchema,
  password: passwordSchema,
});

export type SignInInput = z.infer<typeof signInSchema>;
export type RegisterInput = z.infer<typeof registerSchema>;

const tokenSchema = safeString().trim().min(20, rule('link_invalid')).max(200, rule('link_invalid'));
const currentPasswordSchema = safeString().min(1, rule('required')).max(MAX_PASSWORD_LENGTH);
/** A six-digit code from an authenticator app, or a recovery code (xxxxx-xxxxx). */
export const twoFactorCodeSchema = safeString()
  .trim()
  .transform((value) => value.replace(/\s+/g, '').toLowerCase())
  .refine((value) => /^\d{6}$/.test(value) || /^[a-z0-9]{5}-?[a-z0-9]{5}$/.test(value), rule('two_factor_code'));

export const changePasswordSchema = z.object({ currentPassword: currentPasswordSchema, newPassword: passwordSchema });
export const requestPasswordResetSchema = z.object({ email: emailSchema });
export const resetPasswordSchema = z.object({ token: tokenSchema, newPassword: passwordSchema });
export const requestEmailChangeSchema = z.object({ newEmail: emailSchema, currentPassword: currentPasswordSchema });
export const confirmEmailChangeSchema = z.object({ token: tokenSchema });
export const enableTwoFactorSchema = z.object({
  code: safeString()
    .trim()
    .regex(/^\d{6}$/, rule('two_factor_code')),
});
export const disableTwoFactorSchema = z.object({ currentPassword: currentPasswordSchema, code: twoFactorCodeSchema });
export const twoFactorSignInSchema = z.object({ challenge: tokenSchema, code: twoFactorCodeSchema });
