import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { baseUrl, demoEmail, launchBrowser, NETWORK_SLUG, newPage, signIn } from './support/browser';

// Members' words as they come: one word as long as the field allows, emoji, right-to-left text.
const word = (length: number) => 'Transitionclinicnursingpathway'.repeat(Math.ceil(length / 30)).slice(0, length);
const MIXED = 'Hand-off 🌱🎉👩🏽‍⚕️ مرحبا بالفريق שלום לצוות';
const TITLE = word(160);
const SUMMARY = `${word(300)} ${MIXED} ${word(250)}`.slice(0, 600);
const BODY = `## ${word(200)}\n\n${MIXED}\n\n${word(2000)}\n\n| ${word(80)} | ${word(80)} |\n|---|---|\n| ${MIXED} | ${word(120)} |\n\n\`\`\`\n${word(400)}\n\`\`\``;
const NAME = word(100);

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

async function gql<T>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await page.request.post('/graphql', {
    headers: { 'content-type': 'application/json', 'x-commons-csrf': '1', origin: baseUrl() },
    data: { query, variables },
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (body.errors) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(body.errors)}`);
  return body.data as T;
}

/** The elements that reach past the window's right edge, deepest first, to say what to fix. */
const widest = (page: Page) =>
  page.evaluate(() => {
    const past = [...document.querySelectorAll('body *')].filter(
      (element) => element.getBoundingClientRect().right > window.innerWidth + 1,
    );
    const deepest = past.at(-1);
    const chain: string[] = [];
    for (let element = deepest ?? null; element && element !== document.body; element = element.parentElement) {
      chain.unshift(
        `${element.tagName.toLowerCase()}${element.classList.length ? `.${[...element.classList].join('.')}` : ''}[${Math.round(element.getBoundingClientRect().width)}]`,
      );
    }
    return chain.join(' > ');
  });

/** How far the page is wider than the window (0 when it fits). */
const overflow = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);

describe("layout with members' longest words, emoji and right-to-left text, on a phone and a desktop", () => {
  let browser: Browser;
  let lead: { context: BrowserContext; page: Page };
  let profileBefore: Record<string, unknown> | null = null;
  const pages: { name: string; path: string }[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    lead = await newPage(browser);
    lead.page.setDefaultTimeout(20_000);
    await signIn(lead.page, demoEmail('sitelead'));
    const page = lead.page;
    const { me } = await gql<{ me: { id: string; memberships: { network: { id: string; slug: string } }[] } }>(
      page,
      '{ me { id memberships { network { id slug } } } }',
    );
    const networkId = me.memberships.find((m) => m.network.slug === NETWORK_SLUG)!.network.id;

    // Other suites share this server: her profile is put back afterwards.
    const { me: profile } = await gql<{
      me: { name: string; bio: string; pronouns: string | null; interests: string[] };
    }>(page, '{ me { name bio pronouns interests } }');
    profileBefore = profile;
    await gql(page, 'mutation($input: ProfileInput!) { updateProfile(input: $input) { name } }', {
      input: { name: NAME, bio: `${word(1500)} ${MIXED}`, pronouns: word(40), interests: [] },
    });
    const { postResource } = await gql<{ postResource: { id: string } }>(
      page,
      'mutation($n: ID!, $input: ResourceInput!) { postResource(networkId: $n, input: $input) { id } }',
      {
        n: networkId,
        input: { kind: 'TOOL', title: TITLE, summary: SUMMARY, body: BODY, tags: ['transition'] },
      },
    );
    const { proposeChangeIdea } = await gql<{ proposeChangeIdea: { id: string } }>(
      page,
      'mutation($n: ID!, $input: ChangeIdeaInput!) { proposeChangeIdea(networkId: $n, input: $input) { id } }',
      {
        n: networkId,
        input: { title: TITLE, problem: `${word(3000)} ${MIXED}`, idea: `${word(5000)} ${MIXED}` },
      },
    );
    const { thread } = await gql<{ thread: { id: string } }>(
      page,
      'query($id: ID!) { thread(subjectType: CHANGE_IDEA, subjectId: $id) { id } }',
      { id: proposeChangeIdea.id },
    );
    await gql(page, 'mutation($input: SendMessageInput!) { sendMessage(input: $input) { id } }', {
      input: { threadId: thread.id, clientId: 'layout-e2e-1', body: `${word(3000)} ${MIXED}` },
    });
    const { startGroup } = await gql<{ startGroup: { id: string } }>(
      page,
      'mutation($n: ID!, $input: GroupInput!) { startGroup(networkId: $n, input: $input) { id } }',
      {
        n: networkId,
        input: { name: word(80), purpose: `${word(1900)} ${MIXED}` },
      },
    );
    const { measures } = await gql<{ measures: { id: string }[] }>(
      page,
      'query($n: ID!) { measures(networkId: $n) { id } }',
      { n: networkId },
    );

    const n = `/n/${NETWORK_SLUG}`;
    pages.push(
      { name: 'home', path: n },
      { name: 'commons', path: `${n}/commons` },
      { name: 'commons search', path: `${n}/commons?q=transitionclinic` },
      { name: 'resource', path: `${n}/commons/${postResource.id}` },
      { name: 'edit resource', path: `${n}/commons/${postResource.id}/edit` },
      { name: 'new resource', path: `${n}/commons/new` },
      { name: 'change ideas', path: `${n}/ideas` },
      { name: 'idea with its thread', path: `${n}/ideas/${proposeChangeIdea.id}` },
      { name: 'propose an idea', path: `${n}/ideas/new` },
      { name: 'groups', path: `${n}/groups` },
      { name: 'group', path: `${n}/groups/${startGroup.id}` },
      { name: 'members', path: `${n}/members` },
      { name: 'member', path: `${n}/members/${me.id}` },
      { name: 'sites', path: `${n}/sites` },
      { name: 'aim', path: `${n}/aim` },
      { name: 'measures', path: `${n}/measures` },
      { name: 'measure chart', path: `${n}/measures/${measures[0].id}` },
      { name: 'report', path: `${n}/report` },
      { name: 'completeness', path: `${n}/completeness` },
      { name: 'invitations', path: `${n}/invitations` },
      { name: 'notifications', path: `${n}/notifications` },
      { name: 'profile', path: '/profile' },
      { name: 'sessions', path: '/profile/sessions' },
    );
  });

  afterAll(async () => {
    if (profileBefore)
      await gql(lead.page, 'mutation($input: ProfileInput!) { updateProfile(input: $input) { name } }', {
        input: profileBefore,
      });
    await browser?.close();
  });

  test.each([
    ['a phone', PHONE],
    ['a desktop', DESKTOP],
  ])(
    'no page is wider than %s',
    async (_, viewport) => {
      const { page } = lead;
      await page.setViewportSize(viewport);
      const wider: string[] = [];
      for (const { name, path } of pages) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.waitForLoadState('networkidle');
        const extra = await overflow(page);
        if (extra > 0) wider.push(`${name} (${path}): ${extra}px, widest: ${await widest(page)}`);
      }
      const signedOut = await newPage(browser);
      await signedOut.page.setViewportSize(viewport);
      await signedOut.page.goto('/sign-in');
      await signedOut.page.getByRole('heading', { level: 1 }).waitFor();
      if ((await overflow(signedOut.page)) > 0) wider.push('sign-in');
      await signedOut.context.close();

      expect(wider).toEqual([]);
    },
    240_000,
  );

  test('on a phone the banner is one compact row with a menu button that opens the menus', async () => {
    const { page } = lead;
    await page.setViewportSize(PHONE);
    await page.goto(`/n/${NETWORK_SLUG}/commons`);
    await page.getByRole('heading', { level: 1 }).waitFor();

    const banner = page.getByRole('banner');
    const { height } = (await banner.boundingBox())!;
    expect(height).toBeLessThanOrEqual(PHONE.height * 0.2);
    const menuButton = banner.getByRole('button', { name: 'Menu' });
    await expect.poll(() => menuButton.getAttribute('aria-expanded')).toBe('false');
    const controls = (await menuButton.getAttribute('aria-controls'))!.split(' ');
    expect(controls).toHaveLength(2);
    const nav = page.getByRole('navigation', { name: 'Main menu' });
    expect(await nav.isVisible()).toBe(false);

    await menuButton.click();
    expect(await menuButton.getAttribute('aria-expanded')).toBe('true');
    expect(await nav.isVisible()).toBe(true);
    for (const id of controls) expect(await page.locator(`[id="${id}"]`).isVisible()).toBe(true);

    await nav.getByRole('link', { name: /^Change ideas/ }).click();
    await page.waitForURL(`**/n/${NETWORK_SLUG}/ideas`);
    // The page arrives in its own chunk: the menu closes once it is drawn.
    await expect.poll(() => menuButton.getAttribute('aria-expanded')).toBe('false');

    await page.setViewportSize(DESKTOP);
    expect(await menuButton.isVisible()).toBe(false);
    expect(await nav.isVisible()).toBe(true);
  });

  test('nothing moves while a page loads on a slow connection, on a phone', async () => {
    const { page } = lead;
    await page.setViewportSize(PHONE);
    const cdp = await page.context().newCDPSession(page);
    // Slow 4G, as Lighthouse's mobile test: the cards and the texts arrive one after another.
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: 200_000,
      uploadThroughput: 90_000,
    });
    try {
      const shifted: Record<string, number> = {};
      for (const path of [`/n/${NETWORK_SLUG}`, `/n/${NETWORK_SLUG}/commons`, `/n/${NETWORK_SLUG}/ideas`]) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.waitForLoadState('networkidle');
        // Every layout shift since the page began to load (the browser keeps them for the observer).
        shifted[path] = await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              let total = 0;
              new PerformanceObserver((list) => {
                for (const entry of list.getEntries()) total += (entry as unknown as { value: number }).value;
              }).observe({ type: 'layout-shift', buffered: true });
              setTimeout(() => resolve(Number(total.toFixed(3))), 200);
            }),
        );
      }
      expect(shifted).toEqual({
        [`/n/${NETWORK_SLUG}`]: 0,
        [`/n/${NETWORK_SLUG}/commons`]: 0,
        [`/n/${NETWORK_SLUG}/ideas`]: 0,
      });
    } finally {
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
      await cdp.detach();
    }
  }, 120_000);

  test('from the commons search box, a few Tab presses reach the first result', async () => {
    const { page } = lead;
    await page.setViewportSize(DESKTOP);
    await page.goto(`/n/${NETWORK_SLUG}/commons?q=transitionclinic`);
    const firstResult = page
      .getByRole('main')
      .getByRole('link', { name: TITLE })
      .and(page.locator('[href*="/commons/"]'));
    await firstResult.waitFor();
    await page.getByRole('searchbox').first().focus();

    let presses = 0;
    while (presses < 60) {
      await page.keyboard.press('Tab');
      presses += 1;
      const focused = await page.evaluate(() => ({
        text: document.activeElement?.textContent ?? '',
        skip: document.activeElement?.classList.contains('skip-to-results') ?? false,
      }));
      if (focused.skip) await page.keyboard.press('Enter');
      if (await firstResult.evaluate((link) => link === document.activeElement)) break;
    }
    console.log(`[layout] Tab presses from the search box to the first result: ${presses}`);
    expect(presses).toBeLessThanOrEqual(8);
  });
});
