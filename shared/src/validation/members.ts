import { z } from 'zod';
import { ROLES } from '../roles';
import { emailSchema, idSchema, SUPPORTED_LOCALES, safeString } from './common';
import { nameSchema } from './auth';
import { MAX_SITE_REQUEST_REASON } from './text';

export const MAX_INTERESTS = 20;

/** Longest profile texts, in characters (a name's limit is NAME_MAX, shared with registration). */
export const PROFILE_LIMITS = { pronounsMax: 40, bioMax: 2000 } as const;

/** Interests are short lowercase tags, so "Nutrition" and "nutrition " are one interest. */
export const interestSchema = safeString().trim().toLowerCase().min(2).max(40);

export const profileSchema = z.object({
  name: nameSchema,
  pronouns: safeString().trim().max(PROFILE_LIMITS.pronounsMax).nullable(),
  bio: safeString().trim().max(PROFILE_LIMITS.bioMax),
  interests: z
    .array(interestSchema)
    .max(MAX_INTERESTS)
    .transform((list) => [...new Set(list)]),
  locale: z.enum(SUPPORTED_LOCALES).nullable(),
});

export const invitationSchema = z.object({
  email: emailSchema,
  role: z.enum(ROLES),
  siteId: idSchema.nullable(),
});

export const directoryFilterSchema = z.object({
  role: z.enum(ROLES).nullable().optional(),
  siteId: idSchema.nullable().optional(),
  interest: interestSchema.nullable().optional(),
  search: safeString().trim().max(100).nullable().optional(),
});

/** Declining a request to join a site: the reason is optional, and shown to the member who asked. */
export const siteRequestDeclineSchema = z.object({
  reason: safeString().trim().max(MAX_SITE_REQUEST_REASON),
});

export type ProfileInput = z.infer<typeof profileSchema>;
export type InvitationInput = z.infer<typeof invitationSchema>;
export type DirectoryFilter = z.infer<typeof directoryFilterSchema>;
