import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../app';
import { TestApp, type TestMember } from '../../test-support/test-app';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const MAX = 5;

/** Opens a socket as a browser does; resolves 'connected' or the code the handshake was refused with. */
function open(url: string, cookie: string | null, sockets: Socket[]): Promise<string> {
  const socket = io(url, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: cookie ? { cookie } : {},
  });
  sockets.push(socket);
  return new Promise((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (error) => resolve(error.message));
  });
}

function closed(socket: Socket): Promise<void> {
  return new Promise((resolve) => {
    if (!socket.connected) return resolve();
    socket.once('disconnect', () => resolve());
    socket.close();
  });
}

const tally = (outcomes: string[]) =>
  outcomes.reduce<Record<string, number>>((counts, o) => ({ ...counts, [o]: (counts[o] ?? 0) + 1 }), {});

describe.each([
  ['one process without Redis', false],
  ['two processes sharing Redis', true],
])("the cap on one member's open sockets (MAX_SOCKETS_PER_MEMBER), %s", (_label, withRedis) => {
  let app: TestApp;
  let nodeB: RunningServer | null = null;
  let networkId: string;
  let admin: TestMember;
  let sockets: Socket[] = [];
  const urls = () => (nodeB ? [app.url, nodeB.url] : [app.url]);

  beforeAll(async () => {
    const env = { MAX_SOCKETS_PER_MEMBER: String(MAX), SIGNIN_MAX_PER_IP: '1000', ...(withRedis ? { REDIS_URL } : {}) };
    app = await TestApp.start(env);
    if (withRedis) {
      nodeB = await app.startAnotherNode(env);
    }
    ({
      admin,
      network: { id: networkId },
    } = await app.newNetwork(1));
  });
  afterEach(async () => {
    await Promise.all(sockets.map(closed));
    sockets = [];
  });
  afterAll(async () => {
    await nodeB?.close();
    await app?.stop();
  });

  it(`accepts ${MAX} of 30 sockets opened at once by one member (spread over the processes) and refuses the rest with TOO_MANY_CONNECTIONS`, async () => {
    const member = await app.newMember(admin, networkId, 'PATIENT_PARTNER', null);

    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, i) => open(urls()[i % urls().length], member.client.cookie, sockets)),
    );

    expect(tally(outcomes)).toEqual({ connected: MAX, TOO_MANY_CONNECTIONS: 30 - MAX });
  });

  it('counts the sockets of all her sessions and processes together, frees a place when one closes, and leaves other members alone', async () => {
    const member = await app.newMember(admin, networkId, 'FAMILY_MEMBER', null);
    const otherDevice = app.client();
    await otherDevice.signIn(member.email, 'correct horse battery');
    for (let i = 0; i < MAX; i += 1) {
      expect(await open(urls()[i % urls().length], i % 2 ? otherDevice.cookie : member.client.cookie, sockets)).toBe(
        'connected',
      );
    }

    expect(await open(urls().at(-1)!, otherDevice.cookie, sockets)).toBe('TOO_MANY_CONNECTIONS');
    expect(await open(app.url, admin.client.cookie, sockets)).toBe('connected');
    await closed(sockets[0]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await open(urls().at(-1)!, member.client.cookie, sockets)).toBe('connected');
    expect(await open(app.url, member.client.cookie, sockets)).toBe('TOO_MANY_CONNECTIONS');
  });

  it('gives the places back when her sockets close, whichever process they were on', async () => {
    const member = await app.newMember(admin, networkId, 'RESEARCHER', null);
    for (let round = 0; round < 3; round += 1) {
      const outcomes = await Promise.all(
        Array.from({ length: MAX }, (_, i) => open(urls()[i % urls().length], member.client.cookie, sockets)),
      );
      expect(outcomes).toEqual(Array(MAX).fill('connected'));
      await Promise.all(sockets.map(closed));
      sockets = [];
      // The server learns of a close a moment after the client's side.
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
});
