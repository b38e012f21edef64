import { describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/config/config';

describe('email configuration', () => {
  it('takes an smtp:// or smtps:// URL, and refuses anything else naming SMTP_URL', () => {
    expect(loadConfig({ SMTP_URL: 'smtps://user:secret@smtp.example.org:465' }).smtpUrl).toBe(
      'smtps://user:secret@smtp.example.org:465',
    );
    expect(loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525?pool=true' }).smtpUrl).toBe('smtp://127.0.0.1:2525?pool=true');
    expect(loadConfig({ SMTP_URL: '' }).smtpUrl).toBeNull();
    expect(() => loadConfig({ SMTP_URL: 'http://smtp.example.org' })).toThrow(
      /SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/,
    );
    expect(() => loadConfig({ SMTP_URL: 'smtp.example.org' })).toThrow(/SMTP_URL/);
  });

  it('takes MAIL_FROM as an address, with or without a name', () => {
    expect(loadConfig({ MAIL_FROM: 'Northern Lights <noreply@example.org>' }).mailFrom).toBe(
      'Northern Lights <noreply@example.org>',
    );
    expect(loadConfig({ MAIL_FROM: 'noreply@example.org' }).mailFrom).toBe('noreply@example.org');
    expect(() => loadConfig({ MAIL_FROM: 'Commons' })).toThrow(/MAIL_FROM: must be an address/);
  });

  it('bounds the mail knobs', () => {
    expect(loadConfig({}).mailWorkers).toBe(true);
    expect(loadConfig({ MAIL_WORKERS: 'false' }).mailWorkers).toBe(false);
    expect(() => loadConfig({ MAIL_CONCURRENCY: '0' })).toThrow(/MAIL_CONCURRENCY/);
    expect(() => loadConfig({ MAIL_POLL_SECONDS: '0.1' })).toThrow(/MAIL_POLL_SECONDS/);
    expect(loadConfig({ NOTIFICATION_EMAIL_DELAY_MINUTES: '0.5' }).notificationEmailDelayMs).toBe(30_000);
  });
});
