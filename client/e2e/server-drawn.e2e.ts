import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoEmail, launchBrowser, NETWORK_SLUG, newPage, signIn } from './support/browser';
import { graphql } from './support/page-graphql';

const POLL = { timeout: 10_000 };

/** The addresses of a few of her network's pages, with the words each page's content starts with. */
interface DrawnPages {
  resource: { path: string; title: string; summary: string };
  idea: { path: string; title: string };
  measure: { path: string; name: string };
}

async function pagesOf(page: Page): Promise<DrawnPages> {
  const { network } = await graphql<{ network: { id: string } }>(
    page,
    'query($slug: String!) { network(slug: $slug) { id } }',
    { slug: NETWORK_SLUG },
  );
  const found = await graphql<{
    search: { nodes: { resource: { id: string; title: string; summary: string } | null }[] };
    changeIdeas: { nodes: { id: string; title: string }[] };
    measures: { id: string; name: string }[];
  }>(
    page,
    `
      query ($n: ID!) {
        search(networkId: $n, query: "", first: 5) {
          nodes {
            resource {
              id
              title
              summary
            }
          }
        }
        changeIdeas(networkId: $n, first: 1) {
          nodes {
            id
            title
          }
        }
        measures(networkId: $n) {
          id
          name
        }
      }
    `,
    { n: network.id },
  );
  const resource = found.search.nodes.find((hit) => hit.resource)!.resource!;
  const [idea] = found.changeIdeas.nodes;
  const [measure] = found.measures;
  return {
    resource: { path: `/n/${NETWORK_SLUG}/commons/${resource.id}`, title: resource.title, summary: resource.summary },
    idea: { path: `/n/${NETWORK_SLUG}/ideas/${idea.id}`, title: idea.title },
    measure: { path: `/n/${NETWORK_SLUG}/measures/${measure.id}`, name: measure.name },
  };
}

describe('pages drawn by the server', () => {
  let browser: Browser;
  let member: { context: BrowserContext; page: Page };
  let pages: DrawnPages;

  beforeAll(async () => {
    browser = await launchBrowser();
    member = await newPage(browser);
    // A member no other suite opens many pages as: past ANSWERED_PAGES_PER_MINUTE a page goes undrawn.
    await signIn(member.page, demoEmail('family'));
    pages = await pagesOf(member.page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('she reads her pages before any script has run: her home, a resource, an idea and a chart', async () => {
    const noScripts = await browser.newContext({ javaScriptEnabled: false, locale: 'en-GB' });
    await noScripts.addCookies(await member.context.cookies());
    const page = await noScripts.newPage();
    const base = new URL(member.page.url()).origin;

    await page.goto(`${base}/n/${NETWORK_SLUG}`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/^Welcome, /);
    // Her cards, drawn with their answers, not "Loading…".
    await expect(page.locator('.card-grid .card h2').first().isVisible()).resolves.toBe(true);
    expect(await page.getByText('Loading…').count()).toBe(0);
    expect(await page.locator('#root').getAttribute('data-drawn-by-server')).toBe('');
    // Nothing in it can be used before the app has taken it over.
    expect(await page.locator('#root').getAttribute('inert')).toBe('');

    await page.goto(`${base}${pages.resource.path}`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(pages.resource.title);
    await expect(page.getByText(pages.resource.summary).isVisible()).resolves.toBe(true);
    // Styled as the app styles it: the page's own stylesheet is in before it is shown.
    const actions = page.getByRole('button', { name: /^Helpful/ });
    await expect(actions.evaluate((button) => getComputedStyle(button).borderStyle)).resolves.toBe('solid');

    await page.goto(`${base}${pages.idea.path}`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(pages.idea.title);

    await page.goto(`${base}${pages.measure.path}`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(pages.measure.name);
    await noScripts.close();
  });

  for (const browserSettings of [
    { locale: 'en-GB', timezoneId: 'Europe/London' },
    { locale: 'sv-SE', timezoneId: 'America/New_York' },
  ]) {
    test(`the app takes each page over as the server drew it, in ${browserSettings.locale}, ${browserSettings.timezoneId}`, async () => {
      const context = await browser.newContext({ ...browserSettings, baseURL: new URL(member.page.url()).origin });
      // Her session only: the app keeps her language and time zone in cookies of its own, which the
      // first page it starts in this browser writes.
      const session = (await member.context.cookies()).filter((cookie) => cookie.name === 'commons_session');
      expect(session).toHaveLength(1);
      await context.addCookies(session);
      const page = await context.newPage();
      await page.goto(`/n/${NETWORK_SLUG}`);
      await page.waitForLoadState('networkidle');
      // A page the app draws differently from the server's drawing is a React error (#418, #425…).
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
      });
      const paths = [
        `/n/${NETWORK_SLUG}`,
        `/n/${NETWORK_SLUG}/commons`,
        pages.resource.path,
        pages.idea.path,
        pages.measure.path,
        `/n/${NETWORK_SLUG}/notifications`,
        `/n/${NETWORK_SLUG}/members`,
        '/profile',
      ];
      for (const path of paths) {
        await page.goto(path);
        expect(await page.locator('#root').getAttribute('data-drawn-by-server'), path).toBe('');
        await page.waitForLoadState('networkidle');
        expect(await page.locator('#root').getAttribute('inert'), path).toBeNull();
      }
      expect(errors).toEqual([]);

      // Taken over, the page answers: Helpful on the resource, pressed and counted.
      await page.goto(pages.resource.path);
      await page.waitForLoadState('networkidle');
      const helpful = page.getByRole('button', { name: browserSettings.locale === 'sv-SE' ? /^Hjälpsam/ : /^Helpful/ });
      const pressed = await helpful.getAttribute('aria-pressed');
      await helpful.click();
      await expect.poll(() => helpful.getAttribute('aria-pressed'), POLL).not.toBe(pressed);
      await helpful.click();
      await expect.poll(() => helpful.getAttribute('aria-pressed'), POLL).toBe(pressed);
      await context.close();
    });
  }
});
