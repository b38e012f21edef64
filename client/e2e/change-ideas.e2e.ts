import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoEmail, expectNoA11yViolations, launchBrowser, NETWORK_SLUG, newPage, signIn } from './support/browser';

const IDEA_SCREENSHOT = '/tmp/e2e-idea.png';
const CHART_SCREENSHOT = '/tmp/e2e-idea-chart.png';
const LIST_SCREENSHOT = '/tmp/e2e-idea-list.png';
const DIAGRAM_SCREENSHOT = '/tmp/e2e-idea-diagram.png';
// The server answers while other suites run on two cores: give it time.
const POLL = { timeout: 15_000 };
const TITLE = `Send the meal plan as a text before clinic ${Date.now().toString(36)}`;
const CYCLE = 'Texts before the Monday clinic';

/** The first day of the month `offset` months from now (UTC), as YYYY-MM-DD. */
function firstOfMonth(offset: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString().slice(0, 10);
}

interface Member {
  context: BrowserContext;
  page: Page;
}

/** A signed-in member in a browser profile of her own. */
async function member(browser: Browser, who: Parameters<typeof demoEmail>[0]): Promise<Member> {
  const { context, page } = await newPage(browser);
  await signIn(page, demoEmail(who));
  return { context, page };
}

/** Opens the idea from the list of change ideas. */
async function openIdea(page: Page): Promise<void> {
  await page.goto(`/n/${NETWORK_SLUG}/ideas?status=OPEN`);
  await page.getByRole('link', { name: TITLE }).click();
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
}

const stepNow = (page: Page) =>
  page.getByRole('list', { name: 'Where the idea is' }).locator('[aria-current="step"] .stepper__name').textContent();
const participants = (page: Page) => page.getByRole('group', { name: 'Who takes part' });
const pendingDecision = (page: Page) => page.getByRole('region', { name: 'A decision is waiting for confirmations' });

/** Opens the decision form and waits until the site leads and admins are listed to pick from. */
async function openDecisionForm(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Propose a decision' }).click();
  await participants(page)
    .getByRole('checkbox', { name: /^Maya Lindqvist ·/ })
    .waitFor();
}

/** Fills the decision form: the move, what and why, and the participants to tick besides the recorder. */
async function fillDecision(
  page: Page,
  move: string,
  decision: string,
  rationale: string,
  others: string[],
): Promise<void> {
  await page.getByRole('radio', { name: move }).check();
  await page.getByLabel('What was decided').fill(decision);
  await page.getByLabel('Why', { exact: true }).fill(rationale);
  for (const name of others)
    await participants(page)
      .getByRole('checkbox', { name: new RegExp(`^${name} ·`) })
      .check();
}

