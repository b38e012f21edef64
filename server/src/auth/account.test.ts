import { generateSync } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../test-support/graphql-client';
import { linkIn, SmtpSink } from '../test-support/smtp-sink';
import { TEST_PASSWORD, TestApp, type TestMember } from '../test-support/test-app';

const CHANGE_PASSWORD = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`;
const REQUEST_RESET = `mutation($email: String!) { requestPasswordReset(input: { email: $email }) }`;
const RESET = `mutation($token: String!, $password: String!) { resetPassword(input: { token: $token, newPassword: $password }) }`;
const REQUEST_EMAIL_CHANGE = `mutation($email: String!, $password: String!) { requestEmailChange(input: { newEmail: $email, currentPassword: $password }) }`;
const CONFIRM_EMAIL_CHANGE = `mutation($token: String!) { confirmEmailChange(input: { token: $token }) }`;
const BEGIN_2FA = `mutation { beginTwoFactorEnrolment { secret otpauthUri qrSvg } }`;
const ENABLE_2FA = `mutation($code: String!) { enableTwoFactor(input: { code: $code }) }`;
const COMPLETE_2FA = `mutation($challenge: String!, $code: String!) { completeTwoFactorSignIn(input: { challenge: $challenge, code: $code }) { id } }`;
const NEW_PASSWORD = 'a brand new passphrase';

const codeOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  result.errors?.[0]?.extensions?.code;
const signedOut = async (client: TestClient) => {
  const result = await client.gql(`{ me { id } }`);
  return result.data?.me == null;
};
const ACCOUNT_MAIL = /password|lösenord|address|adress|two-factor|tvåsteg/i;

describe('accounts people can keep safe', () => {
  let sink: SmtpSink;
  let app: TestApp;
  let admin: TestMember;
  let networkId: string;
  let siteA: string;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    app = await TestApp.start({ SMTP_URL: sink.url, MAIL_POLL_SECONDS: '0.5', MAIL_WORKERS: 'true' });
    const created = await app.newNetwork(1);
    admin = created.admin;
    networkId = created.network.id;
    siteA = created.sites[0].id;
  });

  afterAll(async () => {
    await app?.server.close();
    await app?.database.drop();
    await sink?.close();
  });

  it('changes the password with the current one, ending her other sessions and telling her by email', async () => {
    const member = await app.newMember(admin, networkId, 'CLINICIAN', siteA);
    const otherDevice = app.client();
    await otherDevice.signIn(member.email, TEST_PASSWORD);
    expect((await otherDevice.ok(`{ me { id } }`)).me.id).toBe(member.userId);

    const wrong = await member.client.gql(CHANGE_PASSWORD, {
      input: { currentPassword: 'not my password', newPassword: NEW_PASSWORD },
    });
    expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.currentPassword' });
    const short = await member.client.gql(CHANGE_PASSWORD, {
      input: { currentPassword: TEST_PASSWORD, newPassword: 'short' },
    });
    expect(short.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.newPassword' });

    const changed = await member.client.ok(CHANGE_PASSWORD, {
      input: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(changed.changePassword).toBe(1);
    expect(await signedOut(otherDevice)).toBe(true);
    expect((await member.client.ok(`{ me { id } }`)).me.id).toBe(member.userId);
    expect(codeOf(await app.client().signIn(member.email, TEST_PASSWORD))).toBe('UNAUTHENTICATED');
    expect((await app.client().signIn(member.email, NEW_PASSWORD)).errors).toBeUndefined();
    const [notice] = await sink.waitForMail(member.email, 1, ACCOUNT_MAIL);
    expect(notice.parsed.subject).toBe('Your Commons password was changed');
    expect(notice.parsed.headerLines.some((h) => h.key === 'list-unsubscribe')).toBe(false);
  });

  it('resets a forgotten password with a single-use link from the email, ending every session', async () => {
    const member = await app.newMember(admin, networkId, 'CLINICIAN', siteA);
    await app.prisma.user.update({ where: { id: member.userId }, data: { locale: 'sv' } });
    const anonymous = app.client();
    expect((await anonymous.ok(REQUEST_RESET, { email: 'nobody-here@example.org' })).requestPasswordReset).toBe(true);
    expect((await anonymous.ok(REQUEST_RESET, { email: member.email })).requestPasswordReset).toBe(true);

    const [mail] = await sink.waitForMail(member.email, 1, /lösenord/);
    expect(mail.parsed.subject).toBe('Återställ ditt lösenord på Commons');
    expect(mail.parsed.html).toContain('<html lang="sv">');
    const link = linkIn(mail.parsed.text!, `${app.url}/reset-password/`);
    const token = link.split('/reset-password/')[1];

    expect((await anonymous.ok(RESET, { token, password: NEW_PASSWORD })).resetPassword).toBe(true);
    expect(await signedOut(member.client)).toBe(true);
    const again = await anonymous.gql(RESET, { token, password: 'yet another passphrase' });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.token' });
    expect((await app.client().signIn(member.email, NEW_PASSWORD)).errors).toBeUndefined();
    const mails = await sink.waitForMail(member.email, 2, /lösenord/);
    expect(mails[1].parsed.subject).toBe('Ditt lösenord på Commons har återställts');
    expect(sink.received.some((m) => m.to.includes('nobody-here@example.org'))).toBe(false);
    // The stored copy of the reset email no longer holds its link.
    const stored = await app.prisma.emailMessage.findFirst({
      where: { toAddress: member.email, kind: 'PASSWORD_RESET' },
      select: { text: true },
    });
    expect(stored?.text).not.toContain(token);
  });

  it('sends at most three reset emails an hour to one address, answering the same', async () => {
    const member = await app.newMember(admin, networkId, 'CLINICIAN', siteA);
    for (let i = 0; i < 5; i += 1)
      expect((await app.client().ok(REQUEST_RESET, { email: member.email })).requestPasswordReset).toBe(true);
    await sink.waitForMail(member.email, 3, /password/i);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(sink.to(member.email, /Reset your/)).toHaveLength(3);
  });

  it('changes the address after a link sent to the new one is opened, and tells the old one', async () => {
    const member = await app.newMember(admin, networkId, 'CLINICIAN', siteA);
    const newEmail = app.newEmail('moved');
    const taken = await member.client.gql(REQUEST_EMAIL_CHANGE, { email: admin.email, password: TEST_PASSWORD });
    expect(taken.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.newEmail' });
    expect(
      (await member.client.ok(REQUEST_EMAIL_CHANGE, { email: newEmail, password: TEST_PASSWORD })).requestEmailChange,
    ).toBe(true);
    const [verify] = await sink.waitForMail(newEmail);
    expect(verify.parsed.subject).toBe('Confirm your new Commons email address');
    const token = linkIn(verify.parsed.text!, `${app.url}/confirm-email/`).split('/confirm-email/')[1];
    expect((await app.client().ok(CONFIRM_EMAIL_CHANGE, { token })).confirmEmailChange).toBe(newEmail);
    const [notice] = await sink.waitForMail(member.email, 1, /address was changed/);
    expect(notice.parsed.text).toContain(newEmail);
    expect((await app.client().signIn(newEmail, TEST_PASSWORD)).errors).toBeUndefined();
    expect(codeOf(await app.client().gql(CONFIRM_EMAIL_CHANGE, { token }))).toBe('BAD_USER_INPUT');
  });

  it('turns on two-factor sign-in with a code from the secret; sign-in then needs a code, never the same one twice', async () => {
    const member = await app.newMember(admin, networkId, 'SITE_LEAD', siteA);
    const { beginTwoFactorEnrolment: enrolment } = await member.client.ok(BEGIN_2FA);
    expect(enrolment.otpauthUri).toContain(`secret=${enrolment.secret}`);
    expect(enrolment.qrSvg).toContain('<svg');
    expect(codeOf(await member.client.gql(ENABLE_2FA, { code: '000000' }))).toBe('BAD_USER_INPUT');
    const firstCode = generateSync({ secret: enrolment.secret });
    const { enableTwoFactor: recoveryCodes } = await member.client.ok(ENABLE_2FA, { code: firstCode });
    expect(recoveryCodes).toHaveLength(10);
    const stored = await app.prisma.twoFactorRecoveryCode.findMany({
      where: { userId: member.userId },
      select: { codeHash: true },
    });
    expect(stored.map((row) => row.codeHash)).not.toContain(recoveryCodes[0]);
    await sink.waitForMail(member.email, 1, /Two-factor sign-in is on/);

    const browser = app.client();
    const first = await browser.signIn(member.email, TEST_PASSWORD);
    expect(first.errors?.[0].extensions?.code).toBe('TWO_FACTOR_REQUIRED');
    const challenge = first.errors![0].extensions!.challenge as string;
    expect(await signedOut(browser)).toBe(true);
    // The code that turned it on was used: it is refused even within its 30 seconds.
    expect(codeOf(await browser.gql(COMPLETE_2FA, { challenge, code: firstCode }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await browser.gql(COMPLETE_2FA, { challenge, code: recoveryCodes[0] }))).toBeUndefined();
    expect((await browser.ok(`{ me { id } }`)).me.id).toBe(member.userId);

    // A recovery code works once.
    const second = app.client();
    const challenge2 = (await second.signIn(member.email, TEST_PASSWORD)).errors![0].extensions!.challenge as string;
    expect(codeOf(await second.gql(COMPLETE_2FA, { challenge: challenge2, code: recoveryCodes[0] }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      (await member.client.ok(`{ accountSecurity { twoFactorEnabled recoveryCodesLeft } }`)).accountSecurity,
    ).toEqual({ twoFactorEnabled: true, recoveryCodesLeft: 9 });
  });

  it('limits the codes tried on a sign-in challenge', async () => {
    const member = await app.newMember(admin, networkId, 'CLINICIAN', siteA);
    const { beginTwoFactorEnrolment: enrolment } = await member.client.ok(BEGIN_2FA);
    await member.client.ok(ENABLE_2FA, { code: generateSync({ secret: enrolment.secret }) });
    const browser = app.client();
    const challenge = (await browser.signIn(member.email, TEST_PASSWORD)).errors![0].extensions!.challenge as string;
    const codes = [];
    for (let i = 0; i < 6; i += 1) codes.push(codeOf(await browser.gql(COMPLETE_2FA, { challenge, code: '123456' })));
    expect(codes.slice(0, 5).every((code) => code === 'BAD_USER_INPUT' || code === 'TOO_MANY_REQUESTS')).toBe(true);
    expect(codes[5]).toMatch(/TOO_MANY_REQUESTS|UNAUTHENTICATED/);
  });

  it('a network can require two-factor of its admins and site leads', async () => {
    const { network, sites, admin: owner } = await app.newNetwork(1);
    const lead = await app.newMember(owner, network.id, 'SITE_LEAD', sites[0].id);
    const clinician = await app.newMember(owner, network.id, 'CLINICIAN', sites[0].id);
    const SET = `mutation($n: ID!, $on: Boolean!) { setMailSettings(networkId: $n, input: { reportDueDay: 12, reportReminderDays: 4, requireTwoFactorForLeads: $on }) { requireTwoFactorForLeads reportDueDay } }`;
    expect(codeOf(await owner.client.gql(SET, { n: network.id, on: true }))).toBe('TWO_FACTOR_SETUP_REQUIRED');
    expect(codeOf(await lead.client.gql(SET, { n: network.id, on: false }))).toBe('FORBIDDEN');
    const { beginTwoFactorEnrolment: enrolment } = await owner.client.ok(BEGIN_2FA);
    await owner.client.ok(ENABLE_2FA, { code: generateSync({ secret: enrolment.secret }) });
    expect((await owner.client.ok(SET, { n: network.id, on: true })).setMailSettings).toEqual({
      requireTwoFactorForLeads: true,
      reportDueDay: 12,
    });

    const MEMBERS = `query($n: ID!) { members(networkId: $n) { totalCount } }`;
    expect(codeOf(await lead.client.gql(MEMBERS, { n: network.id }))).toBe('TWO_FACTOR_SETUP_REQUIRED');
    expect(codeOf(await clinician.client.gql(MEMBERS, { n: network.id }))).toBeUndefined();
    const { beginTwoFactorEnrolment: leadEnrolment } = await lead.client.ok(BEGIN_2FA);
    await lead.client.ok(ENABLE_2FA, { code: generateSync({ secret: leadEnrolment.secret }) });
    expect(codeOf(await lead.client.gql(MEMBERS, { n: network.id }))).toBeUndefined();
    const bad = await owner.client.gql(
      `mutation($n: ID!) { setMailSettings(networkId: $n, input: { reportDueDay: 31, reportReminderDays: 4, requireTwoFactorForLeads: true }) { reportDueDay } }`,
      { n: network.id },
    );
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reportDueDay' });
  });
});
