import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const DEMO_PASSWORD = 'demo-password';
export const demoEmail = (who: 'admin' | 'sitelead' | 'clinician' | 'researcher' | 'patient' | 'family') =>
  `${who}@demo.commons.test`;
export const NETWORK_SLUG = 'northstar-ibd';

/** The base URL of the server the global setup started. */
export const baseUrl = (): string => inject('baseUrl');

/** Headless Chromium as installed on the machine (Debian's package). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh browser profile (no cookies), in English unless told otherwise. */
export async function newPage(
  browser: Browser,
  options: { locale?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    locale: options.locale ?? 'en-GB',
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[browser] ${error.message}`));
  return { context, page };
}

/** Signs in through the form and waits for the network's home page. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`**/n/${NETWORK_SLUG}`);
  await page.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor();
}

/**
 * Runs axe with every rule it has (no tag filter) and fails on any violation, whatever its impact,
 * printing each: the one standard every page scan in the e2e tests uses.
 */
export async function expectNoA11yViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  for (const violation of results.violations) {
    console.log(
      `[axe ${label}] ${violation.impact} ${violation.id}: ${violation.help}\n` +
        violation.nodes
          .map((node) => `    ${node.target.join(' ')}: ${node.failureSummary?.split('\n').join(' ')}`)
          .join('\n'),
    );
  }
  expect(
    results.violations.map((v) => `${v.id} (${v.impact})`),
    `${label}: accessibility violations`,
  ).toEqual([]);
}
