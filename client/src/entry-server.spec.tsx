// @vitest-environment node
// As the server draws a page: in Node, without a DOM (server/src/web/page-drawing.ts).
import { describe, expect, it } from 'vitest';
import { cleanHtmlOnServerWith, cleanMarkdownHtml } from './commons/safe-html';
import type { PageToDraw } from '@commons/shared/web/start-data';
import { drawPage } from './entry-server';
import { regionalLocale } from './i18n/format';
import i18n from './i18n/i18n';
import { dateTimeFormat } from './i18n/intl-cache';
import { TEST_NETWORK, testViewer } from './test-support/network-scope';

const viewer = testViewer('SITE_LEAD', { id: 'u1', name: 'Ada Lindqvist', email: 'ada@example.org' });
const ANSWERS = [
  { query: 'Viewer', variables: {}, data: { me: viewer } },
  { query: 'NetworkScope', variables: { slug: 'northstar' }, data: { network: TEST_NETWORK } },
];

const page = (overrides: Partial<PageToDraw>): PageToDraw => ({
  url: '/n/northstar/no-such-page',
  answers: ANSWERS,
  locale: 'en',
  languages: ['en-GB'],
  timeZone: 'Europe/Stockholm',
  cleanHtml: () => '',
  ...overrides,
});

describe('drawing a page on the server (drawPage)', () => {
  it('draws the page at the address with the answers it is given: her banner, her network and the page', async () => {
    const html = await drawPage(page({}));

    expect(html).toContain('NorthStar');
    expect(html).toContain('Ada Lindqvist');
    expect(html).toContain('Page not found');
  });

  it('draws what the answers do not hold as the app does while it waits for it', async () => {
    const html = await drawPage(page({ answers: [] }));

    expect(html).toContain('Checking whether you are signed in…');
    expect(html).not.toContain('NorthStar');
  });

  it('draws in the language the app will start in, and leaves the language and formats of the module as they were', async () => {
    const language = i18n.language;
    const html = await drawPage(page({ locale: 'sv', languages: ['sv-FI', 'en'] }));

    expect(html).toContain('Sidan hittades inte');
    expect(i18n.language).toBe(language);
    expect(regionalLocale('sv')).toBe('sv');
    // Dates without a time zone of their own are in the system's again.
    const systemZone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(dateTimeFormat('en', {}).resolvedOptions().timeZone).toBe(systemZone);
  });

  it('cleans Markdown HTML only with the cleaner the server gives, and lets nothing through without one', () => {
    // No DOM here: DOMPurify cannot clean.
    expect(cleanMarkdownHtml('<p>hello</p><img src=x onerror=alert(1)>')).toBe('');
    cleanHtmlOnServerWith((html) => html.replace(/<img[^>]*>/g, ''));
    try {
      expect(cleanMarkdownHtml('<p>hello</p><img src=x onerror=alert(1)>')).toBe('<p>hello</p>');
    } finally {
      cleanHtmlOnServerWith(null);
    }
    expect(cleanMarkdownHtml('<p>hello</p>')).toBe('');
  });
});
