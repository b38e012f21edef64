import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoEmail, expectNoA11yViolations, launchBrowser, NETWORK_SLUG, newPage, signIn } from './support/browser';

const AIM_SCREENSHOT = '/tmp/e2e-aim.png';
const CHART_SCREENSHOT = '/tmp/e2e-chart.png';
// The server answers chart queries while other suites run on two cores: give it time.
const POLL = { timeout: 15_000 };

/** A month key `offset` months from the current month (UTC), as the server counts months. */
function monthKey(offset = 0): string {
  const now = new Date();
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** A month as the English pages show it: "Mar 2026" (short) or "March 2026" (long). */
function monthLabel(key: string, style: 'short' | 'long' = 'short'): string {
  const [year, month] = key.split('-').map(Number);
  return new Intl.DateTimeFormat('en-GB', { month: style, year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(year, month - 1, 1),
  );
}

const group = (page: Page, name: string) => page.getByRole('group', { name, exact: true });

/** Opens the month form for `month` (and `site`, for admins) and waits for its measures. */
async function openMonth(page: Page, month: string): Promise<void> {
  await page.goto(`/n/${NETWORK_SLUG}/report?month=${month}`);
  await page.getByRole('heading', { level: 1, name: 'Report a month' }).waitFor();
  await group(page, 'Steroid-free remission').waitFor();
}

/** Opens a measure's chart page from the measures list. */
async function openChart(page: Page, measure: string): Promise<void> {
  await page.goto(`/n/${NETWORK_SLUG}/measures`);
  await page.getByRole('link', { name: `See the charts: ${measure}` }).click();
  await page.getByRole('heading', { level: 1, name: measure }).waitFor();
  await page.locator('#main-chart .chart-surface').waitFor();
}

/** The data table's cells of one month, as text: [month, ...numbers]. */
async function tableRow(page: Page, month: string): Promise<string[]> {
  const row = page
    .locator('.main-chart table tbody tr')
    .filter({ has: page.getByRole('rowheader', { name: monthLabel(month), exact: true }) });
  await row.waitFor();
  return row.locator('th, td').allTextContents();
}

describe('a site lead', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ context, page } = await newPage(browser));
    await signIn(page, demoEmail('sitelead'));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  test('may only save a draft of the current month; reports last month, submits it and sees the new point on the chart', async () => {
    const current = monthKey(0);
    const month = monthKey(-1);
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Aim & measures' }).click();
    await page
      .getByRole('navigation', { name: 'Aim and measures' })
      .getByRole('link', { name: 'Report a month' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Report a month' }).waitFor();
    // The form opens on last month, whose report is due.
    expect(await page.getByLabel('Month', { exact: true }).inputValue()).toBe(month);

    const fill = async (measure: string, values: Record<string, string>) => {
      for (const [label, value] of Object.entries(values))
        await group(page, measure).getByLabel(label, { exact: true }).fill(value);
    };

    // This month has not ended: the form says when it opens and offers a draft only.
    await page.getByLabel('Month', { exact: true }).selectOption(current);
    await page.waitForURL(`**/report?month=${current}`);
    await page
      .getByText(
        new RegExp(
          `^${monthLabel(current, 'long')} can be submitted from .+, once the month has ended\\. Until then, save your numbers as a draft\\.$`,
        ),
      )
      .waitFor();
    expect(await page.getByRole('button', { name: `Submit ${monthLabel(current, 'long')}` }).count()).toBe(0);
    await fill('New steroid courses', { 'Number (courses)': '1' });
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page
      .getByText(`Your draft for ${monthLabel(current, 'long')} is saved. Submit it once the month has ended.`)
      .waitFor();
    await expect.poll(() => group(page, 'New steroid courses').locator('.badge').textContent(), POLL).toBe('Draft');

    await page.getByLabel('Month', { exact: true }).selectOption(month);
    await page.waitForURL(`**/report?month=${month}`);
    await expect
      .poll(() => group(page, 'Steroid-free remission').locator('.badge').textContent(), POLL)
      .toBe('Not reported yet');
    await fill('Steroid-free remission', { Numerator: '47', Denominator: '61' });
    await fill('Growth assessed at visit', { Numerator: '56', Denominator: '61' });
    await fill('Biologic drug levels checked', { Numerator: '25', Denominator: '27' });
    await fill('Unplanned IBD admissions', { Events: '2', Exposure: '288' });
    await fill('Days from referral to first visit', { 'Average (days)': '11.5', 'Number of patients': '6' });
    await fill('New steroid courses', { 'Number (courses)': '3' });
    expect(await group(page, 'Steroid-free remission').locator('.report-entry__preview').textContent()).toBe(
      'That is 77%.',
    );

    await page.getByRole('button', { name: `Submit ${monthLabel(month, 'long')}` }).click();
    await page
      .getByText(`${monthLabel(month, 'long')} is submitted for Riverside Children's Hospital. Thank you!`)
      .waitFor();
    await expect.poll(() => group(page, 'New steroid courses').locator('.badge').textContent(), POLL).toBe('Submitted');

    await group(page, 'Steroid-free remission')
      .getByRole('link', { name: /See it on the chart/ })
      .click();
    await page.waitForURL(/\/measures\/[^/?]+\?site=/);
    await page.getByRole('heading', { level: 1, name: 'Steroid-free remission' }).waitFor();
    await page.locator('#main-chart .chart-surface').waitFor();
    expect(await page.locator('#main-chart h2').textContent()).toBe("Riverside Children's Hospital");
    await page.locator('.multiples .chart-surface').first().waitFor();
    await page.screenshot({ path: CHART_SCREENSHOT, fullPage: true });

    await page.getByRole('button', { name: 'Show the numbers as a table' }).click();
    const cells = await tableRow(page, month);
    expect(cells.slice(0, 4)).toEqual([monthLabel(month), '47', '61', '77%']);
  });

  test('sees a month not every site has reported marked on the network chart and left out of its lines', async () => {
    const month = monthKey(-1);
    await openChart(page, 'Steroid-free remission');
    await page.getByLabel('Show', { exact: true }).selectOption({ label: 'Network (all sites)' });
    await expect.poll(() => page.locator('#main-chart h2').textContent(), POLL).toBe('Network (all sites)');
    // Riverside has just reported last month; the demo's other sites report it from the 6th, two never.
    const caption = page.locator('.captions__notes li').filter({ hasText: `${monthLabel(month)} has reports from` });
    await caption.waitFor();
    expect(await caption.textContent()).toMatch(
      /has reports from [1-6] of 8 sites so far: it is shown, but left out of the centre line, limits and signals\.$/,
    );
    expect(
      await page
        .locator('#main-chart svg text')
        .filter({ hasText: /^[1-6]\/8$/ })
        .count(),
    ).toBe(1);
    await page.getByRole('button', { name: 'Show the numbers as a table' }).click();
    expect((await tableRow(page, month)).at(-1)).toMatch(
      /[1-6] of 8 sites reported: left out of the lines and signals/,
    );

    await page.getByText('Chart settings: type, baseline and phases').click();
    await page.getByLabel('Count months not every site has reported yet').check();
    await page.waitForURL(/incomplete=include/);
    await expect.poll(() => caption.textContent(), POLL).toMatch(/so far, and is counted as you asked\.$/);
  });

  test('reads a shift at her site as a shift, splits the chart there, and sees the funnel allow for overdispersion', async () => {
    // The demo's Riverside adopted pre-visit planning 14 months ago and its remission went up.
    const moved = monthKey(-14);
    await openChart(page, 'Steroid-free remission');
    const shift = page
      .locator('.captions__list li')
      .filter({ hasText: `The level moved up around ${monthLabel(moved)}` });
    await shift.waitFor();
    expect(await shift.textContent()).toContain('This is an improvement.');
    expect(await page.locator('.captions__list').textContent()).not.toContain('This is a deterioration.');
    // A long run is marked once, by a band over its months, not on each point.
    expect(await page.locator('#main-chart .run-band').count()).toBeGreaterThan(0);

    const funnel = page.getByRole('region', { name: 'Sites compared' });
    await funnel.getByText(/^Limits widened for overdispersion, φ = [\d.]+:/).waitFor();
    await expectNoA11yViolations(page, 'measure chart with a shift and an overdispersed funnel');
    await funnel.getByLabel('Widen the limits for overdispersion (recommended)').uncheck();
    await page.waitForURL(/funnelLimits=plain/);
    await funnel.getByText(/these limits do not allow for that/).waitFor();

    await shift.getByRole('button', { name: `Start a new phase in ${monthLabel(moved)}` }).click();
    await page.waitForURL(new RegExp(`phase=${moved}`));
    await expect
      .poll(() => page.locator('.captions__list li').filter({ hasText: 'The level moved' }).count(), POLL)
      .toBe(0);
    await page
      .getByRole('list', { name: 'Phases' })
      .getByText(`New phase from ${monthLabel(moved, 'long')}`)
      .waitFor();
  });

  test('checks a CSV file with one bad row: the row is named by line and column, and nothing is written', async () => {
    const month = monthKey(-3);
    await openMonth(page, month);
    const before = {
      numerator: await group(page, 'Steroid-free remission').getByLabel('Numerator').inputValue(),
      denominator: await group(page, 'Steroid-free remission').getByLabel('Denominator').inputValue(),
    };
    // No Riverside month has 60 patients seen (the demo sees 61 to 83), so the good row would change it.
    expect(before.denominator).not.toBe('60');

    await page.getByRole('link', { name: 'Import many months from a CSV file' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import from a CSV file' }).waitFor();
    const csv = [
      'site,measure,month,numerator,denominator,value',
      `riverside,remission,${month},50,60,`,
      `riverside,growth-assessed,${month},70,60,`,
    ].join('\n');
    await page.getByLabel('Or paste the file here').fill(csv);
    const importButton = page.getByRole('button', { name: 'Import', exact: true });
    expect(await importButton.isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Check file' }).click();

    await page.getByRole('heading', { name: 'The file has 1 problem' }).waitFor();
    const problems = page.getByRole('table', { name: 'Problems by line and column' });
    expect(await problems.locator('tbody tr').count()).toBe(1);
    expect(await problems.locator('tbody tr td').allTextContents()).toEqual([
      '3',
      'numerator',
      'This cannot be more than the denominator.',
    ]);
    expect(await importButton.isDisabled()).toBe(true);
    await expectNoA11yViolations(page, 'import with problems');

    // The server refuses the whole file too, even when asked directly.
    const answer = await page.evaluate(
      async (body) => {
        const response = await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-commons-csrf': '1' },
          body,
        });
        return response.json();
      },
      JSON.stringify({
        query: 'mutation($n: ID!, $csv: String!) { commitMeasureImport(networkId: $n, csv: $csv) { valid } }',
        variables: { n: await networkId(page), csv },
      }),
    );
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.extensions?.problems).toEqual([
      {
        line: 3,
        column: 'numerator',
        code: 'above_denominator',
        params: {},
        message: 'cannot be more than the denominator',
      },
    ]);

    await openMonth(page, month);
    expect(await group(page, 'Steroid-free remission').getByLabel('Numerator').inputValue()).toBe(before.numerator);
    expect(await group(page, 'Steroid-free remission').getByLabel('Denominator').inputValue()).toBe(before.denominator);
  });

  test('imports a corrected file once checked', async () => {
    const month = monthKey(-4);
    await page.goto(`/n/${NETWORK_SLUG}/report/import`);
    await page
      .getByLabel('Or paste the file here')
      .fill(['site,measure,month,numerator,denominator,value', `riverside,steroid-courses,${month},,,9`].join('\n'));
    await page.getByRole('button', { name: 'Check file' }).click();
    await page.getByRole('heading', { name: 'The file is ready to import' }).waitFor();
    expect(await page.getByText(/^1 row: 1 would add or change a report/).count()).toBe(1);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Imported: 1 report changed, 0 already up to date.').waitFor();

    await openMonth(page, month);
    expect(await group(page, 'New steroid courses').getByLabel('Number (courses)').inputValue()).toBe('9');
  });

  test('finds no accessibility problems on the aim, measures, chart, report, import and completeness pages', async () => {
    await page.goto(`/n/${NETWORK_SLUG}/aim`);
    await page.getByRole('heading', { level: 1, name: 'Our shared aim' }).waitFor();
    await page.getByRole('heading', { name: 'Key driver diagram' }).waitFor();
    await page.getByText('Reliable, proactive care at every visit').waitFor();
    await page.screenshot({ path: AIM_SCREENSHOT, fullPage: true });
    await expectNoA11yViolations(page, 'aim');

    await page.goto(`/n/${NETWORK_SLUG}/measures`);
    await page.getByRole('link', { name: 'See the charts: New steroid courses' }).waitFor();
    await expectNoA11yViolations(page, 'measures');

    await openChart(page, 'Unplanned IBD admissions');
    await page.locator('.multiples .chart-surface').first().waitFor();
    await page.getByRole('button', { name: 'Show the numbers as a table' }).click();
    await page.locator('.main-chart table').waitFor();
    await page.getByText('Chart settings: type, baseline and phases').click();
    await expectNoA11yViolations(page, 'measure chart');

    await openMonth(page, monthKey(-1));
    await group(page, 'Steroid-free remission').getByText('How to count this').click();
    await expectNoA11yViolations(page, 'report form');

    await page.goto(`/n/${NETWORK_SLUG}/report/import`);
    await page.getByRole('heading', { level: 1, name: 'Import from a CSV file' }).waitFor();
    await expectNoA11yViolations(page, 'import');

    await page.goto(`/n/${NETWORK_SLUG}/completeness`);
    await page.getByRole('table', { name: 'Reports by site and month' }).waitFor();
    await expectNoA11yViolations(page, 'completeness');
    // Six full axe scans: ~40 s on a quiet machine, so more than the suite's 60 s per test.
  }, 180_000);

  test('changes the chart type, freezes a baseline and adds a phase, all kept in the address, with the settings open throughout', async () => {
    await openChart(page, 'Steroid-free remission');
    const settings = page.locator('details.chart-controls');
    const settingsOpen = () => settings.evaluate((details) => (details as HTMLDetailsElement).open);
    await page.getByText('Chart settings: type, baseline and phases').click();
    await page.getByLabel('Chart type').selectOption('RUN');
    await page.waitForURL(/chart=RUN/);
    await expect
      .poll(() => page.locator('#main-chart .muted.small').first().textContent(), POLL)
      .toMatch(/^Run chart \(median\)/);
    expect(await settingsOpen()).toBe(true);
    await page.getByLabel('Freeze the lines on the first months').fill('6');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/baseline=6/);
    expect(await settingsOpen()).toBe(true);
    const phase = monthKey(-12);
    await page.getByLabel('Start a new phase from').selectOption(phase);
    await page.getByRole('button', { name: 'Add phase' }).click();
    await page.waitForURL(new RegExp(`phase=${phase}`));
    await page
      .getByRole('list', { name: 'Phases' })
      .getByText(`New phase from ${monthLabel(phase, 'long')}`)
      .waitFor();
    await expect.poll(() => page.locator('#main-chart .phase-line').count(), POLL).toBeGreaterThan(0);
    expect(await settingsOpen()).toBe(true);

    // An I chart offers the unscreened moving ranges, as an explicit choice.
    await page.getByLabel('Chart type').selectOption('I');
    await page.waitForURL(/chart=I/);
    await page.getByLabel('Screen moving ranges (recommended)').uncheck();
    await page.waitForURL(/mr=unscreened/);
    expect(await settingsOpen()).toBe(true);
    await page.getByLabel('Chart type').selectOption('RUN');
    await page.waitForURL(/chart=RUN/);

    await page.reload();
    await page.locator('#main-chart .chart-surface').waitFor();
    expect(await page.getByLabel('Chart type').inputValue()).toBe('RUN');
    expect(await page.getByLabel('Freeze the lines on the first months').inputValue()).toBe('6');
    await page.getByRole('button', { name: 'Back to the standard chart' }).click();
    await expect.poll(() => page.url(), POLL).not.toMatch(/chart=|baseline=|phase=|mr=/);
    expect(await settingsOpen()).toBe(true);
  });
});

