import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoEmail, expectNoA11yViolations, launchBrowser, NETWORK_SLUG, newPage, signIn } from './support/browser';

const DIRECTORY_SCREENSHOT = '/tmp/e2e-directory.png';

/** The directory's "Showing X of Y members" line, once results are in. */
async function resultCounts(page: Page): Promise<{ shown: number; total: number }> {
  const status = page.locator('.results__count');
  await expect
    .poll(async () => (await status.textContent()) ?? '', { timeout: 15_000 })
    .toMatch(/\d+ of \d+|No members/);
  const match = ((await status.textContent()) ?? '').match(/(\d+) of (\d+)/);
  return match ? { shown: Number(match[1]), total: Number(match[2]) } : { shown: 0, total: 0 };
}

/** Waits until the directory shows a total different from `before`. */
async function countsAfterChange(page: Page, before: number): Promise<{ shown: number; total: number }> {
  await expect.poll(async () => (await resultCounts(page)).total, { timeout: 15_000 }).not.toBe(before);
  return resultCounts(page);
}

describe('a patient partner', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ context, page } = await newPage(browser));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  test('is sent to sign in, signs in and lands on her network home', async () => {
    // The app sends a visitor on to the sign-in page, a page of its own, before its first page has finished loading.
    await page.goto('/', { waitUntil: 'commit' });
    await page.waitForURL('**/sign-in');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in to Commons');
    await expectNoA11yViolations(page, 'sign-in');

    await signIn(page, demoEmail('patient'));
    expect(page.url()).toMatch(new RegExp(`/n/${NETWORK_SLUG}$`));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Welcome, Elin Sandberg');
    await page.getByRole('heading', { name: 'People who share your interests' }).waitFor();
    await page.locator('.card a[href*="/members/"]').first().waitFor();
    const menu = page.getByRole('navigation', { name: 'Main menu' });
    // Section names without their unread badges: the demo discussion leaves her 3 unread messages on an idea.
    await expect
      .poll(() => menu.getByRole('link', { name: /^Change ideas/ }).textContent())
      .toContain('3 unread messages');
    expect(
      await menu.getByRole('link').evaluateAll((links) => links.map((link) => link.firstChild?.textContent ?? '')),
    ).toEqual(['Home', 'Aim & measures', 'Commons', 'Change ideas', 'Groups', 'Members', 'Sites']);
    await expectNoA11yViolations(page, 'home');
  });

  test('opening a page straight from its address fetches its chunks with the page itself, and the page says who she is', async () => {
    const started = new Map<string, number>();
    const finished = new Map<string, number>();
    const viewerQueries: string[] = [];
    const chunk = (url: string) => /\/assets\/(aim-section|measures-page|app-start)-[\w-]+\.js$/.exec(url)?.[1];
    page.on('request', (request) => {
      const name = chunk(request.url());
      if (name && !started.has(name)) started.set(name, performance.now());
      if (request.url().endsWith('/graphql') && request.postData()?.includes('"operationName":"Viewer"'))
        viewerQueries.push(request.url());
    });
    page.on('requestfinished', (request) => {
      const name = chunk(request.url());
      if (name && !finished.has(name)) finished.set(name, performance.now());
    });
    // A new tab with nothing in its cache, as when a member follows a link from an email.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.goto('about:blank');
    await page.goto(`/n/${NETWORK_SLUG}/measures`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Measures');
    // The server drew the page; the app takes it over once its chunks are in.
    await expect.poll(() => page.locator('#root').getAttribute('inert')).toBeNull();
    await cdp.detach();
    // Before: the measures page's chunk was asked for only once the aim section around it had arrived and drawn.
    expect(started.get('measures-page')).toBeLessThan(finished.get('aim-section')!);
    // The server named both in the page (server/src/web/page-preloads.ts): the browser asked for them
    // as it read the HTML, before the app's own start-up code had even arrived, so not once it ran.
    expect(started.get('aim-section')).toBeLessThan(finished.get('app-start')!);
    expect(started.get('measures-page')).toBeLessThan(finished.get('app-start')!);
    // The server put who she is into the page (server/src/web/start-data.ts): the app never asks.
    expect(viewerQueries).toHaveLength(0);
  });

  test('her home page comes with its cards inside it; reached from another page, it asks for them in one request', async () => {
    const requests: unknown[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql')) requests.push(JSON.parse(request.postData() ?? 'null'));
    });
    await page.goto('about:blank');
    await page.goto(`/n/${NETWORK_SLUG}`);
    await page.getByRole('heading', { name: 'People who share your interests' }).waitFor();
    await page.locator('.card a[href*="/members/"]').first().waitFor();
    await page.waitForLoadState('networkidle');
    // The server asked the queries of the cards she sees as it sent the page
    // (shared/src/home/home-cards.ts), with who she is, the network and the banner's counts.
    expect(JSON.stringify(requests)).not.toMatch(/query (Viewer|NetworkScope|PeopleLikeMe|SharedAim|CommonsSearch)\b/);

    // Opened from another page's address, then reached in the app: nothing of it is cached yet.
    await page.goto(`/n/${NETWORK_SLUG}/members`);
    await page.locator('.member-card').first().waitFor();
    await page.waitForLoadState('networkidle');
    requests.length = 0;
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Home' }).click();
    await page.locator('.card a[href*="/members/"]').first().waitFor();
    page.removeAllListeners('request');

    // Every card's query together, not one request per card.
    const batches = requests.filter((body): body is unknown[] => Array.isArray(body));
    expect(Math.max(...batches.map((batch) => batch.length))).toBeGreaterThanOrEqual(4);
    expect(requests.length).toBeLessThanOrEqual(2);
  });

  test('her home page, opened from its address, fetches each of its stylesheets once', async () => {
    const stylesheets: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('.css')) stylesheets.push(new URL(request.url()).pathname);
    });
    await page.goto('about:blank');
    await page.goto(`/n/${NETWORK_SLUG}`);
    await page.locator('.card a[href*="/members/"]').first().waitFor();
    await page.waitForLoadState('networkidle');
    page.removeAllListeners('request');

    // The server names the page's stylesheets in its head (page-preloads.ts). A preload is used only
    // by a request in the same mode, and the app asks for stylesheets as CORS requests: a preload
    // without `crossorigin` goes unused and the stylesheet is fetched a second time.
    expect(stylesheets.some((sheet) => sheet.startsWith('/assets/home-page-'))).toBe(true);
    expect(stylesheets.filter((sheet, index) => stylesheets.indexOf(sheet) !== index)).toEqual([]);
  });

  test('her page loads the locale data for dates in a worker, off its main thread, which the page allows', async () => {
    const workers: string[] = [];
    const refused: string[] = [];
    page.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/.test(message.text())) refused.push(message.text());
    });
    await page.goto('about:blank');
    await page.goto(`/n/${NETWORK_SLUG}`);
    await page.locator('.card a[href*="/members/"]').first().waitFor();
    page.removeAllListeners('worker');
    page.removeAllListeners('console');

    // i18n/intl-cache.ts, prepareFormatting: the first date formatter of a tab costs it 30-90 ms.
    expect(workers).toEqual([expect.stringMatching(/^\/assets\/intl-warm-up\.worker-[\w-]+\.js$/)]);
    expect(refused).toEqual([]);
  });

  test("a measure's chart comes with the list of measures inside the page: the app never asks for it", async () => {
    await page.goto(`/n/${NETWORK_SLUG}/measures`);
    const chart = await page.locator(`a[href^="/n/${NETWORK_SLUG}/measures/"]`).first().getAttribute('href');
    const asked: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql')) asked.push(request.postData() ?? '');
    });
    await page.goto('about:blank');
    await page.goto(chart!);
    await page.waitForLoadState('networkidle');
    page.removeAllListeners('request');

    // The server ran the page's own first query as it sent the page (server/src/web/start-data.ts).
    expect(asked.join()).toContain('query MeasureCharts');
    expect(asked.join()).not.toContain('query ChartMeasures');
  });

  test('a resource and an idea draw their content from the page itself, even while their own query is held up', async () => {
    await page.goto(`/n/${NETWORK_SLUG}/commons`);
    const resource = page.locator('.resource-card__title a').first();
    const resourceTitle = (await resource.textContent())!.trim();
    const resourcePath = (await resource.getAttribute('href'))!;
    await page.goto(`/n/${NETWORK_SLUG}/ideas`);
    const idea = page.locator('.idea-card__title a').first();
    const ideaTitle = (await idea.textContent())!.trim();
    const ideaPath = (await idea.getAttribute('href'))!;

    // A request asking for the page's own query is never answered: only the page can have drawn it.
    const held = /query (ResourcePage|IdeaPage)\b/;
    await page.route('**/graphql', (route) =>
      held.test(route.request().postData() ?? '') ? undefined : route.continue(),
    );
    try {
      for (const [path, title] of [
        [resourcePath, resourceTitle],
        [ideaPath, ideaTitle],
      ]) {
        await page.goto('about:blank');
        await page.goto(path);
        await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 }).toBe(title);
      }
    } finally {
      await page.unrouteAll({ behavior: 'ignoreErrors' });
    }
  });

  test('opening a resource or an idea asks for nothing its page already holds', async () => {
    await page.goto(`/n/${NETWORK_SLUG}/commons`);
    const resourcePath = (await page.locator('.resource-card__title a').first().getAttribute('href'))!;
    await page.goto(`/n/${NETWORK_SLUG}/ideas`);
    const ideaPath = (await page.locator('.idea-card__title a').first().getAttribute('href'))!;
    const asked: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql'))
        asked.push(...(request.postData()?.match(/(?<=query |mutation )\w+/g) ?? []));
    });
    const open = async (path: string) => {
      asked.length = 0;
      await page.goto('about:blank');
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      return [...asked];
    };
    const resource = await open(resourcePath);
    const idea = await open(ideaPath);
    page.removeAllListeners('request');

    expect(resource).toContain('RecordResourceView');
    // The page and the banner's counts came inside the HTML, and are not asked again as the
    // components that show them mount (urql asks a cache-and-network query a second time then).
    // The view's answer names only the count, which changes nothing else the page holds (before,
    // the resource it answered with made the client ask for the page again).
    for (const held of ['ResourcePage', 'IdeaPage', 'UnreadNotificationCount', 'UnreadThreadsCount']) {
      expect(resource, held).not.toContain(held);
      expect(idea, held).not.toContain(held);
    }
    expect(idea).toContain('IdeaDrivers');
  });

  test('filters the directory by role and by interest', async () => {
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Members' }).click();
    await page.waitForURL('**/members');
    const all = await resultCounts(page);
    expect(all.total).toBeGreaterThan(30);
    expect(await page.locator('.member-card').count()).toBe(all.shown);
    await page.locator('.member-card').first().waitFor();
    await page.screenshot({ path: DIRECTORY_SCREENSHOT, fullPage: true });
    await expectNoA11yViolations(page, 'directory');

    await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Clinician' });
    const clinicians = await countsAfterChange(page, all.total);
    expect(page.url()).toContain('role=CLINICIAN');
    expect(clinicians.total).toBeGreaterThan(0);
    expect(clinicians.total).toBeLessThan(all.total);
    const roles = await page.locator('.member-card__meta').allTextContents();
    expect(roles).toHaveLength(clinicians.shown);
    for (const meta of roles) expect(meta).toMatch(/^Clinician( · |$)/);

    await page.getByLabel('Role', { exact: true }).selectOption({ label: 'All roles' });
    await countsAfterChange(page, clinicians.total);
    await page.getByLabel('Interest', { exact: true }).selectOption('nutrition');
    const nutrition = await countsAfterChange(page, all.total);
    expect(page.url()).toContain('interest=nutrition');
    expect(nutrition.total).toBeLessThan(all.total);
    const cards = page.locator('.member-card');
    expect(await cards.count()).toBe(nutrition.shown);
    for (const tags of await cards.evaluateAll((els) =>
      els.map((el) => [...el.querySelectorAll('.tag')].map((t) => t.textContent ?? '')),
    )) {
      expect(tags.some((tag) => tag.includes('nutrition'))).toBe(true);
    }

    await page.getByLabel('Interest', { exact: true }).selectOption('');
    await countsAfterChange(page, nutrition.total);
    // The box follows the address, which updates a moment after the click: wait for it rather than check() at once.
    const likeMeBox = page.getByLabel(/People like me/);
    await likeMeBox.click();
    await expect.poll(() => likeMeBox.isChecked()).toBe(true);
    const likeMe = await countsAfterChange(page, all.total);
    expect(likeMe.total).toBeGreaterThan(0);
    const shared = await page.locator('.member-card__shared').count();
    expect(shared).toBe(likeMe.shown);
  });

  test('edits her bio and interests, and finds them again after a reload', async () => {
    await page.goto('/profile');
    await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
    await expectNoA11yViolations(page, 'profile');

    const bio = `I like long walks and clear letters from clinic. (${Date.now()})`;
    await page.getByLabel('About you').fill(bio);
    const interestInput = page.getByRole('combobox', { name: 'Interests' });
    await interestInput.fill('Gentle Exercise');
    await interestInput.press('Enter');
    await page.getByRole('button', { name: 'Remove nutrition' }).click();
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Your profile is saved.').waitFor();

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
    expect(await page.getByLabel('About you').inputValue()).toBe(bio);
    const interests = await page.getByRole('list', { name: 'Your interests' }).getByRole('listitem').allTextContents();
    const names = interests.map((text) => text.replace('×', '').trim());
    expect(names).toContain('gentle exercise');
    expect(names).not.toContain('nutrition');
  });

  test('switches the language to Svenska and sees Swedish at once and after a reload', async () => {
    await page.getByLabel('Language').selectOption({ label: 'Svenska' });
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('heading', { level: 1, name: 'Din profil' }).waitFor();
    await page.getByText('Din profil är sparad.').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    expect(await nav.getByRole('link').allTextContents()).toContain('Medlemmar');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Din profil' }).waitFor();
    await nav.getByRole('link', { name: 'Medlemmar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Medlemmar' }).waitFor();
    await expect
      .poll(async () => (await page.locator('.results__count').textContent()) ?? '')
      .toMatch(/^Visar \d+ av \d+ medlemmar$/);

    // Back to following the browser, so later runs start from English.
    await page.goto('/profile');
    await page.getByLabel('Språk').selectOption('');
    await page.getByRole('button', { name: 'Spara profilen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
  });

  test('signs out another device, which is sent to sign in at once, saying why, and again on its next step', async () => {
    const other = await newPage(browser);
    try {
      await signIn(other.page, demoEmail('patient'));
      await page.goto('/profile/sessions');
      await page.getByRole('heading', { level: 1, name: 'Signed-in devices' }).waitFor();
      const otherDevices = page
        .locator('.session')
        .filter({ hasNot: page.locator('.badge', { hasText: 'This device' }) });
      await expect.poll(() => otherDevices.count()).toBeGreaterThan(0);
      const before = await otherDevices.count();
      await otherDevices
        .first()
        .getByRole('button', { name: /^Sign out this device/ })
        .click();
      await page.getByText('The device is signed out.').waitFor();
      await expect.poll(() => otherDevices.count()).toBe(before - 1);

      // Its open page hears it live: it shows the sign-in page with the reason, to come back after.
      await other.page.waitForURL('**/sign-in?next=*');
      expect(decodeURIComponent(other.page.url())).toContain(`next=/n/${NETWORK_SLUG}`);
      await other.page.getByText('This session was ended from another device').waitFor();

      // The app sends a visitor on to the sign-in page, a page of its own, before its first page has finished loading.
      await other.page.goto(`/n/${NETWORK_SLUG}/sites`, { waitUntil: 'commit' });
      await other.page.waitForURL('**/sign-in?next=*');
      expect(decodeURIComponent(other.page.url())).toContain(`next=/n/${NETWORK_SLUG}/sites`);
    } finally {
      await other.context.close();
    }
  });

  test('signs out, and signs in again straight to the page she asked for', async () => {
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL('**/sign-in');
    await page.getByRole('heading', { level: 1, name: 'Sign in to Commons' }).waitFor();
    await page.goto(`/n/${NETWORK_SLUG}/members`, { waitUntil: 'commit' });
    await page.waitForURL('**/sign-in?next=*');
    await page.getByLabel('Email address').fill(demoEmail('patient'));
    await page.getByLabel('Password').fill('demo-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`**/n/${NETWORK_SLUG}/members`);
    await page.getByRole('heading', { level: 1, name: 'Members' }).waitFor();
  });
});
