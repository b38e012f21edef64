import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectNoA11yViolations, launchBrowser } from './support/browser';
import { type OwnServer, startOwnServer } from './support/own-server';

const SETUP_SCREENSHOT = '/tmp/e2e-first-run-setup.png';
const SETUP_LINK = /(http:\/\/\S+\/setup\?token=[\w-]+)/;

/** The one-time setup link the server printed in its log. */
function printedLink(server: OwnServer): string {
  const [link] = server.output().match(SETUP_LINK) ?? [];
  if (!link) throw new Error(`no setup link in the server's output:\n${server.output()}`);
  return link;
}

describe('the first run of a fresh server (its own, on an empty database, SEED_DEMO=false)', () => {
  let server: OwnServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startOwnServer({ SEED_DEMO: 'false', LOG_LEVEL: 'warn' });
    browser = await launchBrowser();
    context = await browser.newContext({
      baseURL: server.url,
      locale: 'en-GB',
      viewport: { width: 1280, height: 900 },
    });
    page = await context.newPage();
    page.on('pageerror', (error) => console.error(`[browser] ${error.message}`));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  test('offers to set up a network instead of signing in, and asks for the code from the log', async () => {
    // Sent on by the app to sign in (a page of its own), and from there to setup: no page waits to finish loading.
    await page.goto('/', { waitUntil: 'commit' });
    await page.waitForURL('**/setup');
    await page.getByRole('heading', { level: 1, name: 'Set up your network' }).waitFor();
    await page.getByLabel('Setup code').waitFor();
    await expectNoA11yViolations(page, 'setup without a code');
  });

  test('the one-time link from the log sets up the network and signs its first admin in', async () => {
    const link = printedLink(server);
    // Without PUBLIC_URL the server names itself localhost on its port.
    expect(link, server.output()).toMatch(
      new RegExp(`^http://localhost:${new URL(server.url).port}/setup\\?token=[\\w-]{40,}$`),
    );

    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Set up your network' }).waitFor();
    expect(await page.getByLabel('Setup code').count()).toBe(0);

    // A first try with a site named twice and a short password: the problems are shown where they are.
    await page.getByLabel('Name of the network').fill('Northern Lights IBD Network');
    expect(await page.getByLabel('Web address').inputValue()).toBe('northern-lights-ibd-network');
    await page.getByLabel('Site 1', { exact: true }).fill("Riverside Children's Hospital");
    await page.getByRole('button', { name: 'Add a site' }).click();
    await page.getByLabel('Site 2', { exact: true }).fill('riverside childrens hospital');
    await page.getByLabel('Your name').fill('Maya Lindqvist');
    await page.getByLabel('Email address').fill('maya@example.org');
    await page.getByLabel('Choose a password').fill('short');
    await page.getByRole('button', { name: 'Create the network' }).click();
    const secondSite = page.getByLabel('Site 2', { exact: true });
    await expect.poll(() => secondSite.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('This site is listed twice.').waitFor();
    await page.getByText('Use at least 10 characters.').waitFor();
    await expectNoA11yViolations(page, 'setup with problems');
    await page.screenshot({ path: SETUP_SCREENSHOT, fullPage: true });

    await secondSite.fill('Lakeview University Hospital');
    await page.getByRole('button', { name: 'Add a site' }).click();
    await page.getByLabel('Site 3', { exact: true }).fill("Harbour City Children's");
    await page.getByLabel('Web address').fill('northern-lights');
    await page.getByLabel('Choose a password').fill('a calm and long password');
    await expectNoA11yViolations(page, 'setup filled in');
    await page.getByRole('button', { name: 'Create the network' }).click();

    await page.waitForURL('**/n/northern-lights');
    await page.getByRole('heading', { level: 1, name: 'Welcome, Maya Lindqvist' }).waitFor();
    await expectNoA11yViolations(page, "the new network's home");

    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Sites' }).click();
    for (const site of ["Riverside Children's Hospital", 'Lakeview University Hospital', "Harbour City Children's"]) {
      await page.getByText(site, { exact: true }).first().waitFor();
    }
  });

  test('the link works once: afterwards the page says the Commons is set up', async () => {
    const link = printedLink(server);
    const visitor = await browser.newContext({ baseURL: server.url, locale: 'en-GB' });
    try {
      const other = await visitor.newPage();
      await other.goto(link);
      await other.getByRole('heading', { level: 1, name: 'This Commons is set up' }).waitFor();
      await other.getByRole('link', { name: 'Sign in' }).click();
      await other.waitForURL('**/sign-in');
      await other.getByRole('heading', { level: 1, name: 'Sign in to Commons' }).waitFor();
    } finally {
      await visitor.close();
    }
  });
});
