import { describe, expect, it } from 'vitest';
import { networkMailSettingsSchema } from './mail';
import { notificationPreferenceSchema, resolveEmailFrequency } from './notifications';

describe('email frequency of a notification preference', () => {
  it('takes the frequency when given, whatever `email` says', () => {
    expect(resolveEmailFrequency({ email: false, emailFrequency: 'DAILY' }, 'OFF')).toBe('DAILY');
    expect(resolveEmailFrequency({ email: true, emailFrequency: 'OFF' }, 'WEEKLY')).toBe('OFF');
  });

  it('from `email` alone: off is OFF, on keeps the frequency chosen before (IMMEDIATE when it was off)', () => {
    expect(resolveEmailFrequency({ email: false }, 'WEEKLY')).toBe('OFF');
    expect(resolveEmailFrequency({ email: true }, 'WEEKLY')).toBe('WEEKLY');
    expect(resolveEmailFrequency({ email: true, emailFrequency: null }, 'OFF')).toBe('IMMEDIATE');
  });

  it('refuses an unknown frequency, naming the field', () => {
    const result = notificationPreferenceSchema.safeParse({
      kind: 'MENTION',
      inApp: true,
      email: true,
      emailFrequency: 'HOURLY',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(['emailFrequency']);
  });
});

describe('network mail settings', () => {
  it('keeps the due day within 1-28 and the reminder lead within 0-27', () => {
    expect(
      networkMailSettingsSchema.safeParse({ reportDueDay: 28, reportReminderDays: 0, requireTwoFactorForLeads: false })
        .success,
    ).toBe(true);
    expect(
      networkMailSettingsSchema.safeParse({ reportDueDay: 29, reportReminderDays: 0, requireTwoFactorForLeads: false })
        .success,
    ).toBe(false);
    expect(
      networkMailSettingsSchema.safeParse({ reportDueDay: 10, reportReminderDays: 28, requireTwoFactorForLeads: false })
        .success,
    ).toBe(false);
    expect(
      networkMailSettingsSchema.safeParse({ reportDueDay: 1.5, reportReminderDays: 2, requireTwoFactorForLeads: false })
        .success,
    ).toBe(false);
  });
});
