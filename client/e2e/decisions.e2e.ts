import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoEmail, expectNoA11yViolations, launchBrowser, NETWORK_SLUG, newPage, signIn } from './support/browser';
import { graphql, myId } from './support/page-graphql';

const HOME_SCREENSHOT = '/tmp/e2e-decisions-home.png';
const IDEA_SCREENSHOT = '/tmp/e2e-decisions-idea.png';
// Two cores shared with other suites: give the server time.
const POLL = { timeout: 20_000 };
const RUN = Date.now().toString(36);
const TITLE = `A calm corner in the infusion unit ${RUN}`;
const QUESTION = 'Shall we try the calm corner on Tuesdays first?';

/** A member in a browser profile of her own, with the idea open in one tab and, for some, her home page in another. */
interface Member {
  context: BrowserContext;
  idea: Page;
  home: Page;
}

async function member(browser: Browser, who: Parameters<typeof demoEmail>[0]): Promise<Member> {
  const { context, page } = await newPage(browser);
  page.setDefaultTimeout(20_000);
  await signIn(page, demoEmail(who));
  const idea = await context.newPage();
  idea.setDefaultTimeout(20_000);
  idea.on('pageerror', (error) => console.error(`[browser] ${error.message}`));
  return { context, idea, home: page };
}

const stepNow = (page: Page) =>
  page.getByRole('list', { name: 'Where the idea is' }).locator('[aria-current="step"] .stepper__name').textContent();
const waiting = (page: Page) => page.getByRole('region', { name: 'A decision is waiting for confirmations' });
const discussion = (page: Page) => page.getByRole('region', { name: 'Discussion' });
const proposal = (page: Page) => discussion(page).getByRole('article', { name: QUESTION });
/** The positions of one voice group in the proposal's tally, as "agree abstain disagree block". */
const tallyOf = async (page: Page, group: string) => {
  const row = proposal(page)
    .getByRole('table', { name: /^Positions by group/ })
    .getByRole('row', { name: new RegExp(`^${group}`) });
  return (await row.locator('td').allTextContents()).join(' ');
};
/** The card on the home page that lists the decisions waiting for her, and this idea's in it. */
const waitingCard = (page: Page) => page.getByRole('region', { name: 'Decisions waiting for you' });
const cardItem = (page: Page): Locator => waitingCard(page).getByRole('article', { name: TITLE });

/** Opens the idea and waits until its discussion is live (she shows as here). */
async function openIdea(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await discussion(page).getByRole('list', { name: 'Here now' }).getByText(`${name} (you)`).waitFor();
}

