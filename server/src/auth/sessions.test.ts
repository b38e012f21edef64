import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, type TestClient } from '../test-support/graphql-client';
import { TEST_PASSWORD, TestApp, type TestMember } from '../test-support/test-app';

const ME = `{ me { id } }`;
const MY_SESSIONS = `{ mySessions { id current createdAt lastSeenAt expiresAt userAgent ipAddress } }`;
const REVOKE_SESSION = `mutation($id: ID!) { revokeSession(sessionId: $id) }`;
const DEACTIVATE = `mutation($networkId: ID!, $userId: ID!) { deactivateMember(networkId: $networkId, userId: $userId) { active } }`;

const IDLE_MINUTES = 30;
const MINUTE_MS = 60_000;

interface SessionInfo {
  id: string;
  current: boolean;
  lastSeenAt: string;
}

describe('sessions', () => {
  let app: TestApp;
  let networkId: string;
  let siteId: string;
  let admin: TestMember;

  beforeAll(async () => {
    app = await TestApp.start({ SESSION_IDLE_MINUTES: String(IDLE_MINUTES) });
    const made = await app.newNetwork(1);
    networkId = made.network.id;
    siteId = made.sites[0].id;
    admin = made.admin;
  });
  afterAll(async () => {
    await app?.stop();
  });

  /** A member signed in on two devices: the one registration left signed in, and a second sign-in. */
  async function memberOnTwoDevices() {
    const member = await app.newMember(admin, networkId, 'PATIENT_PARTNER', siteId);
    const laptop = member.client;
    const phone = app.client();
    expect((await phone.signIn(member.email, TEST_PASSWORD)).errors).toBeUndefined();
    return { member, laptop, phone };
  }

  async function currentSessionId(client: TestClient): Promise<string> {
    const { mySessions } = await client.ok<{ mySessions: SessionInfo[] }>(MY_SESSIONS);
    return mySessions.find((session) => session.current)!.id;
  }

  const meOf = async (client: TestClient) => (await client.ok(ME)).me?.id ?? null;

  describe('mySessions', () => {
    it('lists each device the member is signed in on and marks the one making the request', async () => {
      const { laptop, phone } = await memberOnTwoDevices();

      const fromLaptop = (await laptop.ok<{ mySessions: SessionInfo[] }>(MY_SESSIONS)).mySessions;
      const fromPhone = (await phone.ok<{ mySessions: SessionInfo[] }>(MY_SESSIONS)).mySessions;

      expect(fromLaptop).toHaveLength(2);
      expect(fromLaptop.filter((session) => session.current)).toHaveLength(1);
      expect(new Set(fromLaptop.map((session) => session.id))).toEqual(new Set(fromPhone.map((session) => session.id)));
      const laptopSession = fromLaptop.find((session) => session.current)!.id;
      const phoneSession = fromPhone.find((session) => session.current)!.id;
      expect(laptopSession).not.toBe(phoneSession);
      expect(fromLaptop[0]).toMatchObject({
        userAgent: expect.any(String),
        ipAddress: expect.stringContaining('127.0.0.1'),
      });
    });

    it('does not list the sessions of other members', async () => {
      const { laptop } = await memberOnTwoDevices();
      const adminSession = await currentSessionId(admin.client);

      const { mySessions } = await laptop.ok<{ mySessions: SessionInfo[] }>(MY_SESSIONS);

      expect(mySessions.map((session) => session.id)).not.toContain(adminSession);
    });
  });

  describe('revokeSession', () => {
    it("ends another of the member's sessions: that device's next request is signed out", async () => {
      const { member, laptop, phone } = await memberOnTwoDevices();
      const phoneSession = await currentSessionId(phone);

      const result = await laptop.gql(REVOKE_SESSION, { id: phoneSession });

      expect(result.data).toEqual({ revokeSession: true });
      expect(await meOf(phone)).toBeNull();
      expect(await meOf(laptop)).toBe(member.userId);
      const { mySessions } = await laptop.ok<{ mySessions: SessionInfo[] }>(MY_SESSIONS);
      expect(mySessions.map((session) => session.id)).not.toContain(phoneSession);
    });

    it('ends the current session when given its own id, and clears the cookie', async () => {
      const { member, laptop, phone } = await memberOnTwoDevices();

      const result = await phone.gql(REVOKE_SESSION, { id: await currentSessionId(phone) });

      expect(result.data).toEqual({ revokeSession: true });
      expect(phone.cookie).toBeNull();
      expect(await meOf(laptop)).toBe(member.userId);
    });

    it("refuses someone else's session id with NOT_FOUND and leaves that session working", async () => {
      const { laptop } = await memberOnTwoDevices();
      const adminSession = await currentSessionId(admin.client);

      const result = await laptop.gql(REVOKE_SESSION, { id: adminSession });

      expect(errorOf(result).code).toBe('NOT_FOUND');
      expect(await meOf(admin.client)).toBe(admin.userId);
      expect(await app.prisma.session.findUniqueOrThrow({ where: { id: adminSession } })).toMatchObject({
        revokedAt: null,
      });
    });

    it('refuses an id that is not a UUID with BAD_USER_INPUT on sessionId', async () => {
      const { laptop } = await memberOnTwoDevices();

      expect(errorOf(await laptop.gql(REVOKE_SESSION, { id: 'not-a-session' }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'sessionId',
      });
    });
  });

  describe('expiry', () => {
    it(`ends a session idle for longer than SESSION_IDLE_MINUTES (${IDLE_MINUTES})`, async () => {
      const { member, laptop, phone } = await memberOnTwoDevices();
      const phoneSession = await currentSessionId(phone);
      await app.prisma.session.update({
        where: { id: phoneSession },
        data: { lastSeenAt: new Date(Date.now() - (IDLE_MINUTES + 1) * MINUTE_MS) },
      });

      expect(await meOf(phone)).toBeNull();
      expect(await meOf(laptop)).toBe(member.userId);
      const { mySessions } = await laptop.ok<{ mySessions: SessionInfo[] }>(MY_SESSIONS);
      expect(mySessions.map((session) => session.id)).not.toContain(phoneSession);
    });

    it('keeps a session idle for a little less than SESSION_IDLE_MINUTES, and records the new activity', async () => {
      const { member, phone } = await memberOnTwoDevices();
      const phoneSession = await currentSessionId(phone);
      await app.prisma.session.update({
        where: { id: phoneSession },
        data: { lastSeenAt: new Date(Date.now() - (IDLE_MINUTES - 1) * MINUTE_MS) },
      });

      expect(await meOf(phone)).toBe(member.userId);
      const { lastSeenAt } = await app.prisma.session.findUniqueOrThrow({ where: { id: phoneSession } });
      expect(Date.now() - lastSeenAt.getTime()).toBeLessThan(MINUTE_MS);
    });

    it('ends a session past its absolute lifetime even though it was just used', async () => {
      const { member, laptop, phone } = await memberOnTwoDevices();
      const phoneSession = await currentSessionId(phone);
      await app.prisma.session.update({
        where: { id: phoneSession },
        data: { expiresAt: new Date(Date.now() - 1000), lastSeenAt: new Date() },
      });

      expect(await meOf(phone)).toBeNull();
      expect(await meOf(laptop)).toBe(member.userId);
    });
  });

  describe('deactivating a member', () => {
    it('ends all of their sessions at once', async () => {
      const { member, laptop, phone } = await memberOnTwoDevices();

      await admin.client.ok(DEACTIVATE, { networkId, userId: member.userId });

      expect(await meOf(laptop)).toBeNull();
      expect(await meOf(phone)).toBeNull();
      expect(await app.prisma.session.count({ where: { userId: member.userId, revokedAt: null } })).toBe(0);
      expect(await meOf(admin.client)).toBe(admin.userId);
    });
  });
});
