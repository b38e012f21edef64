import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoEmail, expectNoA11yViolations, launchBrowser, NETWORK_SLUG, newPage, signIn } from './support/browser';

describe('a network admin inviting a clinician', () => {
  let browser: Browser;
  let admin: { context: BrowserContext; page: Page };

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await newPage(browser);
  });

  afterAll(async () => {
    await admin?.context.close();
    await browser?.close();
  });

  test('invites a clinician to a site; the clinician registers from the link and lands in the network', async () => {
    const { page } = admin;
    await signIn(page, demoEmail('admin'));
    await page.getByRole('heading', { name: 'Pending invitations' }).waitFor();

    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Invitations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Invitations' }).waitFor();
    await page.getByRole('heading', { name: 'Sent invitations' }).waitFor();
    await expectNoA11yViolations(page, 'invitations');

    // A person who is already a member: the error is shown next to the email field.
    await page.getByLabel('Their email address').fill(demoEmail('patient'));
    await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Patient partner' });
    await page.getByRole('button', { name: 'Create invitation' }).click();
    const emailField = page.getByLabel('Their email address');
    await expect.poll(() => emailField.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await emailField.getAttribute('aria-describedby'))!;
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toBe(
      'This person is already a member of the network.',
    );

    const email = `new.clinician.${Date.now()}@example.org`;
    await emailField.fill(email);
    await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Clinician' });
    await page.getByLabel('Site', { exact: true }).selectOption({ label: 'Lakeview University Hospital' });
    await page.getByRole('button', { name: 'Create invitation' }).click();
    await page.getByRole('heading', { name: `Invitation created for ${email}` }).waitFor();
    const link = await page.getByLabel('Invitation link').inputValue();
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/invite\/[\w-]{20,}$/);
    await page.locator('.invitation', { hasText: email }).getByText('Waiting').waitFor();

    const invitee = await newPage(browser);
    try {
      await invitee.page.goto(link);
      await invitee.page
        .getByRole('heading', { level: 1, name: 'You are invited to NorthStar Paediatric IBD Network' })
        .waitFor();
      expect(await invitee.page.getByLabel('Email address').inputValue()).toBe(email);
      await expectNoA11yViolations(invitee.page, 'invitation');

      await invitee.page.getByLabel('Your name').fill('Dr. Nova Lindgren');
      await invitee.page.getByLabel('Choose a password').fill('a calm and long password');
      await invitee.page.getByRole('button', { name: /^Create account and join/ }).click();
      await invitee.page.waitForURL(`**/n/${NETWORK_SLUG}`);
      await invitee.page.getByRole('heading', { level: 1, name: 'Welcome, Dr. Nova Lindgren' }).waitFor();
      await invitee.page.getByText('You take part as clinician at Lakeview University Hospital.').waitFor();
    } finally {
      await invitee.context.close();
    }

    await page.reload();
    await page.locator('.invitation', { hasText: email }).getByText('Accepted').waitFor();
  });
});
