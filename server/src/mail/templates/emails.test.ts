import { describe, expect, it } from 'vitest';
import { digestEmail, emailLocale, notificationEmail } from './emails';

describe('email templates', () => {
  const facts = {
    networkName: 'North <Star>',
    kind: 'MENTION' as const,
    actorName: 'Lena "Lead"',
    title: '<script>alert(1)</script> idea',
    detail: 'What & why?',
    link: 'https://commons.example.org/n/north/ideas/1#message-2',
    settingsUrl: 'https://commons.example.org/account',
    unsubscribeUrl: 'https://commons.example.org/unsubscribe/abc',
  };

  it('escapes what members wrote in the HTML part, and keeps it as written in the text part', () => {
    const email = notificationEmail('en', facts);
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; idea');
    expect(email.html).toContain('Lena &quot;Lead&quot;');
    expect(email.text).toContain('Lena "Lead" mentioned you in <script>alert(1)</script> idea');
    expect(email.text).toContain('> What & why?');
    expect(email.subject).toBe('[North <Star>] Lena "Lead" mentioned you in <script>alert(1)</script> idea');
  });

  it('gives both parts the same links, the unsubscribe link included, with the page language', () => {
    const email = notificationEmail('sv', facts);
    expect(email.html).toContain('<html lang="sv">');
    for (const url of [facts.link, facts.unsubscribeUrl]) {
      expect(email.text).toContain(url);
      expect(email.html).toContain(`href="${url}"`);
    }
    expect(email.text).toContain('Avsluta prenumerationen');
  });

  it("puts each digest section under its heading, with its page's link", () => {
    const email = digestEmail('en', {
      frequency: 'WEEKLY',
      networkName: 'North',
      count: 1,
      sections: [
        {
          heading: 'Change idea: Lab calendar',
          url: 'https://x.test/n/north/ideas/1',
          items: [{ text: 'A decision was taken', url: 'https://x.test/n/north/ideas/1' }],
        },
      ],
      notificationsUrl: 'https://x.test/n/north/notifications',
      settingsUrl: 'https://x.test/account',
      unsubscribeUrl: 'https://x.test/unsubscribe/t',
    });
    expect(email.subject).toBe('[North] Your weekly digest: 1 new update');
    expect(email.html).toContain(
      '<h2 style="font-size:18px;margin:24px 0 8px"><a href="https://x.test/n/north/ideas/1">Change idea: Lab calendar</a></h2>',
    );
    expect(email.text).toContain(
      'Change idea: Lab calendar (https://x.test/n/north/ideas/1)\n  - A decision was taken\n    https://x.test/n/north/ideas/1',
    );
  });

  it('writes to a member in her language, English when she chose none', () => {
    expect(emailLocale('sv')).toBe('sv');
    expect(emailLocale(null)).toBe('en');
    expect(emailLocale('fr')).toBe('en');
  });
});
