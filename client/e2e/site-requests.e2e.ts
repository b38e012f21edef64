import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoEmail, expectNoA11yViolations, launchBrowser, NETWORK_SLUG, newPage, signIn } from './support/browser';

const RIVERSIDE = "Riverside Children's Hospital";
const MEASURE = 'Unplanned IBD admissions';
// The server answers while other suites run on two cores: give it time.
const POLL = { timeout: 15_000 };

/** Opens the measure's chart on Riverside and returns its data table's numerator and denominator cells. */
async function riversideCounts(page: Page): Promise<string[]> {
  await page.goto(`/n/${NETWORK_SLUG}/measures`);
  await page.getByRole('link', { name: `See the charts: ${MEASURE}` }).click();
  await page.getByRole('heading', { level: 1, name: MEASURE }).waitFor();
  await page.locator('#main-chart .chart-surface').waitFor();
  const show = page.getByLabel('Show', { exact: true });
  const own = await show.locator('option', { hasText: `${RIVERSIDE} (your site)` }).count();
  if (own === 0) await show.selectOption({ label: RIVERSIDE });
  await expect.poll(() => page.locator('#main-chart h2').textContent(), POLL).toBe(RIVERSIDE);
  await page.getByRole('button', { name: 'Show the numbers as a table' }).click();
  const rows = page.locator('.main-chart table tbody tr');
  await rows.first().waitFor();
  return (
    await rows.evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent ?? '')),
    )
  ).flat();
}

describe('joining a site: a patient partner asks, the site lead confirms', () => {
  let browser: Browser;
  let patient: { context: BrowserContext; page: Page };
  let lead: { context: BrowserContext; page: Page };

  beforeAll(async () => {
    browser = await launchBrowser();
    patient = await newPage(browser);
    lead = await newPage(browser);
    await signIn(patient.page, demoEmail('patient'));
    await signIn(lead.page, demoEmail('sitelead'));
  });

  afterAll(async () => {
    await patient?.context.close();
    await lead?.context.close();
    await browser?.close();
  });

  test("she waits for confirmation with Riverside's small counts hidden; once its lead confirms, she sees them", async () => {
    const { page } = patient;
    // The demo patient belongs to Riverside: she leaves it first (that needs nobody), then asks to join it.
    await page.goto('/profile');
    await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
    await page.getByRole('button', { name: `Leave ${RIVERSIDE}` }).click();
    await page.getByText(`You left ${RIVERSIDE}.`).waitFor();
    await page.getByText('You belong to no site in NorthStar Paediatric IBD Network.').waitFor();

    await page.getByLabel('Ask to join a site in NorthStar Paediatric IBD Network').selectOption({ label: RIVERSIDE });
    await page.getByRole('button', { name: 'Ask to join' }).click();
    await page.getByText(`You asked to join ${RIVERSIDE}. You will be told when it is confirmed.`).waitFor();
    await page.getByText('Waiting for confirmation').waitFor();
    await page.getByText(new RegExp(`You asked to join ${RIVERSIDE} on `)).waitFor();
    expect(await page.getByText('You belong to no site in NorthStar Paediatric IBD Network.').count()).toBe(1);
    await expectNoA11yViolations(page, 'profile, request waiting');

    // Waiting opens nothing: Riverside's small counts stay hidden from her, as from anyone outside it.
    const waiting = await riversideCounts(page);
    expect(waiting).toContain('<11');

    // The lead sees the request on her home page, reviews it and confirms.
    await lead.page.goto(`/n/${NETWORK_SLUG}`);
    const card = lead.page.getByRole('region', { name: 'Requests to join a site' });
    await card.getByText(`Elin Sandberg asks to join ${RIVERSIDE}`).waitFor(POLL);
    await expectNoA11yViolations(lead.page, 'home with a request');
    await card.getByRole('link', { name: 'Review the requests' }).click();
    await lead.page.getByRole('heading', { level: 1, name: 'Invitations' }).waitFor();
    const list = lead.page.getByRole('region', { name: 'Requests to join a site' });
    await list.getByRole('link', { name: 'Elin Sandberg' }).waitFor();
    await expectNoA11yViolations(lead.page, 'requests to join a site');
    await list.getByRole('button', { name: `Confirm Elin Sandberg's request to join ${RIVERSIDE}` }).click();
    await list.getByText(`Elin Sandberg now belongs to ${RIVERSIDE}.`).waitFor();
    await list.getByText('No requests are waiting.').waitFor();

    // Her own site now: the chart opens on it, with its small counts shown.
    await page.goto('/profile');
    await page.getByText(`Your site in NorthStar Paediatric IBD Network: ${RIVERSIDE}.`).waitFor(POLL);
    expect(await page.getByText('Waiting for confirmation').count()).toBe(0);
    const confirmed = await riversideCounts(page);
    expect(
      await page
        .getByLabel('Show', { exact: true })
        .locator('option', { hasText: `${RIVERSIDE} (your site)` })
        .count(),
    ).toBe(1);
    expect(confirmed).not.toContain('<11');
    expect(confirmed.some((cell) => /^([1-9]|10)$/.test(cell))).toBe(true);
  });
});
