import { z } from 'zod';

/** What a notification is about. */
export const NOTIFICATION_KINDS = ['MENTION', 'REPLY', 'IDEA_DECISION', 'PDSA_AT_SITE', 'GROUP_INVITE', 'CO_DESIGN_INVITE'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What a notification points at. */
export const NOTIFICATION_SUBJECT_TYPES = ['CHANGE_IDEA', 'PDSA_CYCLE', 'MESSAGE', 'GROUP'] as const;
export type NotificationSubjectType = (typeof NOTIFICATION_SUBJECT_TYPES)[number];

/** A member's choice for one kind: in the app (the list and its badge) and by email. */
export const notificationPreferenceSchema = z.object({
  kind: z.enum(NOTIFICATION_KINDS, { message: `must be one of ${NOTIFICATION_KINDS.join(', ')}` }),
  inApp: z.boolean({ message: 'must be true or false' }),
  email: z.boolean({ message: 'must be true or false' }),
});
export type NotificationPreferenceData = z.infer<typeof notificationPreferenceSchema>;

/** Without a stored choice: in the app, not by email. */
export const DEFAULT_NOTIFICATION_PREFERENCE = { inApp: true, email: false } as const;