describe('a patient partner', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ context, page } = await newPage(browser));
    await signIn(page, demoEmail('patient'));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  test('sees the shared aim first on her home page, and no way to report', async () => {
    const first = page.locator('.card-grid > .card').first();
    expect(await first.getByRole('heading').textContent()).toBe('Our shared aim');
    await page.getByRole('link', { name: 'See the aim, the driver diagram and every site' }).click();
    await page.getByRole('heading', { level: 1, name: 'Our shared aim' }).waitFor();
    const sub = page.getByRole('navigation', { name: 'Aim and measures' });
    expect(await sub.getByRole('link').allTextContents()).toEqual(['Aim', 'Measures', 'Completeness']);
  });

  test("sees another site's small counts only as “<11” in the data table, never the numbers", async () => {
    await openChart(page, 'Biologic drug levels checked');
    await page.getByLabel('Show', { exact: true }).selectOption({ label: 'Valley General Paediatrics' });
    await expect.poll(() => page.locator('#main-chart h2').textContent(), POLL).toBe('Valley General Paediatrics');
    await page.getByText(/are hidden to protect privacy \(small numbers\)/).waitFor();
    await page.getByRole('button', { name: 'Show the numbers as a table' }).click();
    const rows = page.locator('.main-chart table tbody tr');
    await rows.first().waitFor();
    const table = await rows.evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent ?? '')),
    );
    expect(table.length).toBeGreaterThan(12);
    const withheld = table.filter(([numerator, denominator]) => numerator === '<11' || denominator === '<11');
    expect(withheld.length).toBeGreaterThan(12);
    for (const [numerator, denominator, value] of table) {
      expect(numerator).toMatch(/^(<11|\*|—)$/);
      expect(denominator).toMatch(/^(<11|\*|—)$/);
      expect(value).toMatch(/^(Hidden|—)$/);
    }
    expect(
      await page
        .getByText('“<11” stands for a number from 1 to 10, hidden to protect privacy.', { exact: false })
        .count(),
    ).toBe(1);
  });
});

/** The demo network's id, as the page's own session sees it. */
async function networkId(page: Page): Promise<string> {
  const answer = await page.evaluate(async () => {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-commons-csrf': '1' },
      body: JSON.stringify({ query: '{ me { memberships { network { id slug } } } }' }),
    });
    return response.json();
  });
  return answer.data.me.memberships.find((m: { network: { slug: string } }) => m.network.slug === 'northstar-ibd')
    .network.id;
}
