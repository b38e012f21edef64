import { z } from 'zod';
import { safeString } from './common';
import { GROUP_VISIBILITIES } from '../policy/groups';

export const GROUP_LIMITS = { nameMin: 3, nameMax: 80, purposeMax: 2000 } as const;

export const GROUP_ROLES = ['OWNER', 'MEMBER'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

/** A working group as its owner describes it: a name, what it is for, and who may join. */
export const groupInputSchema = z.object({
  name: safeString()
    .trim()
    .min(GROUP_LIMITS.nameMin, { message: `must be at least ${GROUP_LIMITS.nameMin} characters` })
    .max(GROUP_LIMITS.nameMax, { message: `must be at most ${GROUP_LIMITS.nameMax} characters` }),
  purpose: safeString().trim().max(GROUP_LIMITS.purposeMax, { message: `must be at most ${GROUP_LIMITS.purposeMax} characters` }),
  visibility: z.enum(GROUP_VISIBILITIES, { message: `must be one of ${GROUP_VISIBILITIES.join(', ')}` }),
});
export type GroupInputData = z.infer<typeof groupInputSchema>;

/** A member's role in a group, as an owner sets it. */
export const groupRoleSchema = z.enum(GROUP_ROLES, { message: `must be one of ${GROUP_ROLES.join(', ')}` });
