import { generateSync } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoEmail, expectNoA11yViolations, launchBrowser, NETWORK_SLUG } from './support/browser';
import { type OwnServer, startOwnServer } from './support/own-server';
import { SmtpInbox } from './support/smtp-inbox';

/**
 * Accounts in Chromium, on a server of its own that sends email to a real SMTP server started
 * here: a forgotten password reset with the link read from the email received, and two-factor
 * sign-in turned on and then used with codes computed from the secret.
 */
describe('accounts people can keep safe', () => {
  let inbox: SmtpInbox;
  let server: OwnServer;
  let browser: Browser;

  beforeAll(async () => {
    inbox = await SmtpInbox.start();
    server = await startOwnServer({
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
      SMTP_URL: inbox.url,
      MAIL_POLL_SECONDS: '0.5',
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await inbox?.close();
  });

  async function freshPage(): Promise<Page> {
    const context = await browser.newContext({
      baseURL: server.url,
      locale: 'en-GB',
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`[browser] ${error.message}`));
    return page;
  }

  async function signInWithPassword(page: Page, email: string, password: string) {
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('resets a forgotten password with the link from the email', async () => {
    const page = await freshPage();
    const email = demoEmail('clinician');
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Forgot your password?' }).waitFor();
    await expectNoA11yViolations(page, 'forgot password');
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Email me a link' }).click();
    await page.getByText(`If ${email} has an account, a link is on its way.`).waitFor();

    const mail = await inbox.waitFor(email, /Reset your Commons password/);
    const link = mail.text?.match(/http:\/\/\S+\/reset-password\/\S+/)?.[0];
    expect(link).toBeTruthy();
    expect(mail.html).toContain(`href="${link}"`);
    await page.goto(link!);
    await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    await expectNoA11yViolations(page, 'reset password');
    await page.getByLabel('New password').fill('a fresh passphrase for me');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByText('Your password is changed, and every session was signed out.').waitFor();

    // The link works once.
    const again = await freshPage();
    await again.goto(link!);
    await again.getByLabel('New password').fill('yet another passphrase');
    await again.getByRole('button', { name: 'Save the new password' }).click();
    await again.getByText(/This link does not work any more/).waitFor();

    await page.getByRole('link', { name: 'Sign in with your new password' }).click();
    // The sign-in page is a page of its own: the link loads it.
    await page.getByRole('heading', { level: 1, name: 'Sign in to Commons' }).waitFor();
    await signInWithPassword(page, email, 'a fresh passphrase for me');
    await page.waitForURL(`**/n/${NETWORK_SLUG}`);
    await inbox.waitFor(email, /Your Commons password was reset/);
  });

  it('turns on two-factor sign-in, then signs in with a code computed from the secret', async () => {
    const email = demoEmail('sitelead');
    const page = await freshPage();
    await signInWithPassword(page, email, DEMO_PASSWORD);
    await page.waitForURL(`**/n/${NETWORK_SLUG}`);
    await page.goto('/account');
    await page.getByRole('heading', { level: 1, name: 'Account settings' }).waitFor();
    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    const secret = (await page.getByTestId('two-factor-secret').textContent())!.trim();
    await expect(page.getByRole('img', { name: 'QR code holding your two-factor secret' }).isVisible()).resolves.toBe(
      true,
    );
    await expectNoA11yViolations(page, 'account settings, enrolling');
    await page.getByLabel('Code from your authenticator app', { exact: true }).fill(generateSync({ secret }));
    await page.getByRole('button', { name: 'Confirm and turn on' }).click();
    await page.getByRole('heading', { name: 'Your recovery codes' }).waitFor();
    expect(await page.getByTestId('recovery-codes').locator('li').count()).toBe(10);
    await page.getByText('On. 10 recovery codes left.').waitFor();
    await inbox.waitFor(email, /Two-factor sign-in is on/);

    const other = await freshPage();
    await signInWithPassword(other, email, DEMO_PASSWORD);
    await other.getByRole('heading', { level: 1, name: 'Enter your code' }).waitFor();
    await expectNoA11yViolations(other, 'two-factor step');
    await other.getByLabel(/Code from your authenticator app/).fill('000000');
    await other.getByRole('button', { name: 'Sign in' }).click();
    await other.getByText('This is not right.').waitFor();
    // The code of the next 30-second step: the one used to turn it on cannot be used again.
    await other
      .getByLabel(/Code from your authenticator app/)
      .fill(generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
    await other.getByRole('button', { name: 'Sign in' }).click();
    await other.waitForURL(`**/n/${NETWORK_SLUG}`);
  });

  it('shows network admins the email log, and anyone the unsubscribe page, accessibly', async () => {
    const page = await freshPage();
    await signInWithPassword(page, demoEmail('admin'), DEMO_PASSWORD);
    await page.waitForURL(`**/n/${NETWORK_SLUG}`);
    await page.getByRole('link', { name: 'Email', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Email' }).waitFor();
    await page.getByText(/Emails are sent through the SMTP server/).waitFor();
    await page.getByRole('heading', { name: 'Emails' }).waitFor();
    await expectNoA11yViolations(page, 'email log');

    const anonymous = await freshPage();
    await anonymous.goto('/unsubscribe/not-a-real-token-but-long-enough');
    await anonymous.getByText(/This unsubscribe link is not known/).waitFor();
    await expectNoA11yViolations(anonymous, 'unsubscribe page');
  });
});
