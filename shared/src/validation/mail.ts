import { z } from 'zod';

/** A network's settings for email and account safety (network admins). */
export const networkMailSettingsSchema = z.object({
  reportDueDay: z.number({ message: 'must be a number' }).int({ message: 'must be a whole number' }).min(1, { message: 'must be from 1 to 28' }).max(28, { message: 'must be from 1 to 28' }),
  reportReminderDays: z.number({ message: 'must be a number' }).int({ message: 'must be a whole number' }).min(0, { message: 'must be from 0 to 27' }).max(27, { message: 'must be from 0 to 27' }),
  requireTwoFactorForLeads: z.boolean({ message: 'must be true or false' }),
});
export type NetworkMailSettingsData = z.infer<typeof networkMailSettingsSchema>;