describe('decisions truly taken together: a clinician, a patient partner and a site lead', () => {
  let browser: Browser;
  let patient: Member;
  let clinician: Member;
  let siteLead: Member;
  let ideaUrl = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    [patient, clinician, siteLead] = [
      await member(browser, 'patient'),
      await member(browser, 'clinician'),
      await member(browser, 'sitelead'),
    ];

    // The idea, proposed by the clinician and co-designed with the patient partner, is put in
    // co-design (confirmed by the site lead) through the API: what follows is what is tested here.
    const { network } = await graphql<{ network: { id: string } }>(
      clinician.home,
      'query($slug: String!) { network(slug: $slug) { id } }',
      { slug: NETWORK_SLUG },
    );
    const [patientId, clinicianId, siteLeadId] = [
      await myId(patient.home),
      await myId(clinician.home),
      await myId(siteLead.home),
    ];
    const { proposeChangeIdea: idea } = await graphql<{ proposeChangeIdea: { id: string; version: number } }>(
      clinician.home,
      'mutation($networkId: ID!, $input: ChangeIdeaInput!) { proposeChangeIdea(networkId: $networkId, input: $input) { id version } }',
      {
        networkId: network.id,
        input: {
          title: TITLE,
          problem: 'Children waiting for an infusion sit in a busy corridor for up to an hour.',
          idea: 'A quiet corner with a screen, cushions and headphones, booked by families in advance.',
        },
      },
    );
    await graphql(
      clinician.home,
      'mutation($ideaId: ID!, $userId: ID!) { inviteCoDesigner(ideaId: $ideaId, userId: $userId) { id } }',
      { ideaId: idea.id, userId: patientId },
    );
    await graphql(
      patient.home,
      'mutation($ideaId: ID!) { respondToCoDesignInvitation(ideaId: $ideaId, accept: true) { id } }',
      { ideaId: idea.id },
    );
    const { proposeDecision } = await graphql<{ proposeDecision: { id: string } }>(
      clinician.home,
      'mutation($ideaId: ID!, $input: ChangeIdeaDecisionInput!) { proposeDecision(ideaId: $ideaId, input: $input) { id } }',
      {
        ideaId: idea.id,
        input: {
          toStatus: 'CO_DESIGN',
          decision: 'Design the corner with families.',
          rationale: 'Families asked for it.',
          participantIds: [clinicianId, siteLeadId],
          expectedVersion: idea.version,
        },
      },
    );
    await graphql(siteLead.home, 'mutation($id: ID!) { confirmDecision(decisionId: $id) { status } }', {
      id: proposeDecision.id,
    });
    ideaUrl = `/n/${NETWORK_SLUG}/ideas/${idea.id}`;
  });

  afterAll(async () => {
    for (const m of [patient, clinician, siteLead]) await m?.context.close();
    await browser?.close();
  });

  test('the clinician proposes a move to testing; the patient partner and the site lead confirm from their home cards; all three pages show it live', async () => {
    await openIdea(clinician.idea, ideaUrl, 'Aisha Rahman');
    await openIdea(patient.idea, ideaUrl, 'Elin Sandberg');
    await openIdea(siteLead.idea, ideaUrl, 'Dr. Oskar Nyberg');
    for (const m of [patient, siteLead]) {
      await m.home.goto(`/n/${NETWORK_SLUG}`);
      await waitingCard(m.home).waitFor();
      expect(await cardItem(m.home).count()).toBe(0);
    }

    const page = clinician.idea;
    await page.getByRole('button', { name: 'Propose a decision' }).click();
    const participants = page.getByRole('group', { name: 'Who takes part' });
    await participants.getByRole('checkbox', { name: /^Dr\. Oskar Nyberg ·/ }).waitFor();
    await page.getByRole('radio', { name: 'Test it at sites' }).check();
    await page.getByLabel('What was decided').fill('Test the calm corner for four weeks at Riverside.');
    await page
      .getByLabel('Why', { exact: true })
      .fill('Families chose the cushions and the screen; the unit has the space.');
    await participants.getByRole('checkbox', { name: /^Elin Sandberg ·/ }).check();
    await participants.getByRole('checkbox', { name: /^Dr\. Oskar Nyberg ·/ }).check();
    await page.getByRole('button', { name: 'Propose the decision' }).click();
    await page
      .getByText(
        'The decision is proposed. The idea moves to “Being tested” once a co-designer and a site lead or network admin have confirmed it, you included.',
      )
      .waitFor();

    // Nothing moves yet, on any page; the waiting decision shows on all three, and on both home cards, live.
    for (const m of [clinician, patient, siteLead]) {
      await waiting(m.idea)
        .getByText('Elin Sandberg · Patient partner · co-designer · has not answered yet')
        .waitFor(POLL);
      expect(await stepNow(m.idea)).toBe('Being co-designed');
    }
    for (const m of [patient, siteLead]) await cardItem(m.home).waitFor(POLL);
    expect(await cardItem(patient.home).textContent()).toContain(
      'Aisha Rahman proposes: from “Being co-designed” to “Being tested”.',
    );
    expect(await cardItem(patient.home).textContent()).toContain('Test the calm corner for four weeks at Riverside.');
    await patient.home.screenshot({ path: HOME_SCREENSHOT, fullPage: true });
    await expectNoA11yViolations(patient.home, 'home page with a decision waiting');

    // The patient partner confirms from her home card, with a comment.
    await cardItem(patient.home).getByLabel('Your comment or reason (optional)').fill('Yes, and please add a blanket.');
    await cardItem(patient.home).getByRole('button', { name: 'Confirm' }).click();
    await patient.home
      .getByText(
        `You confirmed the decision on “${TITLE}”. It takes effect once a co-designer and a site lead or network admin have confirmed.`,
      )
      .waitFor();
    await expect.poll(() => cardItem(patient.home).count(), POLL).toBe(0);
    for (const m of [clinician, patient, siteLead]) {
      await waiting(m.idea)
        .locator('.decision-people__item')
        .filter({ hasText: 'Elin Sandberg' })
        .getByText('Yes, and please add a blanket.')
        .waitFor(POLL);
      expect(await stepNow(m.idea)).toBe('Being co-designed');
    }
    // The site lead's card says who has confirmed so far.
    await expect
      .poll(() => cardItem(siteLead.home).textContent(), POLL)
      .toContain('Confirmed so far: Aisha Rahman, Elin Sandberg.');

    // The site lead confirms last: the idea moves, and every open page shows it.
    await cardItem(siteLead.home).getByRole('button', { name: 'Confirm' }).click();
    await siteLead.home
      .getByText(`You confirmed the decision on “${TITLE}”, and it has taken effect: it is “Being tested”.`)
      .waitFor();
    for (const m of [clinician, patient, siteLead]) {
      await expect.poll(() => stepNow(m.idea), POLL).toBe('Being tested');
      const latest = m.idea.getByRole('list', { name: 'Decisions taken, newest first' }).locator(':scope > li').first();
      expect(await latest.getByRole('heading').textContent()).toBe('From “Being co-designed” to “Being tested”');
      const people = latest.locator('.decision-people__item');
      expect(await people.count()).toBe(3);
      expect(await people.filter({ hasText: 'Aisha Rahman' }).textContent()).toMatch(
        /^Aisha Rahman · Clinician · co-designer · confirmed /,
      );
      expect(await people.filter({ hasText: 'Elin Sandberg' }).textContent()).toMatch(
        /^Elin Sandberg · Patient partner · co-designer · confirmed .+Yes, and please add a blanket\.$/,
      );
      expect(await people.filter({ hasText: 'Dr. Oskar Nyberg' }).textContent()).toMatch(
        /^Dr\. Oskar Nyberg · Site lead · confirmed /,
      );
      expect(await waiting(m.idea).count()).toBe(0);
    }
    await expectNoA11yViolations(clinician.idea, 'idea page after the decision took effect');
  });

  test('a proposal in the same thread gets positions from all three, and the tally by group updates live on each page', async () => {
    const page = clinician.idea;
    await discussion(page).getByRole('button', { name: 'Open a proposal' }).click();
    await discussion(page).getByLabel('Question').fill(QUESTION);
    await discussion(page).getByLabel('Details (optional)').fill('Tuesdays have the most infusions.');
    await discussion(page).getByRole('button', { name: 'Open the proposal' }).click();
    await page.getByText(`Your proposal “${QUESTION}” is open.`).waitFor();
    for (const m of [clinician, patient, siteLead]) {
      await proposal(m.idea).waitFor(POLL);
      expect(await tallyOf(m.idea, 'Patients and families')).toBe('0 0 0 0');
    }
    // Only its proposer sees who has not answered yet: the people taking part in the idea.
    expect(await proposal(page).locator('.proposal__missing').textContent()).toBe(
      'Not answered yet: Aisha Rahman, Elin Sandberg.',
    );
    expect(await proposal(patient.idea).locator('.proposal__missing').count()).toBe(0);

    const take = async (m: Member, position: string, reason: string) => {
      const form = proposal(m.idea).getByRole('form', { name: `Your position on “${QUESTION}”` });
      await form.getByRole('radio', { name: position, exact: true }).check();
      if (reason) await form.getByLabel(position === 'Block' ? 'Why you block' : 'Your reason (optional)').fill(reason);
      await form.getByRole('button', { name: /my position$/ }).click();
      await proposal(m.idea).getByText(`Your position is saved: ${position}.`).waitFor();
    };

    await take(patient, 'Agree', 'Tuesdays suit families after school.');
    for (const m of [clinician, patient, siteLead])
      await expect.poll(() => tallyOf(m.idea, 'Patients and families'), POLL).toBe('1 0 0 0');
    await expect
      .poll(() => proposal(page).locator('.proposal__missing').textContent(), POLL)
      .toBe('Not answered yet: Aisha Rahman.');

    await take(siteLead, 'Block', 'Tuesdays are the audit day: the unit has no spare nurse.');
    for (const m of [clinician, patient, siteLead]) {
      await expect.poll(() => tallyOf(m.idea, 'Site teams'), POLL).toBe('0 0 0 1');
      await proposal(m.idea).getByText('A block stands', { exact: false }).waitFor(POLL);
    }

    await take(clinician, 'Agree', '');
    for (const m of [clinician, patient, siteLead])
      await expect.poll(() => tallyOf(m.idea, 'Clinicians'), POLL).toBe('1 0 0 0');
    await expect
      .poll(() => proposal(page).locator('.proposal__missing').textContent(), POLL)
      .toBe('Everyone taking part in the idea has answered.');

    // The site lead lifts the block; everyone sees it go.
    await take(siteLead, 'Disagree', 'Wednesdays would be easier for the unit.');
    for (const m of [clinician, patient, siteLead]) {
      await expect.poll(() => tallyOf(m.idea, 'Site teams'), POLL).toBe('0 0 1 0');
      await expect.poll(() => proposal(m.idea).getByText('A block stands', { exact: false }).count(), POLL).toBe(0);
    }
    const positions = () =>
      proposal(patient.idea)
        .getByRole('list', { name: 'Who took which position' })
        .getByRole('listitem')
        .allTextContents();
    await expect
      .poll(positions, POLL)
      .toEqual([
        'Elin Sandberg · Patient partner: AgreeTuesdays suit families after school.',
        'Dr. Oskar Nyberg · Site lead: DisagreeWednesdays would be easier for the unit.',
        'Aisha Rahman · Clinician: Agree',
      ]);
    await page.screenshot({ path: IDEA_SCREENSHOT, fullPage: true });
    for (const m of [clinician, patient, siteLead])
      await expectNoA11yViolations(m.idea, 'idea page with a proposal and its tally');
  });
});
