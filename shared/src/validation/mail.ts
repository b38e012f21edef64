import { z } from 'zod';
import { rule } from './issues';

/** A network's settings for email and account safety (network admins). */
export const networkMailSettingsSchema = z.object({
  reportDueDay: z
    .number()
    .int()
    .min(1, rule('out_of_range', { min: 1, max: 28 }))
    .max(28, rule('out_of_range', { min: 1, max: 28 })),
  reportReminderDays: z
    .number()
    .int()
    .min(0, rule('out_of_range', { min: 0, max: 27 }))
    .max(27, rule('out_of_range', { min: 0, max: 27 })),
  requireTwoFactorForLeads: z.boolean(),
});
export type NetworkMailSettingsData = z.infer<typeof networkMailSettingsSchema>;
