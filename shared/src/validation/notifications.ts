import { z } from 'zod';

/** What a notification is about. */
export const NOTIFICATION_KINDS = [
  'MENTION',
  'REPLY',
  'IDEA_DECISION',
  'PDSA_AT_SITE',
  'GROUP_INVITE',
  'CO_DESIGN_INVITE',
  // To a site's lead (or the admins, when it has none): a member asks to join the site.
  'SITE_REQUEST',
  // To the member who asked: her request was confirmed, or declined (with the reason, if given).
  'SITE_REQUEST_CONFIRMED',
  'SITE_REQUEST_DECLINED',
  // To each member named in a decision on a change idea: it waits for her to confirm or decline.
  // Its payload holds what an email needs (the idea, the move, what and why, who recorded it, until when).
  'DECISION_AWAITING_CONFIRMATION',
  // To the others named in a decision: one of them declined it (with the reason, if given), so it ended.
  'DECISION_DECLINED',
  // To the people taking part in a change idea: a proposal in its thread waits for their position.
  'PROPOSAL_OPENED',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What a notification points at. */
export const NOTIFICATION_SUBJECT_TYPES = ['CHANGE_IDEA', 'PDSA_CYCLE', 'MESSAGE', 'GROUP', 'SITE_REQUEST'] as const;
export type NotificationSubjectType = (typeof NOTIFICATION_SUBJECT_TYPES)[number];

/** How a kind of notification is emailed: right away, in a daily or weekly digest, or not. */
export const EMAIL_FREQUENCIES = ['OFF', 'IMMEDIATE', 'DAILY', 'WEEKLY'] as const;
export type EmailFrequency = (typeof EMAIL_FREQUENCIES)[number];

/** A member's choice for one kind: in the app (the list and its badge) and by email. */
export const notificationPreferenceSchema = z.object({
  kind: z.enum(NOTIFICATION_KINDS),
  inApp: z.boolean(),
  email: z.boolean(),
  emailFrequency: z.enum(EMAIL_FREQUENCIES).nullish(),
});
export type NotificationPreferenceData = z.infer<typeof notificationPreferenceSchema>;

/** Without a stored choice: in the app, not by email. */
export const DEFAULT_NOTIFICATION_PREFERENCE = { inApp: true, email: false, emailFrequency: 'OFF' } as const;

/**
 * The frequency a change asks for: `emailFrequency` when given; else `email` off is OFF, and on
 * keeps the current frequency (IMMEDIATE when it was off).
 */
export function resolveEmailFrequency(
  change: { email: boolean; emailFrequency?: EmailFrequency | null },
  current: EmailFrequency,
): EmailFrequency {
  if (change.emailFrequency) return change.emailFrequency;
  if (!change.email) return 'OFF';
  return current === 'OFF' ? 'IMMEDIATE' : current;
}
