import { z } from 'zod';
import { safeString } from './common';
import { GROUP_VISIBILITIES } from '../policy/groups';

export const GROUP_LIMITS = { nameMin: 3, nameMax: 80, purposeMax: 2000 } as const;

export const GROUP_ROLES = ['OWNER', 'MEMBER'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

/** A working group as its owner describes it: a name, what it is for, and who may join. */
export const groupInputSchema = z.object({
  name: safeString().trim().min(GROUP_LIMITS.nameMin).max(GROUP_LIMITS.nameMax),
  purpose: safeString().trim().max(GROUP_LIMITS.purposeMax),
  visibility: z.enum(GROUP_VISIBILITIES),
});
export type GroupInputData = z.infer<typeof groupInputSchema>;

/** A member's role in a group, as an owner sets it. */
export const groupRoleSchema = z.enum(GROUP_ROLES);
