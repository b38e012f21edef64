import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoEmail, expectNoA11yViolations, launchBrowser, NETWORK_SLUG, newPage, signIn } from './support/browser';
import { graphql, myId } from './support/page-graphql';

const THREAD_SCREENSHOT = '/tmp/e2e-thread.png';
// Two cores shared with other suites: give the server time.
const POLL = { timeout: 15_000 };
const RUN = Date.now().toString(36);
const TITLE = `A question card families fill in before clinic ${RUN}`;

interface Member {
  context: BrowserContext;
  page: Page;
}

/** A signed-in member in a browser profile of her own. */
async function member(browser: Browser, who: Parameters<typeof demoEmail>[0]): Promise<Member> {
  const { context, page } = await newPage(browser);
  page.setDefaultTimeout(15_000);
  await signIn(page, demoEmail(who));
  return { context, page };
}

const discussion = (page: Page) => page.getByRole('region', { name: 'Discussion' });
const log = (page: Page) => discussion(page).getByRole('log', { name: 'Discussion' });
/** The messages in the log (pending ones included) whose text contains `text`. */
const messagesWith = (page: Page, text: string) => log(page).locator('article.message').filter({ hasText: text });
const presence = (page: Page) => discussion(page).getByRole('list', { name: 'Here now' });
const connectionSays = (page: Page, text: string) => discussion(page).getByRole('status').filter({ hasText: text });
const stepNow = (page: Page) =>
  page.getByRole('list', { name: 'Where the idea is' }).locator('[aria-current="step"] .stepper__name').textContent();

/** Opens the idea and waits until its thread is live (the member shows as here). */
async function openIdea(m: Member, ideaUrl: string, name: string): Promise<void> {
  await m.page.goto(ideaUrl);
  await m.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await presence(m.page).getByText(`${name} (you)`).waitFor();
}

/** Types into the message box key by key, as a person does (each key is an input event). */
async function typeMessage(box: Locator, text: string): Promise<void> {
  await box.click();
  await box.pressSequentially(text, { delay: 15 });
}

