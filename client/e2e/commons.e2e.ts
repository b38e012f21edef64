import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoEmail, expectNoA11yViolations, launchBrowser, NETWORK_SLUG, newPage, signIn } from './support/browser';
import { makePdf } from './support/commons';

const COMMONS_SCREENSHOT = '/tmp/e2e-commons.png';
const RESOURCE_SCREENSHOT = '/tmp/e2e-resource.png';
// Two cores shared with other suites: give the server time.
const POLL = { timeout: 15_000 };

const TITLE = 'Gastrostomy button care card for school nurses';
const ADAPTED_TITLE = "Gastrostomy button care card (St Brigid's school nurses)";
const PDF_NAME = 'gastrostomy-care-card.pdf';
const PDF = makePdf('Gastrostomy button: daily care');

const main = (page: Page) => page.getByRole('main');

/** The lineage as the page lists it: each resource's title, indented two spaces per level. */
async function lineageOutline(page: Page): Promise<string[]> {
  const tree = page.getByRole('list', { name: 'Lineage of adaptations' });
  await tree.waitFor();
  return tree.evaluate((root) => {
    const lines: string[] = [];
    const walk = (list: Element, depth: number) => {
      for (const node of list.querySelectorAll(':scope > li')) {
        const item = node.querySelector(':scope > .lineage__item');
        const title = item?.querySelector('a, strong')?.firstChild?.textContent?.trim() ?? '';
        const here = item?.querySelector('[aria-current="page"]') ? ' (here)' : '';
        lines.push(`${'  '.repeat(depth)}${title}${here}`);
        const children = node.querySelector(':scope > ul');
        if (children) walk(children, depth + 1);
      }
    };
    walk(root, 0);
    return lines;
  });
}

