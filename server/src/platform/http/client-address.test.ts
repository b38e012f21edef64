import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../test-support/graphql-client';
import { LiveClient } from '../../test-support/live-client';
import { TEST_PASSWORD, TestApp, type TestMember } from '../../test-support/test-app';
import type { SocketData } from '../realtime/realtime.gateway';
import { RealtimeService, userRoom } from '../realtime/realtime.service';

const SESSIONS = `{ mySessions { current ipAddress } }`;

describe('the client address behind trusted proxies (TRUST_PROXY=loopback,10.0.0.0/8): HTTP and the socket handshake agree', () => {
  let app: TestApp;
  let admin: TestMember;
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    app = await TestApp.start({ TRUST_PROXY: 'loopback,10.0.0.0/8' });
    ({ admin } = await app.newNetwork(1));
  });

  afterAll(async () => {
    clients.forEach((client) => client.close());
    await app?.stop();
  });

  /** The address the app records for a sign-in, and the one it gives a socket, for the same X-Forwarded-For. */
  const addressesFor = async (forwardedFor: string) => {
    const device = new TestClient(app.url);
    const signedIn = await device.gql(
      `mutation($input: SignInInput!) { signIn(input: $input) { id } }`,
      { input: { email: admin.email, password: TEST_PASSWORD } },
      {
        headers: { 'x-forwarded-for': forwardedFor },
      },
    );
    expect(signedIn.errors).toBeUndefined();
    const { mySessions } = await device.ok(SESSIONS);
    const live = await LiveClient.open(app.url, device.cookie, { extraHeaders: { 'x-forwarded-for': forwardedFor } });
    clients.push(live);
    const sockets = await app.server.app.get(RealtimeService).socketsIn(userRoom(admin.userId));
    const socket = sockets.find((s) => s.id === live.socket.id);
    return {
      http: mySessions.find((s: { current: boolean }) => s.current).ipAddress,
      socket: (socket?.data as SocketData).clientAddress,
    };
  };

  it('walks X-Forwarded-For back over the trusted proxies to the client', async () => {
    expect(await addressesFor('6.6.6.6, 10.1.2.3')).toEqual({ http: '6.6.6.6', socket: '6.6.6.6' });
  });

  it('stops at the first address that is not a trusted proxy, whatever the client wrote before it', async () => {
    expect(await addressesFor('6.6.6.6, 203.0.113.7, 10.1.2.3')).toEqual({
      http: '203.0.113.7',
      socket: '203.0.113.7',
    });
  });

  it("takes the scheme from a trusted proxy's X-Forwarded-Proto for the handshake's origin check", async () => {
    // The page was served over https by the proxy; the app itself speaks http.
    const origin = app.url.replace('http://', 'https://');
    const open = (headers: Record<string, string>) => {
      const client = new LiveClient(app.url, admin.client.cookie, { extraHeaders: { origin, ...headers } });
      clients.push(client);
      return client.connected().then(
        () => 'connected',
        (error: Error) => error.message,
      );
    };
    expect(await open({ 'x-forwarded-proto': 'https' })).toBe('connected');
    expect(await open({})).toBe('FORBIDDEN');
  });
});
