import type { Role } from '@commons/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, type GraphqlResponse } from '../test-support/graphql-client';
import { TEST_PASSWORD, TestApp, type TestMember } from '../test-support/test-app';

const REGISTER = `mutation Register($input: RegisterInput!) {
  register(input: $input) { id email name memberships { role active network { id } site { id } } }
}`;
const SIGN_IN = `mutation SignIn($input: SignInInput!) { signIn(input: $input) { id email } }`;
const SIGN_OUT = `mutation { signOut }`;
const ME = `{ me { id email } }`;
const PREVIEW = `query($token: String!) { invitationPreview(token: $token) { status email } }`;

const DAY_MS = 86_400_000;

/** The session cookie a response set, as its attributes (names lower-cased). */
function sessionCookieOf(result: GraphqlResponse) {
  const header = result.headers.getSetCookie().find((cookie) => cookie.startsWith('commons_session='));
  if (!header) return null;
  const [pair, ...attributes] = header.split(';').map((part) => part.trim());
  const map = new Map(
    attributes.map((attribute) => {
      const [key, ...value] = attribute.split('=');
      return [key.toLowerCase(), value.join('=')] as const;
    }),
  );
  return { value: pair.slice('commons_session='.length), attributes: map };
}

describe('registration from an invitation', () => {
  let app: TestApp;
  let networkId: string;
  let siteId: string;
  let admin: TestMember;

  beforeAll(async () => {
    app = await TestApp.start();
    const made = await app.newNetwork(2);
    networkId = made.network.id;
    siteId = made.sites[1].id;
    admin = made.admin;
  });
  afterAll(async () => {
    await app?.stop();
  });

  const invite = (role: Role = 'PATIENT_PARTNER', email?: string) =>
    app.newInvitation(admin, networkId, { role, siteId, email });
  const register = (input: { token: string; email: string; name?: string; password?: string }) =>
    app.client().gql(REGISTER, { input: { name: 'New Person', password: TEST_PASSWORD, ...input } });
  const usersWithEmail = (email: string) => app.prisma.user.count({ where: { email: email.toLowerCase() } });
  const previewStatus = async (token: string) => (await app.client().ok(PREVIEW, { token })).invitationPreview.status;

  it('creates the account and the membership the invitation offers, and signs the person in', async () => {
    const invitation = await invite('CLINICIAN');
    const client = app.client();

    const result = await client.gql(REGISTER, {
      input: { token: invitation.token, email: invitation.email, name: '  Ines Invited ', password: TEST_PASSWORD },
    });

    expect(result.errors).toBeUndefined();
    expect(result.data.register).toMatchObject({
      email: invitation.email,
      name: 'Ines Invited',
      memberships: [{ role: 'CLINICIAN', active: true, network: { id: networkId }, site: { id: siteId } }],
    });
    const cookie = sessionCookieOf(result);
    expect(cookie?.attributes.has('httponly')).toBe(true);
    expect(cookie?.attributes.get('samesite')?.toLowerCase()).toBe('lax');
    expect((await client.ok(ME)).me).toEqual({ id: result.data.register.id, email: invitation.email });
    expect(await previewStatus(invitation.token)).toBe('ACCEPTED');
  });

  it('accepts the invited address typed in another letter case, and stores it lower-cased', async () => {
    const invitation = await invite();

    const result = await register({ token: invitation.token, email: invitation.email.toUpperCase() });

    expect(result.errors).toBeUndefined();
    expect(result.data.register.email).toBe(invitation.email);
  });

  it.each([
    ['a malformed email', 'input.email', { email: 'not-an-email' }],
    ['a password shorter than 10 characters', 'input.password', { password: 'short' }],
    ['an empty name', 'input.name', { name: '   ' }],
  ])('refuses %s with BAD_USER_INPUT on %s and creates nothing', async (_, field, override) => {
    const invitation = await invite();

    const result = await register({ token: invitation.token, email: invitation.email, ...override });

    expect(errorOf(result)).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(sessionCookieOf(result)).toBeNull();
    expect(await usersWithEmail(invitation.email)).toBe(0);
    expect(await previewStatus(invitation.token)).toBe('PENDING');
  });

  it('refuses an email that is not the address the invitation was sent to', async () => {
    const invitation = await invite();
    const otherEmail = app.newEmail('someone-else');

    const result = await register({ token: invitation.token, email: otherEmail });

    expect(errorOf(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.email' });
    expect(await usersWithEmail(otherEmail)).toBe(0);
    expect(await usersWithEmail(invitation.email)).toBe(0);
    expect(await previewStatus(invitation.token)).toBe('PENDING');
  });

  it('refuses an address that already has an account with CONFLICT on input.email', async () => {
    // Another network invites someone who already has an account here.
    const existing = await app.newMember(admin, networkId, 'RESEARCHER', null);
    const other = await app.newNetwork(1);
    const invitation = await app.newInvitation(other.admin, other.network.id, {
      role: 'RESEARCHER',
      siteId: null,
      email: existing.email,
    });

    const result = await register({ token: invitation.token, email: existing.email });

    expect(errorOf(result)).toEqual({ code: 'CONFLICT', field: 'input.email' });
    expect(await usersWithEmail(existing.email)).toBe(1);
    expect(await app.prisma.membership.count({ where: { userId: existing.userId, networkId: other.network.id } })).toBe(
      0,
    );
    expect(await previewStatus(invitation.token)).toBe('PENDING');
  });

  it('refuses an expired invitation on input.token', async () => {
    const invitation = await invite();
    await app.prisma.invitation.update({
      where: { id: invitation.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });

    const result = await register({ token: invitation.token, email: invitation.email });

    expect(errorOf(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.token' });
    expect(await usersWithEmail(invitation.email)).toBe(0);
  });

  it('refuses a second registration with the same invitation on input.token', async () => {
    const invitation = await invite();
    const first = await register({ token: invitation.token, email: invitation.email });
    expect(first.errors).toBeUndefined();

    const second = await register({ token: invitation.token, email: invitation.email, name: 'Second Try' });

    expect(errorOf(second)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.token' });
    expect(sessionCookieOf(second)).toBeNull();
    const user = await app.prisma.user.findUniqueOrThrow({ where: { email: invitation.email } });
    expect(user.name).toBe('New Person');
  });

  it('refuses a revoked invitation on input.token', async () => {
    const invitation = await invite();
    await admin.client.ok(`mutation($id: ID!) { revokeInvitation(invitationId: $id) { status } }`, {
      id: invitation.id,
    });

    const result = await register({ token: invitation.token, email: invitation.email });

    expect(errorOf(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.token' });
    expect(await usersWithEmail(invitation.email)).toBe(0);
  });

  it('refuses a token that no invitation has on input.token', async () => {
    const result = await register({ token: 'x'.repeat(43), email: app.newEmail() });

    expect(errorOf(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.token' });
  });
});

describe('signing in and out', () => {
  let app: TestApp;
  let member: TestMember;

  beforeAll(async () => {
    app = await TestApp.start();
    const { network, sites, admin } = await app.newNetwork(1);
    member = await app.newMember(admin, network.id, 'PATIENT_PARTNER', sites[0].id);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('signs in with the right password and sets an HttpOnly, SameSite=Lax cookie that lasts the session lifetime', async () => {
    const client = app.client();

    const result = await client.gql(SIGN_IN, { input: { email: member.email, password: TEST_PASSWORD } });

    expect(result.errors).toBeUndefined();
    expect(result.data.signIn).toEqual({ id: member.userId, email: member.email });
    const cookie = sessionCookieOf(result)!;
    expect(cookie.value.length).toBeGreaterThanOrEqual(40);
    expect(cookie.attributes.has('httponly')).toBe(true);
    expect(cookie.attributes.get('samesite')?.toLowerCase()).toBe('lax');
    expect(cookie.attributes.get('path')).toBe('/');
    // SESSION_MAX_DAYS defaults to 30.
    const expires = new Date(cookie.attributes.get('expires')!).getTime();
    expect(Math.abs(expires - (Date.now() + 30 * DAY_MS))).toBeLessThan(60_000);
    expect((await client.ok(ME)).me.id).toBe(member.userId);
  });

  it('treats the email case-insensitively', async () => {
    const result = await app
      .client()
      .gql(SIGN_IN, { input: { email: `  ${member.email.toUpperCase()} `, password: TEST_PASSWORD } });

    expect(result.errors).toBeUndefined();
    expect(result.data.signIn.id).toBe(member.userId);
  });

  it('refuses a wrong password with UNAUTHENTICATED and sets no cookie', async () => {
    const client = app.client();

    const result = await client.gql(SIGN_IN, { input: { email: member.email, password: `${TEST_PASSWORD}!` } });

    expect(errorOf(result).code).toBe('UNAUTHENTICATED');
    expect(result.data).toBeNull();
    expect(sessionCookieOf(result)).toBeNull();
    expect((await client.ok(ME)).me).toBeNull();
  });

  it('refuses an unknown email with UNAUTHENTICATED and the same message as a wrong password', async () => {
    const unknown = await app
      .client()
      .gql(SIGN_IN, { input: { email: app.newEmail('nobody'), password: TEST_PASSWORD } });
    const wrong = await app.client().gql(SIGN_IN, { input: { email: member.email, password: 'not the password' } });

    expect(errorOf(unknown).code).toBe('UNAUTHENTICATED');
    expect(sessionCookieOf(unknown)).toBeNull();
    expect(unknown.errors![0].message).toBe(wrong.errors![0].message);
  });

  it('refuses a malformed email with BAD_USER_INPUT on input.email', async () => {
    const result = await app.client().gql(SIGN_IN, { input: { email: 'nobody-at-example', password: TEST_PASSWORD } });

    expect(errorOf(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.email' });
  });

  it('signOut ends the session on the server: the old cookie no longer signs anyone in', async () => {
    const client = app.client();
    await client.signIn(member.email, TEST_PASSWORD);
    const oldCookie = client.cookie!;
    const sessionsBefore = await app.prisma.session.count({ where: { userId: member.userId, revokedAt: null } });

    const result = await client.gql(SIGN_OUT);

    expect(result.data).toEqual({ signOut: true });
    expect(sessionCookieOf(result)?.value).toBe('');
    const replay = app.client();
    replay.cookie = oldCookie;
    expect((await replay.ok(ME)).me).toBeNull();
    expect(await app.prisma.session.count({ where: { userId: member.userId, revokedAt: null } })).toBe(
      sessionsBefore - 1,
    );
    // The member's other sessions are untouched.
    expect((await member.client.ok(ME)).me.id).toBe(member.userId);
  });
});

describe('sign-in rate limit per account', () => {
  let app: TestApp;
  let networkId: string;
  let admin: TestMember;

  beforeAll(async () => {
    app = await TestApp.start({ SIGNIN_MAX_FAILURES_PER_ACCOUNT: '3', SIGNIN_MAX_PER_IP: '1000' });
    ({
      admin,
      network: { id: networkId },
    } = await app.newNetwork(1));
  });
  afterAll(async () => {
    await app?.stop();
  });

  const signIn = (email: string, password: string) => app.client().gql(SIGN_IN, { input: { email, password } });

  it('after SIGNIN_MAX_FAILURES_PER_ACCOUNT failures refuses even the right password with TOO_MANY_REQUESTS', async () => {
    const member = await app.newMember(admin, networkId, 'RESEARCHER', null);
    // The address counts as one account in any letter case.
    for (const email of [member.email, member.email.toUpperCase(), member.email]) {
      expect(errorOf(await signIn(email, 'wrong password')).code).toBe('UNAUTHENTICATED');
    }

    const refused = await signIn(member.email, TEST_PASSWORD);

    expect(errorOf(refused).code).toBe('TOO_MANY_REQUESTS');
    expect(refused.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
    expect(sessionCookieOf(refused)).toBeNull();
  });

  it('counts failures per account: another account still signs in', async () => {
    const locked = await app.newMember(admin, networkId, 'RESEARCHER', null);
    const other = await app.newMember(admin, networkId, 'RESEARCHER', null);
    for (let i = 0; i < 3; i += 1) await signIn(locked.email, 'wrong password');
    expect(errorOf(await signIn(locked.email, TEST_PASSWORD)).code).toBe('TOO_MANY_REQUESTS');

    const result = await signIn(other.email, TEST_PASSWORD);

    expect(result.errors).toBeUndefined();
    expect(result.data.signIn.id).toBe(other.userId);
  });

  it('clears the failures after a successful sign-in', async () => {
    const member = await app.newMember(admin, networkId, 'RESEARCHER', null);
    for (let i = 0; i < 2; i += 1) await signIn(member.email, 'wrong password');
    expect((await signIn(member.email, TEST_PASSWORD)).errors).toBeUndefined();
    for (let i = 0; i < 2; i += 1) await signIn(member.email, 'wrong password');

    const result = await signIn(member.email, TEST_PASSWORD);

    expect(result.errors).toBeUndefined();
  });
});

describe('sign-in rate limit per IP address', () => {
  let app: TestApp;
  let admin: TestMember;

  beforeAll(async () => {
    app = await TestApp.start({ SIGNIN_MAX_PER_IP: '5', SIGNIN_MAX_FAILURES_PER_ACCOUNT: '100' });
    // newNetwork signs its admin in: the first of the five attempts this address may make.
    ({ admin } = await app.newNetwork(1));
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('counts every attempt from one address, and refuses the one after SIGNIN_MAX_PER_IP whatever the account', async () => {
    const signIn = (email: string, password: string, headers: Record<string, string> = {}) =>
      app.client().gql(SIGN_IN, { input: { email, password } }, { headers });
    expect((await signIn(admin.email, TEST_PASSWORD)).errors).toBeUndefined();
    expect(errorOf(await signIn(app.newEmail('nobody'), 'wrong password')).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await signIn(app.newEmail('nobody'), 'wrong password')).code).toBe('UNAUTHENTICATED');
    expect((await signIn(admin.email, TEST_PASSWORD)).errors).toBeUndefined();

    const refused = await signIn(admin.email, TEST_PASSWORD);

    expect(errorOf(refused).code).toBe('TOO_MANY_REQUESTS');
    expect(sessionCookieOf(refused)).toBeNull();
    // Without TRUST_PROXY a forged X-Forwarded-For does not make a new address.
    expect(errorOf(await signIn(admin.email, TEST_PASSWORD, { 'x-forwarded-for': '203.0.113.9' })).code).toBe(
      'TOO_MANY_REQUESTS',
    );
  });
});