describe('co-designing a change idea, from proposal to a PDSA cycle on the chart', () => {
  let browser: Browser;
  let patient: Member;
  let clinician: Member;
  let siteLead: Member;

  beforeAll(async () => {
    browser = await launchBrowser();
    patient = await member(browser, 'patient');
    clinician = await member(browser, 'clinician');
    siteLead = await member(browser, 'sitelead');
  });

  afterAll(async () => {
    for (const m of [patient, clinician, siteLead]) await m?.context.close();
    await browser?.close();
  });

  test('a patient partner proposes an idea, checked field by field, and invites a clinician to co-design it', async () => {
    const { page } = patient;
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Change ideas' }).click();
    await page.getByRole('heading', { level: 1, name: 'Change ideas' }).waitFor();
    await expect
      .poll(
        () =>
          page
            .getByRole('status')
            .filter({ hasText: /^Showing \d+ of \d+ change ideas$/ })
            .count(),
        POLL,
      )
      .toBe(1);
    // The demo has an idea no patient or family member co-designs: the list says so.
    await page.getByText('No patient or family voice yet').first().waitFor();
    await page.screenshot({ path: LIST_SCREENSHOT, fullPage: true });
    await expectNoA11yViolations(page, 'change ideas list');

    await page.getByRole('link', { name: 'Propose a change idea' }).click();
    await page.getByRole('heading', { level: 1, name: 'Propose a change idea' }).waitFor();
    await page.getByLabel('Title').fill('Hi');
    await page.getByRole('button', { name: 'Propose the idea' }).click();
    await page.getByText('Use at least 3 characters.').waitFor();
    expect(await page.getByLabel('The problem it addresses').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.getByLabel('Title').evaluate((el) => el === document.activeElement), POLL).toBe(true);

    await page.getByLabel('Title').fill(TITLE);
    await page
      .getByLabel('The problem it addresses')
      .fill('Families forget what the dietitian said, and the plan changes between visits.');
    await page
      .getByLabel('The idea')
      .fill(
        'The dietitian texts a photo of the **meal plan** the week before clinic.\n\n- families bring questions\n- the team sees what changed',
      );
    await page.getByRole('checkbox', { name: /^Pre-visit planning huddles/ }).check();
    await page.getByRole('button', { name: 'Propose the idea' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText('Your idea is proposed.', { exact: false }).waitFor();
    expect(await stepNow(page)).toBe('Proposed');
    expect(await page.locator('.markdown strong').textContent()).toBe('meal plan');
    expect(await page.getByRole('link', { name: 'Pre-visit planning huddles' }).getAttribute('href')).toMatch(
      new RegExp(`/n/${NETWORK_SLUG}/aim#driver-`),
    );
    const coDesigners = page.getByRole('region', { name: 'Co-designers' });
    expect(await coDesigners.locator('.role-mix__roles').textContent()).toBe('Co-designing: 1 patient partner');
    expect(await coDesigners.getByText('No patient or family voice yet').count()).toBe(0);

    await coDesigners.getByLabel('Find a member by name').fill('Aisha');
    await coDesigners.getByRole('button', { name: 'Find' }).click();
    await coDesigners.getByRole('button', { name: 'Invite Aisha Rahman' }).click();
    await coDesigners.getByText('Aisha Rahman is invited to co-design the idea.').waitFor();
    await coDesigners.getByRole('heading', { name: 'Invited, waiting for an answer' }).waitFor();
    await expectNoA11yViolations(page, 'idea page (proposed)');
  });

  test('the clinician accepts, which shows in the mix of roles, and endorses it', async () => {
    const { page } = clinician;
    await openIdea(page);
    await page.getByText('Elin Sandberg invited you to co-design this idea').waitFor();
    await page.getByRole('button', { name: 'Accept and co-design' }).click();
    await page.getByText('You now co-design this idea.').waitFor();
    const coDesigners = page.getByRole('region', { name: 'Co-designers' });
    await expect
      .poll(() => coDesigners.locator('.role-mix__roles').textContent(), POLL)
      .toBe('Co-designing: 1 patient partner, 1 clinician');

    const endorsements = page.getByRole('region', { name: 'Endorsements' });
    await endorsements.getByRole('button', { name: 'Endorse this idea' }).click();
    await endorsements.getByRole('button', { name: 'Withdraw my endorsement' }).waitFor();
    const byGroup = endorsements.getByRole('list', { name: 'Endorsements by group' }).getByRole('listitem');
    await expect
      .poll(() => byGroup.allTextContents(), POLL)
      .toEqual([
        'Patients0 endorsements',
        'Families0 endorsements',
        'Clinicians1 endorsement',
        'Researchers0 endorsements',
        'Site teams0 endorsements',
        'Network staff0 endorsements',
      ]);
  });

  test('the site lead proposes the move to co-design together with the proposer, after being told he cannot alone; she confirms it', async () => {
    const { page } = siteLead;
    await openIdea(page);
    await openDecisionForm(page);
    const moves = page.getByRole('group', { name: 'Where should the idea go?' }).getByRole('radio');
    expect(await moves.evaluateAll((radios) => radios.map((r) => (r as HTMLInputElement).value))).toEqual([
      'CO_DESIGN',
      'ABANDONED',
    ]);
    expect(await participants(page).getByRole('status').textContent()).toBe(
      'Not enough yet: add the person who proposed the idea or one of its co-designers.',
    );

    await fillDecision(
      page,
      'Co-design it',
      'Shape the text with the family panel first.',
      'Families asked for it and the dietitians are keen.',
      ['Elin Sandberg'],
    );
    expect(await participants(page).getByRole('status').textContent()).toBe(
      'Enough people to decide: Elin Sandberg (Patient partner, co-designing) together with Dr. Oskar Nyberg (Site lead).',
    );
    await page.getByRole('button', { name: 'Propose the decision' }).click();
    await page
      .getByText(
        'The decision is proposed. The idea moves to “Being co-designed” once a co-designer and a site lead or network admin have confirmed it, you included.',
      )
      .waitFor();
    // Proposing moves nothing: it waits for Elin.
    await pendingDecision(page)
      .getByText('Elin Sandberg · Patient partner · co-designer · has not answered yet')
      .waitFor();
    expect(await stepNow(page)).toBe('Proposed');

    await openIdea(patient.page);
    await pendingDecision(patient.page)
      .getByLabel('Your comment or reason (optional)')
      .fill('Yes, the panel meets on Tuesday.');
    await pendingDecision(patient.page).getByRole('button', { name: 'Confirm' }).click();
    await patient.page
      .getByText('You confirmed, and the decision has taken effect: the idea is “Being co-designed”.')
      .waitFor();
    // The site lead's open page shows it taking effect, live.
    await expect.poll(() => stepNow(page), POLL).toBe('Being co-designed');
    const latest = page.getByRole('list', { name: 'Decisions taken, newest first' }).locator(':scope > li').first();
    expect(await latest.getByRole('heading').textContent()).toBe('From “Proposed” to “Being co-designed”');
    expect((await latest.locator('.decision-people__name').allTextContents()).sort()).toEqual([
      'Dr. Oskar Nyberg',
      'Elin Sandberg',
    ]);
    expect(await latest.locator('.decision-people__item').filter({ hasText: 'Elin Sandberg' }).textContent()).toMatch(
      /Patient partner · co-designer · confirmed .+Yes, the panel meets on Tuesday\./,
    );
  });

  test('a stale decision shows the idea as it is now; then the site lead and a co-designer move it to testing', async () => {
    // The clinician starts a decision on the page she loaded while the idea was in co-design…
    await openIdea(clinician.page);
    await openDecisionForm(clinician.page);
    await fillDecision(
      clinician.page,
      'Test it at sites',
      'Test it at Riverside.',
      'The family panel is happy with the text.',
      ['Dr. Oskar Nyberg'],
    );

    // …and her laptop loses the network (so the live "idea changed" cannot reach her page) while
    // the site lead proposes the same move with the proposer, who confirms it.
    await clinician.page.context().setOffline(true);
    const { page } = siteLead;
    await openDecisionForm(page);
    await fillDecision(
      page,
      'Test it at sites',
      'Test the texts at Riverside for a month.',
      'The family panel approved the wording.',
      ['Elin Sandberg'],
    );
    await page.getByRole('button', { name: 'Propose the decision' }).click();
    await page
      .getByText(
        'The decision is proposed. The idea moves to “Being tested” once a co-designer and a site lead or network admin have confirmed it, you included.',
      )
      .waitFor();
    await pendingDecision(patient.page).getByRole('button', { name: 'Confirm' }).click();
    await patient.page
      .getByText('You confirmed, and the decision has taken effect: the idea is “Being tested”.')
      .waitFor();
    await expect.poll(() => stepNow(page), POLL).toBe('Being tested');
    await page.screenshot({ path: IDEA_SCREENSHOT, fullPage: true });

    await clinician.page.context().setOffline(false);
    await clinician.page.getByRole('button', { name: 'Propose the decision' }).click();
    const conflict = clinician.page.getByRole('alert').filter({ hasText: 'The idea changed while you were writing' });
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('It is now: Being tested. Nothing was recorded');
    // The page reloads the idea: the moves offered are now those from testing, and her text is kept.
    await expect.poll(() => stepNow(clinician.page), POLL).toBe('Being tested');
    const moves = clinician.page.getByRole('group', { name: 'Where should the idea go?' }).getByRole('radio');
    await expect
      .poll(() => moves.evaluateAll((radios) => radios.map((r) => (r as HTMLInputElement).value)), POLL)
      .toEqual(['ADOPTED', 'ADAPTED', 'ABANDONED', 'CO_DESIGN']);
    expect(await clinician.page.getByLabel('What was decided').inputValue()).toBe('Test it at Riverside.');
    await clinician.page.getByRole('button', { name: 'Cancel' }).first().click();
    expect(
      await clinician.page.getByRole('list', { name: 'Decisions taken, newest first' }).locator(':scope > li').count(),
    ).toBe(2);
  });

  test('the clinician starts a PDSA cycle at Riverside with a prediction, and it appears on the Riverside chart', async () => {
    const { page } = clinician;
    await openIdea(page);
    const pdsa = page.getByRole('region', { name: 'PDSA cycles: tests at sites' });
    await pdsa.getByRole('button', { name: 'Start a PDSA cycle' }).click();
    // The form comes in its own chunk.
    await pdsa.getByLabel('Site').waitFor();
    expect(await pdsa.getByLabel('Site').locator('option').allTextContents()).toEqual([
      "Riverside Children's Hospital",
    ]);
    await pdsa.getByLabel('Name of the cycle').fill(CYCLE);
    await pdsa
      .getByLabel('Plan', { exact: true })
      .fill('The dietitian texts the meal plan to families booked for the Monday clinic.');
    await pdsa.getByRole('button', { name: 'Save the cycle' }).click();
    await pdsa.getByText('This is required.').waitFor();
    expect(await pdsa.getByLabel('Prediction', { exact: true }).getAttribute('aria-invalid')).toBe('true');

    await pdsa
      .getByLabel('Prediction', { exact: true })
      .fill('Half of the families will bring questions about the plan.');
    await pdsa.getByLabel('Start date').fill(firstOfMonth(-1));
    await pdsa.getByRole('checkbox', { name: 'Steroid-free remission' }).check();
    await pdsa.getByRole('button', { name: 'Save the cycle' }).click();
    await pdsa.getByText("Cycle 1 at Riverside Children's Hospital is saved.").waitFor();
    const card = pdsa.getByRole('article', { name: `Cycle 1: ${CYCLE}` });
    await card.waitFor();
    expect(await card.locator('.pdsa-cycle__prediction dd').textContent()).toBe(
      'Half of the families will bring questions about the plan.',
    );
    await expectNoA11yViolations(page, 'idea page (testing, with a cycle)');

    await card.getByRole('link', { name: "Steroid-free remission at Riverside Children's Hospital" }).click();
    await page.getByRole('heading', { level: 1, name: 'Steroid-free remission' }).waitFor();
    await page.locator('#main-chart .chart-surface').waitFor();
    expect(await page.locator('#main-chart h2').textContent()).toBe("Riverside Children's Hospital");
    const list = page.getByRole('region', { name: "Tests of change at Riverside Children's Hospital (PDSA cycles)" });
    const item = list.getByRole('listitem').filter({ has: page.getByRole('link', { name: `Cycle 1: ${CYCLE}` }) });
    await item.waitFor();
    expect(await item.textContent()).toContain(`idea: ${TITLE}`);
    expect(await item.textContent()).toContain('still running');
    // Its band is drawn with its letter, beside the demo's earlier cycles at Riverside.
    const marker = (await item.locator('.pdsa-annotations__marker').textContent()) ?? '';
    await expect.poll(() => page.locator('#main-chart .pdsa-band').count(), POLL).toBeGreaterThan(0);
    expect(await page.locator('#main-chart svg text').allTextContents()).toContain(marker);
    await page.screenshot({ path: CHART_SCREENSHOT, fullPage: true });
  });

  test('the driver diagram lists the idea under the driver it should move, linked to its page', async () => {
    const { page } = patient;
    await page.goto(`/n/${NETWORK_SLUG}/aim`);
    const ideas = page.getByRole('list', { name: 'Change ideas for Pre-visit planning huddles' });
    await ideas.getByRole('link', { name: TITLE }).waitFor();
    expect(await ideas.getByRole('listitem').filter({ hasText: TITLE }).textContent()).toBe(`${TITLE} · Being tested`);
    await page.screenshot({ path: DIAGRAM_SCREENSHOT, fullPage: true });
    await ideas.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  });
});