describe('live threads: a patient partner and a clinician co-design an idea in real time', () => {
  let browser: Browser;
  let patient: Member;
  let clinician: Member;
  let siteLead: Member;
  let ideaUrl = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    patient = await member(browser, 'patient');
    clinician = await member(browser, 'clinician');
    siteLead = await member(browser, 'sitelead');

    // The idea, proposed by the patient partner and co-designed with the clinician, is put in
    // co-design (with the site lead) through the API: the thread is what these tests are about.
    const { network } = await graphql<{ network: { id: string } }>(
      patient.page,
      'query($slug: String!) { network(slug: $slug) { id } }',
      { slug: NETWORK_SLUG },
    );
    const clinicianId = await myId(clinician.page);
    const patientId = await myId(patient.page);
    const { members } = await graphql<{ members: { nodes: { userId: string; name: string }[] } }>(
      patient.page,
      'query($networkId: ID!) { members(networkId: $networkId, filter: { search: "Oskar", role: SITE_LEAD }, first: 5) { nodes { userId name } } }',
      { networkId: network.id },
    );
    const siteLeadId = members.nodes.find((m) => m.name === 'Dr. Oskar Nyberg')!.userId;
    const { proposeChangeIdea: idea } = await graphql<{ proposeChangeIdea: { id: string } }>(
      patient.page,
      'mutation($networkId: ID!, $input: ChangeIdeaInput!) { proposeChangeIdea(networkId: $networkId, input: $input) { id } }',
      {
        networkId: network.id,
        input: {
          title: TITLE,
          problem: 'Families forget what they wanted to ask once they are in the room.',
          idea: 'A card with three questions, filled in at home and read by the team at the huddle.',
        },
      },
    );
    await graphql(
      patient.page,
      'mutation($ideaId: ID!, $userId: ID!) { inviteCoDesigner(ideaId: $ideaId, userId: $userId) { id } }',
      { ideaId: idea.id, userId: clinicianId },
    );
    await graphql(
      clinician.page,
      'mutation($ideaId: ID!) { respondToCoDesignInvitation(ideaId: $ideaId, accept: true) { id } }',
      { ideaId: idea.id },
    );
    const { changeIdea } = await graphql<{ changeIdea: { version: number } }>(
      patient.page,
      'query($id: ID!) { changeIdea(id: $id) { version } }',
      { id: idea.id },
    );
    const { proposeDecision } = await graphql<{ proposeDecision: { id: string } }>(
      patient.page,
      'mutation($ideaId: ID!, $input: ChangeIdeaDecisionInput!) { proposeDecision(ideaId: $ideaId, input: $input) { id } }',
      {
        ideaId: idea.id,
        input: {
          toStatus: 'CO_DESIGN',
          decision: 'Write the card together with the family panel.',
          rationale: 'Families asked for it.',
          participantIds: [patientId, siteLeadId],
          expectedVersion: changeIdea.version,
        },
      },
    );
    await graphql(siteLead.page, 'mutation($id: ID!) { confirmDecision(decisionId: $id) { status } }', {
      id: proposeDecision.id,
    });
    ideaUrl = `/n/${NETWORK_SLUG}/ideas/${idea.id}`;
  });

  afterAll(async () => {
    for (const m of [patient, clinician, siteLead]) await m?.context.close();
    await browser?.close();
  });

  test('the clinician sees the patient partner typing, then her message arriving, without reloading', async () => {
    await openIdea(patient, ideaUrl, 'Elin Sandberg');
    await openIdea(clinician, ideaUrl, 'Aisha Rahman');
    // Each sees the other here now.
    await presence(clinician.page).getByText('Elin Sandberg', { exact: true }).waitFor();
    await presence(patient.page).getByText('Aisha Rahman', { exact: true }).waitFor();
    expect(await log(clinician.page).getByText('No messages yet.', { exact: false }).count()).toBe(1);

    const box = discussion(patient.page).getByLabel('Write a message');
    expect(
      await box.getAttribute('aria-describedby').then((id) => patient.page.locator(`[id="${id}"]`).textContent()),
    ).toBe('Press Enter to send, or Shift+Enter for a new line. Type @ and a name to mention someone.');
    const text = 'Could the card ask what matters most at this visit?';
    const focusedBefore = await clinician.page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80));
    await typeMessage(box, text);
    await discussion(clinician.page).getByText('Elin Sandberg is typing…').waitFor();

    await box.press('Shift+Enter');
    await box.pressSequentially('Families told us that is what gets lost.', { delay: 5 });
    await box.press('Enter');
    expect(await box.inputValue()).toBe('');

    const arrived = messagesWith(clinician.page, text);
    await arrived.waitFor();
    expect(await arrived.locator('.message__author').textContent()).toBe('Elin Sandberg');
    expect(await arrived.locator('.role-badge').textContent()).toContain('Patient partner');
    // Markdown with a line break, rendered by the server: both lines are there.
    expect(await arrived.locator('.message__body').textContent()).toContain('Families told us that is what gets lost.');
    // Her typing stopped when she sent.
    await expect.poll(() => discussion(clinician.page).locator('.thread-typing').textContent(), POLL).toBe('');
    // The patient's own copy is the stored one: no longer sending.
    const own = messagesWith(patient.page, text);
    await expect.poll(() => own.locator('.message__sending').count(), POLL).toBe(0);
    expect(await own.count()).toBe(1);
    expect(await arrived.count()).toBe(1);
    // The announcer (a polite live region) says it for screen readers; focus stayed where it was.
    await expect
      .poll(() => discussion(clinician.page).getByRole('log', { name: 'New messages, read aloud' }).textContent(), POLL)
      .toContain(`Elin Sandberg wrote: ${text}`);
    expect(await clinician.page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))).toBe(focusedBefore);
  });

  test('the clinician replies mentioning the patient partner, and she sees the reply arrive live', async () => {
    const { page } = clinician;
    await discussion(page).getByRole('button', { name: 'Reply to Elin Sandberg' }).click();
    const reply = discussion(page).getByLabel('Your reply to Elin Sandberg');
    await expect.poll(() => reply.evaluate((el) => el === document.activeElement), POLL).toBe(true);
    await typeMessage(reply, 'Yes! @Elin S');
    const options = discussion(page).getByRole('listbox', { name: 'Members to mention' }).getByRole('option');
    await options.filter({ hasText: 'Elin Sandberg' }).waitFor();
    // The list may still show the matches of what was typed a moment before ("@Elin") until the
    // answer for "@Elin S" arrives. Picked with the keyboard: the first match is the active one.
    await expect.poll(() => options.count(), POLL).toBe(1);
    expect(await options.first().getAttribute('aria-selected')).toBe('true');
    expect(await reply.getAttribute('aria-activedescendant')).toBe(await options.first().getAttribute('id'));
    await reply.press('Enter');
    expect(await reply.inputValue()).toBe('Yes! @Elin Sandberg ');
    await reply.pressSequentially('let us try it at the Monday clinic.', { delay: 5 });
    await reply.press('Enter');

    const replies = discussion(patient.page).getByRole('list', { name: 'Replies to Elin Sandberg' });
    const arrived = replies.locator('article.message').filter({ hasText: 'let us try it at the Monday clinic.' });
    await arrived.waitFor();
    expect(await arrived.locator('.message__author').textContent()).toBe('Aisha Rahman');
    expect(await arrived.locator('.role-badge').textContent()).toBe('Clinician');
    // The mention is a link to her profile, with her name.
    expect(await arrived.getByRole('link', { name: '@Elin Sandberg' }).getAttribute('href')).toMatch(
      new RegExp(`/n/${NETWORK_SLUG}/members/`),
    );
    await expect
      .poll(() => discussion(patient.page).getByRole('log', { name: 'New messages, read aloud' }).textContent(), POLL)
      .toContain('Aisha Rahman replied: Yes! @Elin Sandberg let us try it at the Monday clinic.');

    // She reacts; the clinician sees the count and who reacted.
    await arrived.getByRole('button', { name: 'React to the message from Aisha Rahman' }).click();
    await arrived.getByRole('button', { name: 'Thank you' }).click();
    const reaction = discussion(page).getByRole('button', { name: 'Thank you, 1: Elin Sandberg' });
    await reaction.waitFor();
    expect(await reaction.getAttribute('aria-pressed')).toBe('false');
    await page.screenshot({ path: THREAD_SCREENSHOT, fullPage: true });
    await expectNoA11yViolations(page, 'idea page with its live thread');
  });

  test('the patient partner edits a message and takes another back: the clinician sees the edit with its history, and a tombstone in place', async () => {
    const { page } = patient;
    const original = 'Could the card ask what matters most at this visit?';
    const mine = messagesWith(page, original);
    await mine.getByRole('button', { name: 'Edit', exact: true }).click();
    const edit = discussion(page).getByLabel('Edit your message');
    await expect.poll(() => edit.evaluate((el) => el === document.activeElement), POLL).toBe(true);
    await edit.fill('Could the card ask what matters most to you at this visit?');
    await edit.press('Enter');

    const edited = messagesWith(clinician.page, 'what matters most to you at this visit?');
    await edited.waitFor();
    const marker = edited.getByRole('button', { name: 'edited: show earlier versions' });
    await marker.click();
    expect(await marker.getAttribute('aria-expanded')).toBe('true');
    const history = edited.getByRole('region', { name: 'Earlier versions' });
    await history.locator('.edit-history__body').first().waitFor();
    expect(await history.locator('.edit-history__body').allTextContents()).toEqual([
      `${original}\nFamilies told us that is what gets lost.`,
    ]);

    const box = discussion(page).getByLabel('Write a message');
    await typeMessage(box, 'A message I will take back.');
    await box.press('Enter');
    const arrived = messagesWith(clinician.page, 'A message I will take back.');
    await arrived.waitFor();
    const articles = await log(clinician.page).locator('article.message').count();
    const position = await log(clinician.page)
      .locator('article.message')
      .evaluateAll((all) => all.findIndex((a) => a.textContent?.includes('A message I will take back.')));

    const toDelete = messagesWith(page, 'A message I will take back.');
    await toDelete.getByRole('button', { name: 'Delete the message from Elin Sandberg' }).click();
    await toDelete.getByRole('button', { name: 'Delete message' }).click();
    await messagesWith(page, 'This message was deleted.').waitFor();
    // On the clinician's page the text is gone and the fact stays, in the same place.
    const tombstone = messagesWith(clinician.page, 'This message was deleted.');
    await tombstone.waitFor();
    expect(await arrived.count()).toBe(0);
    expect(await log(clinician.page).locator('article.message').count()).toBe(articles);
    expect(await log(clinician.page).locator('article.message').nth(position).textContent()).toContain(
      'This message was deleted.',
    );
    expect(await tombstone.locator('.message__author').textContent()).toBe('Elin Sandberg');
  });

  test('a message sent while the clinician is offline arrives once she is back, exactly once', async () => {
    await clinician.context.setOffline(true);
    await connectionSays(clinician.page, 'Reconnecting…').waitFor();

    const offline = 'Sent while Aisha was offline: the family panel meets on Thursday.';
    const box = discussion(patient.page).getByLabel('Write a message');
    await typeMessage(box, offline);
    await box.press('Enter');
    const own = messagesWith(patient.page, offline);
    await own.waitFor();
    await expect.poll(() => own.locator('.message__sending').count(), POLL).toBe(0);
    // Stored and acknowledged, while the clinician's page is still cut off and has not got it.
    expect(await connectionSays(clinician.page, 'Reconnecting…').count()).toBe(1);
    expect(await messagesWith(clinician.page, offline).count()).toBe(0);

    await clinician.context.setOffline(false);
    await messagesWith(clinician.page, offline).waitFor({ timeout: 30_000 });
    await connectionSays(clinician.page, "Back online. You're up to date.").waitFor();

    // Once the next message arrives live, the one from offline is still there once, not twice.
    const after = 'And this one came live again.';
    await typeMessage(box, after);
    await box.press('Enter');
    await messagesWith(clinician.page, after).waitFor();
    expect(await messagesWith(clinician.page, offline).count()).toBe(1);
    expect(await messagesWith(clinician.page, after).count()).toBe(1);
    expect(await log(clinician.page).locator('article.message').count()).toBe(5);
  });

  test('the patient partner proposes testing with the site lead; once he confirms, both pages show the new status and the decision', async () => {
    const { page } = patient;
    await page.getByRole('button', { name: 'Propose a decision' }).click();
    const participants = page.getByRole('group', { name: 'Who takes part' });
    await participants.getByRole('checkbox', { name: /^Dr\. Oskar Nyberg ·/ }).waitFor();
    await page.getByRole('radio', { name: 'Test it at sites' }).check();
    await page.getByLabel('What was decided').fill('Test the question card at the Riverside Monday clinic.');
    await page.getByLabel('Why', { exact: true }).fill('The thread agreed on the wording.');
    await participants.getByRole('checkbox', { name: /^Dr\. Oskar Nyberg ·/ }).check();
    await page.getByRole('button', { name: 'Propose the decision' }).click();
    await page
      .getByText(
        'The decision is proposed. The idea moves to “Being tested” once a co-designer and a site lead or network admin have confirmed it, you included.',
      )
      .waitFor();
    // The clinician's open page shows the decision waiting, live.
    const waiting = clinician.page.getByRole('region', { name: 'A decision is waiting for confirmations' });
    await waiting.getByText('Dr. Oskar Nyberg · Site lead · has not answered yet').waitFor(POLL);
    expect(await stepNow(clinician.page)).toBe('Being co-designed');

    const { changeIdea } = await graphql<{ changeIdea: { pendingDecision: { id: string } } }>(
      siteLead.page,
      'query($id: ID!) { changeIdea(id: $id) { pendingDecision { id } } }',
      {
        id: ideaUrl.split('/').pop(),
      },
    );
    await graphql(siteLead.page, 'mutation($id: ID!) { confirmDecision(decisionId: $id) { status } }', {
      id: changeIdea.pendingDecision.id,
    });

    await expect.poll(() => stepNow(page), POLL).toBe('Being tested');
    const latest = (p: Page) =>
      p.getByRole('list', { name: 'Decisions taken, newest first' }).locator(':scope > li').first();
    expect(await latest(page).getByRole('heading').textContent()).toBe('From “Being co-designed” to “Being tested”');
    // The thread is still live on her page after the idea reloaded.
    expect(await messagesWith(page, 'And this one came live again.').count()).toBe(1);

    // The clinician's open page shows the decision live, without a reload.
    await expect.poll(() => stepNow(clinician.page), POLL).toBe('Being tested');
    expect(await latest(clinician.page).getByRole('heading').textContent()).toBe(
      'From “Being co-designed” to “Being tested”',
    );
    expect(await latest(clinician.page).textContent()).toContain(
      'Test the question card at the Riverside Monday clinic.',
    );
    expect((await latest(clinician.page).locator('.decision-people__name').allTextContents()).sort()).toEqual([
      'Dr. Oskar Nyberg',
      'Elin Sandberg',
    ]);
    expect(
      await latest(clinician.page)
        .locator('.decision-people__item')
        .filter({ hasText: 'Dr. Oskar Nyberg' })
        .textContent(),
    ).toMatch(/^Dr\. Oskar Nyberg · Site lead · confirmed /);
    // Her thread is still live, with everything, each message once.
    await presence(clinician.page).getByText('Aisha Rahman (you)').waitFor();
    expect(await log(clinician.page).locator('article.message').count()).toBe(5);
  });

  test('messages written while the clinician was elsewhere come after a "New messages" line, and are marked read once she has seen them', async () => {
    // She has read everything so far: the thread is on her screen.
    await log(clinician.page).scrollIntoViewIfNeeded();
    await expect.poll(() => discussion(clinician.page).locator('.thread-panel__unread').count(), POLL).toBe(0);
    await clinician.page.goto(`/n/${NETWORK_SLUG}`);
    await clinician.page.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor();
    const box = discussion(patient.page).getByLabel('Write a message');
    const unseen = 'Are you coming to the family panel on Thursday?';
    await typeMessage(box, unseen);
    await box.press('Enter');
    await expect.poll(() => messagesWith(patient.page, unseen).locator('.message__sending').count(), POLL).toBe(0);

    await openIdea(clinician, ideaUrl, 'Aisha Rahman');
    const items = log(clinician.page).locator('.thread-messages > li');
    const divided = items.filter({ has: clinician.page.locator('.thread-divider') });
    expect(await divided.count()).toBe(1);
    expect(await divided.locator('.thread-divider').textContent()).toBe('New messages');
    expect(await divided.locator('article.message').textContent()).toContain(unseen);
    // The idea opens at its top: the thread is below, not seen yet.
    expect(await discussion(clinician.page).locator('.thread-panel__unread').textContent()).toBe('1 unread');
    // Seen on screen: her read marker moves, so the unread count goes and the line does not come back.
    await log(clinician.page).scrollIntoViewIfNeeded();
    await expect.poll(() => discussion(clinician.page).locator('.thread-panel__unread').count(), POLL).toBe(0);
    await clinician.page.reload();
    await presence(clinician.page).getByText('Aisha Rahman (you)').waitFor();
    await messagesWith(clinician.page, unseen).waitFor();
    expect(await log(clinician.page).locator('.thread-divider').count()).toBe(0);
  });
});