describe('the commons', () => {
  let browser: Browser;
  let clinician: { context: BrowserContext; page: Page };
  let family: { context: BrowserContext; page: Page };
  let admin: { context: BrowserContext; page: Page };
  let originalUrl = '';
  let adaptedUrl = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    clinician = await newPage(browser);
    family = await newPage(browser);
    admin = await newPage(browser);
    // Fail within the test's time with the step that failed, not at the test's timeout.
    clinician.page.setDefaultTimeout(15_000);
    family.page.setDefaultTimeout(15_000);
    admin.page.setDefaultTimeout(15_000);
    await signIn(clinician.page, demoEmail('clinician'));
    await signIn(family.page, demoEmail('family'));
    await signIn(admin.page, demoEmail('admin'));
  });

  afterAll(async () => {
    await clinician?.context.close();
    await family?.context.close();
    await admin?.context.close();
    await browser?.close();
  });

  test('a clinician shares a resource with a PDF attached', async () => {
    const { page } = clinician;
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Commons' }).click();
    await page.getByRole('heading', { level: 1, name: 'Commons' }).waitFor();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'in the commons' }).textContent(), POLL)
      .toMatch(/^\d+ resources in the commons$/);
    await page.getByRole('link', { name: 'Share a resource' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Share a resource' }).waitFor();

    const form = main(page);
    await form.getByLabel('Kind').selectOption('TOOL');
    await form.getByLabel('Title').fill(TITLE);
    await form
      .getByLabel('Summary')
      .fill('A one-page card for school nurses: daily care of a gastrostomy button, and what to do if it comes out.');
    await form
      .getByLabel('Text', { exact: true })
      .fill(
        '## Daily care\n\n- Clean around the button with warm water and dry it well.\n- Turn the button once a day.\n\n## If the button comes out\n\nCover the opening with a clean dressing and **call the family straight away**.',
      );
    await form.getByRole('button', { name: 'Show preview' }).click();
    await form
      .getByRole('region', { name: 'Preview' })
      .getByRole('heading', { name: 'If the button comes out' })
      .waitFor();

    const tags = form.getByRole('group', { name: 'Tags' });
    await tags.getByRole('button', { name: 'school', exact: true }).click();
    expect(await tags.getByRole('button', { name: 'school', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await tags.getByLabel('Add your own tag').fill('Enteral Feeding');
    await tags.getByLabel('Add your own tag').press('Enter');
    expect(await tags.getByRole('list', { name: 'Chosen tags' }).getByRole('listitem').allTextContents()).toEqual([
      'school×',
      'enteral feeding×',
    ]);

    const audiences = form.getByRole('group', { name: 'Meant for' });
    await audiences.getByLabel('Clinician').check();
    await audiences.getByLabel('Family member').check();
    expect(await form.getByLabel('Site').locator('option:checked').textContent()).toBe("Riverside Children's Hospital");
    expect(await form.getByLabel('Licence').inputValue()).toBe('CC-BY-4.0');

    await form.getByLabel('Add files').setInputFiles({ name: PDF_NAME, mimeType: 'application/pdf', buffer: PDF });
    await form.getByRole('list', { name: 'Files to send' }).getByText(PDF_NAME).waitFor();

    await form.getByRole('button', { name: 'Share resource' }).click();
    await page.waitForURL(/\/commons\/[0-9a-f-]{36}$/);
    originalUrl = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText('Shared with the network. Thank you!').waitFor();
    await main(page).getByRole('heading', { name: 'If the button comes out' }).waitFor();

    const files = page.getByRole('region', { name: 'Files' });
    const link = files.getByRole('link', { name: PDF_NAME });
    await link.waitFor();
    expect(await files.locator('.attachment__details').first().textContent()).toMatch(/^\(PDF, \d+(\.\d)? kB\)$/);
    const download = await page.evaluate(
      async (href) => {
        const response = await fetch(href);
        return {
          status: response.status,
          type: response.headers.get('content-type'),
          disposition: response.headers.get('content-disposition'),
          size: (await response.arrayBuffer()).byteLength,
        };
      },
      (await link.getAttribute('href'))!,
    );
    expect(download).toMatchObject({ status: 200, type: 'application/pdf', size: PDF.length });
    expect(download.disposition).toContain(PDF_NAME);

    const facts = page.getByRole('region', { name: 'About this resource' });
    expect(
      await facts.getByRole('link', { name: 'CC BY 4.0 (attribution) (opens in a new tab)' }).getAttribute('href'),
    ).toBe('https://creativecommons.org/licenses/by/4.0/');
    await expect.poll(() => facts.getByText(/^\d+ views?$/).textContent(), POLL).toBe('1 view');
  });

  test('a family member finds it by a misspelt word, from the one search box, with the search in the address', async () => {
    const { page } = family;
    await page.goto(`/n/${NETWORK_SLUG}/commons`);
    const box = page
      .getByRole('search', { name: 'Search the commons' })
      .getByRole('searchbox', { name: 'Search resources, ideas and groups' });
    await box.pressSequentially('gastrostmy', { delay: 40 });
    const status = page.getByRole('status').filter({ hasText: 'found for' });
    await expect.poll(() => status.textContent(), POLL).toMatch(/^\d+ results? found for “gastrostmy”$/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('gastrostmy');

    const results = page.getByRole('region', { name: 'Results' });
    const firstTitle = results.getByRole('heading', { level: 3 }).first();
    expect(await firstTitle.textContent()).toBe(TITLE);
    expect(await firstTitle.locator('mark').first().textContent()).toMatch(/^gastrostomy$/i);

    // The filters work from the keyboard, and go into the address too.
    const tool = page.getByRole('group', { name: 'Kind' }).getByRole('checkbox', { name: /^Tool/ });
    await tool.focus();
    await page.keyboard.press('Space');
    await page.waitForURL(/kind=TOOL/);
    await expect.poll(() => page.getByRole('list', { name: 'Chosen filters' }).textContent(), POLL).toContain('Tool');
    await expect.poll(() => results.getByRole('heading', { level: 3 }).first().textContent(), POLL).toBe(TITLE);

    // The address opens the same search elsewhere.
    const shared = page.url();
    await page.goto(shared);
    expect(await page.getByRole('searchbox', { name: 'Search resources, ideas and groups' }).inputValue()).toBe(
      'gastrostmy',
    );
    await expect
      .poll(
        () => page.getByRole('region', { name: 'Results' }).getByRole('heading', { level: 3 }).first().textContent(),
        POLL,
      )
      .toBe(TITLE);
    await page.screenshot({ path: COMMONS_SCREENSHOT, fullPage: true });
    await expectNoA11yViolations(page, 'commons search');

    await page.getByRole('region', { name: 'Results' }).getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    expect(new URL(page.url()).pathname).toBe(originalUrl);
  });

  test('she adapts it for her site, and the adaptation shows where it came from', async () => {
    const { page } = family;
    await main(page).getByRole('link', { name: 'Adapt this' }).click();
    await page.getByRole('heading', { level: 1, name: `Adapt “${TITLE}”` }).waitFor();
    const form = main(page);
    expect(await form.getByLabel('Title').inputValue()).toBe(TITLE);
    expect(await form.getByLabel('Site').locator('option:checked').textContent()).toBe("St Brigid's Paediatric Centre");
    await form.getByText("The original's 1 file comes along with your adaptation.").waitFor();

    await form.getByLabel('Title').fill(ADAPTED_TITLE);
    const body = form.getByLabel('Text', { exact: true });
    await body.fill(`${await body.inputValue()}\n\nSt Brigid's school nurse line: 555 0142.`);
    await form.getByLabel('What did you change for your site?').fill('Our school nurse line');
    await form.getByRole('button', { name: 'Create my adaptation' }).click();

    await page.waitForURL((url) => /\/commons\/[0-9a-f-]{36}$/.test(url.pathname) && url.pathname !== originalUrl);
    adaptedUrl = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1, name: ADAPTED_TITLE }).waitFor();
    await page.getByText('Your adaptation is in the commons, linked to the original.').waitFor();
    expect(await main(page).locator('.resource-page__byline').textContent()).toContain(`Adapted from ${TITLE}`);
    await page.getByRole('region', { name: 'Files' }).getByRole('link', { name: PDF_NAME }).waitFor();

    expect(await lineageOutline(page)).toEqual([TITLE, `  ${ADAPTED_TITLE} (here)`]);

    // Version 1 is the copy; version 2 holds her changes, shown line by line with +/− markers.
    const versions = page.getByRole('region', { name: 'Versions' });
    await versions.getByRole('button', { name: 'See what changed in version 2' }).click();
    await versions.getByRole('heading', { name: 'Changes from version 1 to version 2' }).waitFor();
    const added = versions.locator('.diff__line--added');
    await expect
      .poll(() => added.allTextContents(), POLL)
      .toContain("+Added: St Brigid's school nurse line: 555 0142.");
    await page.screenshot({ path: RESOURCE_SCREENSHOT, fullPage: true });
    await expectNoA11yViolations(page, 'adapted resource with a diff');
  });

  test('the original shows its adaptation to its author', async () => {
    const { page } = clinician;
    await page.goto(originalUrl);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await expect.poll(() => lineageOutline(page), POLL).toEqual([`${TITLE} (here)`, `  ${ADAPTED_TITLE}`]);
    expect(
      await page.getByRole('region', { name: 'Lineage' }).getByText('1 adaptation was made from it.').count(),
    ).toBe(1);
    await expectNoA11yViolations(page, 'original resource');

    await page.getByRole('region', { name: 'Lineage' }).getByRole('link', { name: ADAPTED_TITLE }).click();
    await page.waitForURL(`**${adaptedUrl}`);
    await page.getByRole('heading', { level: 1, name: ADAPTED_TITLE }).waitFor();
  });

  test('the author edits it: files of the wrong kind are refused by name, and the change is a new version', async () => {
    const { page } = clinician;
    await page.goto(originalUrl);
    await main(page).getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('heading', { level: 1, name: `Edit “${TITLE}”` }).waitFor();
    const form = main(page);
    const files = form.getByLabel('Add files');

    // A type the server does not take is refused before sending; a fake PDF by the server, which reads the bytes.
    await files.setInputFiles({
      name: 'setup.exe',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('MZ not a document'),
    });
    await expect.poll(() => files.getAttribute('aria-invalid'), POLL).toBe('true');
    expect(await form.locator('.attachments-field__errors').textContent()).toContain(
      'setup.exe: Files of type .exe are not accepted.',
    );
    await files.setInputFiles({
      name: 'notes.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('just some text, not a PDF'),
    });
    await expect
      .poll(() => form.locator('.attachments-field__errors').textContent(), POLL)
      .toContain('notes.pdf: This is not a real .pdf file: its content is not a PDF, office document or image.');
    expect(await form.getByRole('list').filter({ hasText: PDF_NAME }).getByRole('link').allTextContents()).toEqual([
      PDF_NAME,
    ]);

    // A field's problem is shown next to it, and the field is marked invalid.
    await form.getByLabel('Title').fill('ab');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => form.getByLabel('Title').getAttribute('aria-invalid'), POLL).toBe('true');
    expect(
      await form
        .getByLabel('Title')
        .evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')!.split(' ').pop()!)?.textContent),
    ).toBe('Use at least 3 characters.');

    await form.getByLabel('Title').fill(TITLE);
    await form
      .getByLabel('Summary')
      .fill(
        'A one-page card for school nurses and teachers: daily care of a gastrostomy button, and what to do if it comes out.',
      );
    await form.getByLabel('What did you change?').fill('Teachers too');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(`**${originalUrl}`);
    await page.getByText('Saved as version 2.').waitFor();
    const versions = page.getByRole('region', { name: 'Versions' });
    await versions.getByRole('button', { name: 'See what changed in version 2' }).click();
    await versions.getByRole('heading', { name: 'Changes from version 1 to version 2' }).waitFor();
    expect(await versions.locator('.diff__field-name').allTextContents()).toEqual(['Summary +1 −1 lines']);
    expect(await versions.locator('.diff__line--removed').textContent()).toMatch(
      /^−Removed: A one-page card for school nurses: /,
    );
  });

  test('members mark it helpful, bookmark it and say their site used it', async () => {
    const { page } = family;
    await page.goto(originalUrl);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const actions = page.getByRole('group', { name: 'What you can do with this resource' });
    await actions.getByRole('button', { name: /^Helpful/ }).click();
    await expect
      .poll(() => actions.getByRole('button', { name: /^Helpful/ }).getAttribute('aria-pressed'), POLL)
      .toBe('true');
    await expect
      .poll(() => actions.getByRole('button', { name: /^Helpful/ }).textContent(), POLL)
      .toContain('1 found it helpful');
    await actions.getByRole('button', { name: 'Bookmark' }).click();
    await expect
      .poll(() => actions.getByRole('button', { name: 'Bookmark' }).getAttribute('aria-pressed'), POLL)
      .toBe('true');

    const uses = page.getByRole('region', { name: 'Sites that used it' });
    await uses.getByRole('button', { name: 'We used this' }).click();
    await uses.getByLabel('How did your site use it?').fill('Our school nurses keep it in the medical room.');
    await uses.getByRole('button', { name: 'Save' }).click();
    await uses.getByText("Saved: St Brigid's Paediatric Centre used this.").waitFor();
    await expect
      .poll(() => uses.locator('.use__site strong').allTextContents(), POLL)
      .toEqual(["St Brigid's Paediatric Centre"]);
    expect(await uses.locator('.use__note').textContent()).toBe('Our school nurses keep it in the medical room.');

    await page.goto(`/n/${NETWORK_SLUG}/commons`);
    const bookmarks = page.getByRole('region', { name: 'Your bookmarks' });
    await expect.poll(() => bookmarks.getByRole('heading', { level: 3 }).allTextContents(), POLL).toContain(TITLE);
  });

  test('an admin hides it with a reason; others no longer find it; the author sees why; it can be shown again', async () => {
    const { page } = admin;
    await page.goto(originalUrl);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const moderation = page.getByRole('region', { name: 'Moderation' });
    await moderation.getByRole('button', { name: 'Hide this resource' }).click();
    await moderation.getByRole('button', { name: 'Hide', exact: true }).click();
    await expect.poll(() => moderation.getByLabel('Why is it hidden?').getAttribute('aria-invalid'), POLL).toBe('true');
    await moderation
      .getByLabel('Why is it hidden?')
      .fill('Holds a direct phone number; checking with the family first.');
    await moderation.getByRole('button', { name: 'Hide', exact: true }).click();
    await page.getByText('Reason: Holds a direct phone number; checking with the family first.').waitFor();
    await page.getByText('The resource is hidden.').waitFor();

    await family.page.goto(originalUrl);
    await family.page.getByRole('heading', { level: 1, name: 'Resource not found' }).waitFor();

    await clinician.page.goto(originalUrl);
    await clinician.page.getByText('Reason: Holds a direct phone number; checking with the family first.').waitFor();
    expect(await clinician.page.getByRole('button', { name: 'Show it again' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Show it again' }).click();
    await page.getByText('The resource is back in the commons.').waitFor();
    await family.page.reload();
    await family.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  });

  test('browsing: newest or most used first, page after page, with focus on the first new result', async () => {
    const { page } = clinician;
    await page.goto(`/n/${NETWORK_SLUG}/commons`);
    const all = page.getByRole('region', { name: 'All resources' });
    const titles = all.getByRole('heading', { level: 3 });
    await expect.poll(() => titles.count(), POLL).toBe(20);
    expect(await page.getByRole('region', { name: 'Your bookmarks' }).count()).toBe(1);

    await page.getByLabel('Sort by').selectOption({ label: 'Most used by sites' });
    await page.waitForURL(/sort=MOST_USED/);
    const usedBy = async () =>
      (await all.locator('.resource-card__counts').allTextContents()).map((text) =>
        Number(/Used by (\d+) sites?/.exec(text)?.[1] ?? -1),
      );
    await expect.poll(async () => (await usedBy())[0], POLL).toBeGreaterThan(1);
    const counts = await usedBy();
    expect(counts).toEqual([...counts].sort((a, b) => b - a));

    await all.getByRole('button', { name: 'Show more resources' }).click();
    await expect.poll(() => titles.count(), POLL).toBe(40);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''), POLL)
      .toBe((await titles.nth(20).textContent()) ?? '');
  });
});
