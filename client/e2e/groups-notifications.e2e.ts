import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoEmail, expectNoA11yViolations, launchBrowser, NETWORK_SLUG, newPage, signIn } from './support/browser';

// Two cores shared with other suites: give the server time.
const POLL = { timeout: 15_000 };
const GROUP = `Moving to adult care: teens and parents ${Date.now().toString(36)}`;
const PURPOSE = 'Teenagers and parents plan together what helps when care moves to the adult clinic.';
const PATIENT_NAME = 'Elin Sandberg';
const FAMILY_NAME = "Grace O'Connell";
const RESOURCE = 'Sport and exercise with IBD';

const GROUP_SCREENSHOT = '/tmp/e2e-group.png';
const NOTIFICATIONS_SCREENSHOT = '/tmp/e2e-notifications.png';
const HOME_SCREENSHOT = '/tmp/e2e-home-family.png';

const main = (page: Page) => page.getByRole('main');
const bell = (page: Page) => page.getByRole('banner').getByRole('link', { name: /^Notifications/ });

/** The bell's unread count, read from its accessible name ("Notifications, 3 unread"). */
async function unreadCount(page: Page): Promise<number> {
  const label = await bell(page).evaluate((link) => link.querySelector('.visually-hidden')?.textContent ?? '');
  return Number(/(\d+) unread/.exec(label)?.[1] ?? 0);
}

