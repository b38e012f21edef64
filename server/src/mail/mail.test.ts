import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONFIRM_DECISION,
  CREATE_CYCLE,
  cycleInput,
  ideaInTesting,
  newIdea,
  proposeDecision,
} from '../test-support/change-ideas';
import { INVITE_TO_GROUP, newGroup } from '../test-support/groups';
import { newMeasure } from '../test-support/measures';
import { headerOf, linkIn, SmtpSink } from '../test-support/smtp-sink';
import { TestApp, type TestMember } from '../test-support/test-app';
import { NotificationMailService } from './notification-mail.service';
import { reminderFor, ReportRemindersService } from './report-reminders.service';

const SET_PREFERENCE = `mutation($kind: NotificationKind!, $email: Boolean!, $f: EmailFrequency) {
  setNotificationPreference(kind: $kind, inApp: true, email: $email, emailFrequency: $f) { kind email emailFrequency } }`;
/** Emails about a network's life (not invitations): their subject starts with [network name]. */
const NETWORK_MAIL = /^\[/;
const EMAIL_LOG = `query($networkId: ID!, $status: EmailStatus, $userId: ID) {
  emailLog(networkId: $networkId, status: $status, userId: $userId) { totalCount nodes { kind toAddress status subject text lastError attempts } } }`;

describe('email through a real SMTP server', () => {
  let sink: SmtpSink;
  let app: TestApp;
  let admin: TestMember;
  let networkId: string;
  let slug: string;
  let siteA: string;
  let lead: TestMember;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    app = await TestApp.start({
      SMTP_URL: sink.url,
      MAIL_FROM: 'Commons <commons@example.org>',
      MAIL_POLL_SECONDS: '0.5',
      MAIL_WORKERS: 'true',
      NOTIFICATION_EMAIL_DELAY_MINUTES: '0',
    });
    const created = await app.newNetwork(2);
    admin = created.admin;
    networkId = created.network.id;
    slug = created.network.slug;
    siteA = created.sites[0].id;
    lead = await app.newMember(admin, networkId, 'SITE_LEAD', siteA, 'Lena Lead');
  });

  afterAll(async () => {
    await app?.server.close();
    await app?.database.drop();
    await sink?.close();
  });

  it("emails an invitation once, in the inviter's language, with a link that opens the invitation", async () => {
    await app.prisma.user.update({ where: { id: admin.userId }, data: { locale: 'sv' } });
    const { email, token } = await app.newInvitation(admin, networkId, { role: 'CLINICIAN', siteId: siteA });
    const [mail] = await sink.waitForMail(email);
    expect(mail.parsed.subject).toBe('Du är inbjuden till Network 1');
    expect(mail.parsed.from?.value[0].address).toBe('commons@example.org');
    expect(mail.parsed.messageId).toMatch(/@example\.org>?$/);
    expect(mail.parsed.html).toContain('<html lang="sv">');
    const link = linkIn(mail.parsed.text!, `${app.url}/invite/`);
    expect(link).toBe(`${app.url}/invite/${token}`);
    const preview = await app
      .client()
      .ok(`query($t: String!) { invitationPreview(token: $t) { email status } }`, { t: link.split('/invite/')[1] });
    expect(preview.invitationPreview).toEqual({ email, status: 'PENDING' });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(sink.to(email)).toHaveLength(1);
    await app.prisma.user.update({ where: { id: admin.userId }, data: { locale: null } });
  });

  it('emails a notification set to IMMEDIATE once, with a one-click unsubscribe that works without signing in', async () => {
    const member = await app.newMember(admin, networkId, 'CLINICIAN', siteA, 'Ines Immediate');
    const saved = await member.client.ok(SET_PREFERENCE, { kind: 'GROUP_INVITE', email: true, f: 'IMMEDIATE' });
    expect(saved.setNotificationPreference).toEqual({ kind: 'GROUP_INVITE', email: true, emailFrequency: 'IMMEDIATE' });
    const group = await newGroup(lead, networkId, { name: 'Transition clinic' });
    await lead.client.ok(INVITE_TO_GROUP, { groupId: group.id, userId: member.userId });
    await app.server.app.get(NotificationMailService).sendImmediate();
    await app.server.app.get(NotificationMailService).sendImmediate();

    const [mail] = await sink.waitForMail(member.email, 1, NETWORK_MAIL);
    expect(mail.parsed.subject).toBe('[Network 1] Lena Lead invited you to the group Transition clinic');
    expect(mail.parsed.text).toContain(`${app.url}/n/${slug}/groups/${group.id}`);
    expect(mail.parsed.html).toContain(`href="${app.url}/n/${slug}/groups/${group.id}"`);
    expect(headerOf(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const listUnsubscribe = { url: headerOf(mail, 'List-Unsubscribe')!.replace(/^<|>$/g, '') };
    expect(listUnsubscribe.url).toMatch(new RegExp(`^${app.url}/mail/unsubscribe/`));

    // RFC 8058: a POST with the one-click body, no cookie, no CSRF header.
    const posted = await fetch(listUnsubscribe.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(posted.status).toBe(200);
    const prefs = await member.client.ok(`{ notificationPreferences { kind emailFrequency } }`);
    expect(prefs.notificationPreferences.find((p: { kind: string }) => p.kind === 'GROUP_INVITE').emailFrequency).toBe(
      'OFF',
    );
    expect((await fetch(`${app.url}/mail/unsubscribe/not-a-token`, { method: 'POST' })).status).toBe(404);

    // The link in the text opens the confirmation page, which reads the link's scope.
    const page = linkIn(mail.parsed.text!, `${app.url}/unsubscribe/`);
    const info = await app
      .client()
      .ok(`query($t: String!) { unsubscribeInfo(token: $t) { scope done } }`, { t: page.split('/unsubscribe/')[1] });
    expect(info.unsubscribeInfo).toEqual({ scope: 'GROUP_INVITE', done: true });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(sink.to(member.email, NETWORK_MAIL)).toHaveLength(1);
  });

  it('emails a decision on an idea she endorsed and a PDSA cycle starting at her site, each once, linking where the app does', async () => {
    const clinician = await app.newMember(admin, networkId, 'CLINICIAN', siteA, 'Elin Endorser');
    await app.prisma.user.update({ where: { id: clinician.userId }, data: { locale: 'sv' } });
    const patient = await app.newMember(admin, networkId, 'PATIENT_PARTNER', siteA, 'Pia Patient');
    for (const kind of ['IDEA_DECISION', 'PDSA_AT_SITE'] as const)
      await clinician.client.ok(SET_PREFERENCE, { kind, email: true, f: 'IMMEDIATE' });
    const idea = await newIdea(patient, networkId, { title: 'Family-held lab calendar' });
    await clinician.client.ok(`mutation($id: ID!) { endorseChangeIdea(ideaId: $id, endorsed: true) { id } }`, {
      id: idea.id,
    });
    const decision = await proposeDecision(patient, idea, 'CO_DESIGN', [lead]);
    await lead.client.ok(CONFIRM_DECISION, { decisionId: decision.id });
    const testing = await ideaInTesting(patient, lead, networkId, { title: 'Text reminders before labs' });
    await lead.client.ok(CREATE_CYCLE, {
      ideaId: testing.id,
      input: cycleInput(siteA, { title: 'Monday lab clinic texts' }),
    });
    await app.server.app.get(NotificationMailService).sendImmediate();

    const mails = await sink.waitForMail(clinician.email, 2, NETWORK_MAIL);
    const subjects = mails.map((mail) => mail.parsed.subject);
    expect(subjects).toContain('[Network 1] Ett beslut har fattats om Family-held lab calendar');
    expect(subjects).toContain('[Network 1] En PDSA-cykel på din enhet: Text reminders before labs');
    const inApp = await clinician.client.ok(`query($n: ID!) { notifications(networkId: $n) { nodes { kind link } } }`, {
      n: networkId,
    });
    for (const kind of ['IDEA_DECISION', 'PDSA_AT_SITE']) {
      const node = inApp.notifications.nodes.find((n: { kind: string }) => n.kind === kind);
      const mail = mails.find((m) => m.parsed.subject!.includes(kind === 'IDEA_DECISION' ? 'beslut' : 'PDSA'))!;
      expect(mail.parsed.text).toContain(`${app.url}/n/${slug}/${node.link}`);
      expect(mail.parsed.html).toContain('<html lang="sv">');
      const unsubscribe = headerOf(mail, 'List-Unsubscribe')!.replace(/^<|>$/g, '');
      expect(
        (
          await fetch(unsubscribe, {
            method: 'POST',
            body: 'List-Unsubscribe=One-Click',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
          })
        ).status,
      ).toBe(200);
    }
    const prefs = await clinician.client.ok(`{ notificationPreferences { kind emailFrequency } }`);
    expect(prefs.notificationPreferences.filter((p: { emailFrequency: string }) => p.emailFrequency !== 'OFF')).toEqual(
      [],
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(sink.to(clinician.email, NETWORK_MAIL)).toHaveLength(2);
  });

  it('does not email a notification she read in the app first', async () => {
    const member = await app.newMember(admin, networkId, 'CLINICIAN', siteA, 'Rita Reader');
    await member.client.ok(SET_PREFERENCE, { kind: 'GROUP_INVITE', email: true, f: 'IMMEDIATE' });
    const group = await newGroup(lead, networkId, { name: 'Read first' });
    await lead.client.ok(INVITE_TO_GROUP, { groupId: group.id, userId: member.userId });
    await member.client.ok(`mutation($n: ID!) { markAllNotificationsRead(networkId: $n) }`, { n: networkId });
    expect(await app.server.app.get(NotificationMailService).sendImmediate()).toBe(0);
    expect(await app.prisma.emailMessage.count({ where: { userId: member.userId } })).toBe(0);
  });

  it('sends a daily digest in Swedish, grouped by change idea, thread and group, leaving out what was read and what is old', async () => {
    const member = await app.newMember(admin, networkId, 'CLINICIAN', siteA, 'Dagny Digest');
    await app.prisma.user.update({ where: { id: member.userId }, data: { locale: 'sv' } });
    for (const kind of ['MENTION', 'REPLY', 'IDEA_DECISION', 'GROUP_INVITE'] as const)
      await member.client.ok(SET_PREFERENCE, { kind, email: true, f: 'DAILY' });
    const ideaId = '11111111-1111-4111-8111-111111111111';
    const resourceId = '22222222-2222-4222-8222-222222222222';
    const base = { userId: member.userId, networkId, actorId: lead.userId };
    await app.prisma.notification.createMany({
      data: [
        {
          ...base,
          kind: 'IDEA_DECISION',
          subjectType: 'CHANGE_IDEA',
          subjectId: ideaId,
          payload: { ideaId, ideaTitle: 'Pre-visit planning', decision: 'Adopt it network-wide' },
        },
        {
          ...base,
          kind: 'MENTION',
          subjectType: 'MESSAGE',
          subjectId: '33333333-3333-4333-8333-333333333333',
          payload: {
            threadSubjectType: 'CHANGE_IDEA',
            threadSubjectId: ideaId,
            subjectTitle: 'Pre-visit planning',
            excerpt: 'What do you think?',
            actorName: 'Lena Lead',
          },
        },
        {
          ...base,
          kind: 'REPLY',
          subjectType: 'MESSAGE',
          subjectId: '44444444-4444-4444-8444-444444444444',
          payload: {
            threadSubjectType: 'RESOURCE',
            threadSubjectId: resourceId,
            subjectTitle: 'Transition checklist',
            excerpt: 'Thanks!',
            actorName: 'Lena Lead',
          },
        },
        {
          ...base,
          kind: 'REPLY',
          subjectType: 'MESSAGE',
          subjectId: '55555555-5555-4555-8555-555555555555',
          payload: {
            threadSubjectType: 'RESOURCE',
            threadSubjectId: resourceId,
            subjectTitle: 'Transition checklist',
            excerpt: 'Already read',
          },
          readAt: new Date(),
        },
        {
          ...base,
          kind: 'REPLY',
          subjectType: 'MESSAGE',
          subjectId: '66666666-6666-4666-8666-666666666666',
          payload: {
            threadSubjectType: 'RESOURCE',
            threadSubjectId: resourceId,
            subjectTitle: 'Transition checklist',
            excerpt: 'Long ago',
          },
          createdAt: new Date(Date.now() - 30 * 86_400_000),
        },
      ],
    });
    const mailer = app.server.app.get(NotificationMailService);
    expect(await mailer.sendDigests('DAILY')).toBe(1);
    expect(await mailer.sendDigests('DAILY')).toBe(0);
    const [mail] = await sink.waitForMail(member.email, 1, NETWORK_MAIL);
    expect(mail.parsed.subject).toBe('[Network 1] Dagens sammanfattning: 3 nyheter');
    expect(mail.parsed.html).toContain('<html lang="sv">');
    const text = mail.parsed.text!;
    expect(text).toContain(`Förändringsidé: Pre-visit planning (${app.url}/n/${slug}/ideas/${ideaId})`);
    expect(text).toContain(`Resurs: Transition checklist (${app.url}/n/${slug}/commons/${resourceId})`);
    expect(text).toContain('Lena Lead nämnde dig i Pre-visit planning: “What do you think?”');
    expect(text).not.toContain('Already read');
    expect(text).not.toContain('Long ago');
    expect(text.indexOf('Förändringsidé')).toBeLessThan(text.indexOf('Resurs'));
    expect(headerOf(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
  });

  it('keeps a kind set to WEEKLY out of the daily digest, for the weekly one', async () => {
    const member = await app.newMember(admin, networkId, 'CLINICIAN', siteA, 'Wilma Weekly');
    await member.client.ok(SET_PREFERENCE, { kind: 'GROUP_INVITE', email: true, f: 'WEEKLY' });
    const group = await newGroup(lead, networkId, { name: 'Weekly readers' });
    await lead.client.ok(INVITE_TO_GROUP, { groupId: group.id, userId: member.userId });
    const mailer = app.server.app.get(NotificationMailService);
    await mailer.sendDigests('DAILY');
    expect(await app.prisma.emailMessage.count({ where: { userId: member.userId } })).toBe(0);
    await mailer.sendDigests('WEEKLY');
    const [mail] = await sink.waitForMail(member.email, 1, NETWORK_MAIL);
    expect(mail.parsed.subject).toBe('[Network 1] Your weekly digest: 1 new update');
    expect(mail.parsed.text).toContain(`Group: Weekly readers (${app.url}/n/${slug}/groups/${group.id})`);
  });

  it("reminds a site's reporting team that the month is due, then overdue, until it is submitted", async () => {
    const clinician = await app.newMember(admin, networkId, 'CLINICIAN', siteA, 'Rut Reporter');
    const patient = await app.newMember(admin, networkId, 'PATIENT_PARTNER', siteA, 'Pat Patient');
    const measure = await newMeasure(admin, networkId);
    await app.prisma.network.update({ where: { id: networkId }, data: { reportDueDay: 10, reportReminderDays: 3 } });
    const reminders = app.server.app.get(ReportRemindersService);

    expect(await reminders.send(new Date('2026-03-07T07:00:00Z'))).toBeGreaterThanOrEqual(2);
    const [due] = await sink.waitForMail(clinician.email, 1, NETWORK_MAIL);
    expect(due.parsed.subject).toBe('[Network 1] The February 2026 report is due in 3 days');
    expect(due.parsed.text).toContain(`${app.url}/n/${slug}/report?month=2026-02`);
    expect(headerOf(due, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    await sink.waitForMail(lead.email, 1, /report/);
    expect(sink.to(patient.email, NETWORK_MAIL)).toHaveLength(0);
    expect(await reminders.send(new Date('2026-03-07T09:00:00Z'))).toBe(0);
    expect(await reminders.send(new Date('2026-03-08T07:00:00Z'))).toBe(0);

    const overdue = await reminders.send(new Date('2026-03-11T07:00:00Z'));
    expect(overdue).toBeGreaterThanOrEqual(2);
    const mails = await sink.waitForMail(clinician.email, 2, NETWORK_MAIL);
    expect(mails[1].parsed.subject).toBe('[Network 1] The February 2026 report is overdue');

    await app.prisma.measureReport.create({
      data: {
        networkId,
        siteId: siteA,
        measureId: measure.id,
        month: '2026-02',
        numerator: 1,
        denominator: 2,
        status: 'SUBMITTED',
        submittedAt: new Date(),
        updatedById: clinician.userId,
      },
    });
    expect(await reminders.send(new Date('2026-03-18T07:00:00Z'))).toBe(0);
  });

  it('works out which reminder a day brings', () => {
    expect(reminderFor(new Date('2026-03-07T00:00:00Z'), 10, 3)).toMatchObject({
      month: '2026-02',
      overdue: false,
      daysLeft: 3,
    });
    expect(reminderFor(new Date('2026-03-10T00:00:00Z'), 10, 3)).toBeNull();
    expect(reminderFor(new Date('2026-03-11T00:00:00Z'), 10, 3)).toMatchObject({ month: '2026-02', overdue: true });
    expect(reminderFor(new Date('2026-03-12T00:00:00Z'), 10, 3)).toBeNull();
    expect(reminderFor(new Date('2026-03-18T00:00:00Z'), 10, 3)).toMatchObject({ overdue: true });
    expect(reminderFor(new Date('2026-01-05T00:00:00Z'), 8, 3)).toMatchObject({ month: '2025-12', daysLeft: 3 });
  });

  it('records a bounce, which network admins see in the mail log (and others may not read)', async () => {
    const email = app.newEmail('bounce');
    sink.reject.add(email);
    await app.newInvitation(admin, networkId, { role: 'CLINICIAN', siteId: siteA, email });
    const deadline = Date.now() + 15_000;
    let log;
    do {
      await new Promise((resolve) => setTimeout(resolve, 300));
      log = await admin.client.ok(EMAIL_LOG, { networkId, status: 'BOUNCED' });
    } while (log.emailLog.totalCount === 0 && Date.now() < deadline);
    expect(log.emailLog.nodes).toEqual([
      expect.objectContaining({ kind: 'INVITATION', toAddress: email, status: 'BOUNCED', attempts: 1 }),
    ]);
    expect(log.emailLog.nodes[0].lastError).toMatch(/550/);
    const forbidden = await lead.client.gql(EMAIL_LOG, { networkId });
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const summary = await admin.client.ok(`query($n: ID!) { memberMailSummary(networkId: $n) { name sent } }`, {
      n: networkId,
    });
    expect(summary.memberMailSummary.length).toBeGreaterThan(0);
  });
});

describe('email without SMTP: the outbox', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start({ MAIL_POLL_SECONDS: '0.5', MAIL_WORKERS: 'true' });
  });

  afterAll(async () => {
    await app?.server.close();
    await app?.database.drop();
  });

  it('keeps emails in the database, where network admins read them', async () => {
    const { network, sites, admin } = await app.newNetwork(1);
    const invited = await admin.client.ok(
      `mutation($n: ID!, $input: InvitationInput!) { inviteMember(networkId: $n, input: $input) { emailed link } }`,
      { n: network.id, input: { email: 'outbox@example.org', role: 'CLINICIAN', siteId: sites[0].id } },
    );
    expect(invited.inviteMember.emailed).toBe(false);
    const settings = await admin.client.ok(`query($n: ID!) { mailSettings(networkId: $n) { transport } }`, {
      n: network.id,
    });
    expect(settings.mailSettings.transport).toBe('OUTBOX');
    const deadline = Date.now() + 15_000;
    let log;
    do {
      await new Promise((resolve) => setTimeout(resolve, 300));
      log = await admin.client.ok(EMAIL_LOG, { networkId: network.id });
    } while (log.emailLog.nodes[0]?.status !== 'SENT' && Date.now() < deadline);
    expect(log.emailLog.nodes[0]).toMatchObject({
      kind: 'INVITATION',
      toAddress: 'outbox@example.org',
      status: 'SENT',
    });
    expect(log.emailLog.nodes[0].text).toContain(invited.inviteMember.link);
  });
});