describe('working groups and live notifications, a patient partner and a family member', () => {
  let browser: Browser;
  let patient: { context: BrowserContext; page: Page };
  let family: { context: BrowserContext; page: Page };
  let groupUrl = '';
  let unreadBefore = 0;

  beforeAll(async () => {
    browser = await launchBrowser();
    patient = await newPage(browser);
    family = await newPage(browser);
    patient.page.setDefaultTimeout(15_000);
    family.page.setDefaultTimeout(15_000);
    await signIn(patient.page, demoEmail('patient'));
    await signIn(family.page, demoEmail('family'));
  });

  afterAll(async () => {
    await patient?.context.close();
    await family?.context.close();
    await browser?.close();
  });

  test('the patient starts an invite-only group, after a clear error for a missing name', async () => {
    const { page } = patient;
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Groups' }).click();
    await page.waitForURL(`**/n/${NETWORK_SLUG}/groups`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Working groups');
    // The seeded groups she may see are listed; the parents' circle is invite-only and not hers.
    await main(page).getByRole('link', { name: 'School and IBD' }).waitFor();
    expect(await main(page).getByRole('link', { name: "Parent partners' circle" }).count()).toBe(0);
    await expectNoA11yViolations(page, 'groups list');

    await main(page).getByRole('link', { name: 'Start a group' }).click();
    await page.waitForURL('**/groups/new');
    await main(page).getByRole('button', { name: 'Start the group' }).click();
    const name = main(page).getByLabel('Name', { exact: true });
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    expect(await main(page).getByText('Use at least 3 characters.').count()).toBe(1);

    await name.fill(GROUP);
    await main(page).getByLabel('What is the group for?').fill(PURPOSE);
    await main(page).getByLabel('Invite-only').check();
    await main(page).getByRole('button', { name: 'Start the group' }).click();
    await page.waitForURL(/\/groups\/(?!new$)[^/]+$/);
    groupUrl = new URL(page.url()).pathname;
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(GROUP);
    await expect.poll(() => main(page).getByRole('status').first().textContent()).toContain('Your group is started');
    expect(await main(page).getByText('You are an owner of this group.').count()).toBe(1);
    expect(await main(page).locator('.group-badges').first().textContent()).toContain('Invite-only');
    expect(await main(page).getByText(PURPOSE).count()).toBe(1);
  });

  test('the family member sees her bell rise live, without reloading, when the patient invites her', async () => {
    const { page } = family;
    await bell(page).waitFor();
    await page.getByRole('heading', { name: 'Ideas you are part of' }).waitFor();
    await page.screenshot({ path: HOME_SCREENSHOT, fullPage: true });
    // The seed leaves her a group invitation or two unread.
    await expect.poll(() => unreadCount(page), POLL).toBeGreaterThan(0);
    unreadBefore = await unreadCount(page);
    const homeUrl = page.url();
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations.push(frame.url());
    });

    const invite = main(patient.page).getByRole('region', { name: 'Invite a member' });
    await invite.getByLabel('Find a member by name').fill('Grace');
    await invite.getByRole('button', { name: `Invite ${FAMILY_NAME}` }).click();
    await expect.poll(() => main(patient.page).getByText(`${FAMILY_NAME} is invited`).count(), POLL).toBe(1);
    await expect.poll(() => main(patient.page).getByRole('heading', { name: 'Invited (1)' }).count(), POLL).toBe(1);

    await expect.poll(() => unreadCount(page), POLL).toBe(unreadBefore + 1);
    expect(await bell(page).locator('.bell__badge').textContent()).toBe(String(unreadBefore + 1));
    // Announced once, politely, to screen readers.
    await expect
      .poll(() => page.getByRole('banner').getByRole('status').textContent(), POLL)
      .toBe(`New notification. You have ${unreadBefore + 1} unread.`);
    expect(page.url()).toBe(homeUrl);
    expect(navigations).toEqual([]);
  });

  test('she opens the notification, accepts the invitation and sees the group', async () => {
    const { page } = family;
    await bell(page).click();
    await page.waitForURL(`**/n/${NETWORK_SLUG}/notifications`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Notifications');
    const newest = main(page).locator('.notification').first();
    await expect
      .poll(() => newest.textContent(), POLL)
      .toContain(`${PATIENT_NAME} invited you to join the group “${GROUP}”.`);
    expect(await newest.getAttribute('class')).toContain('notification--unread');
    await main(page).getByRole('heading', { name: 'What you are told about' }).waitFor();
    await page.screenshot({ path: NOTIFICATIONS_SCREENSHOT, fullPage: true });
    await expectNoA11yViolations(page, 'notifications');

    await newest.getByRole('link').click();
    await page.waitForURL(`**${groupUrl}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(GROUP);
    // Opening it read it: the bell goes back down, live.
    await expect.poll(() => unreadCount(page), POLL).toBe(unreadBefore);
    expect(
      await main(page).getByText(`${PATIENT_NAME} invited you to this group. Would you like to join?`).count(),
    ).toBe(1);

    await main(page).getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => main(page).getByText('You are a member of this group.').count(), POLL).toBe(1);
    const members = main(page).getByRole('region', { name: /^Members/ });
    await expect.poll(() => members.getByRole('heading', { level: 2 }).textContent(), POLL).toBe('Members (2)');
    expect(await members.getByRole('link', { name: FAMILY_NAME }).count()).toBe(1);
    expect(await members.getByRole('link', { name: PATIENT_NAME }).count()).toBe(1);
    await expectNoA11yViolations(page, 'group page (member)');

    // The group is hers now: listed under "Your groups".
    await main(page).getByRole('link', { name: 'All groups' }).first().click();
    await page.waitForURL(`**/n/${NETWORK_SLUG}/groups`);
    await main(page)
      .getByRole('navigation', { name: 'Which groups' })
      .getByRole('link', { name: 'Your groups' })
      .click();
    await page.waitForURL('**/groups?show=mine');
    await main(page).getByRole('link', { name: GROUP }).waitFor();
  });

  test('the patient puts a commons resource on the shelf, linking to its page', async () => {
    const { page } = patient;
    const shelf = main(page).getByRole('region', { name: 'Shelf' });
    expect(await shelf.getByText('Nothing on the shelf yet.').count()).toBe(1);
    await shelf.getByLabel('Find a resource').fill('Sport and exercise');
    await shelf.getByRole('button', { name: new RegExp(`^Add to the shelf\\W+${RESOURCE}$`) }).click();
    await expect
      .poll(() => shelf.getByRole('status').first().textContent(), POLL)
      .toBe(`“${RESOURCE}” is on the shelf.`);
    const link = shelf.getByRole('link', { name: RESOURCE });
    await link.waitFor();
    expect(await link.getAttribute('href')).toMatch(new RegExp(`^/n/${NETWORK_SLUG}/commons/[^/]+$`));
    expect(await shelf.getByText(`Added by ${PATIENT_NAME}`).count()).toBe(1);
    await page.screenshot({ path: GROUP_SCREENSHOT, fullPage: true });
    await expectNoA11yViolations(page, 'group page (owner)');

    await link.click();
    await page.waitForURL(`**/n/${NETWORK_SLUG}/commons/**`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(RESOURCE);
  });
});
