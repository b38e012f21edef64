import { SERVER_EVENTS } from '@commons/shared';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../app';
import { TestApp, type TestMember } from '../../test-support/test-app';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function connect(url: string, cookie: string | null, origin?: string): Socket {
  return io(url, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: { ...(cookie ? { cookie } : {}), ...(origin ? { origin } : {}) },
  });
}

function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}

function refused(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => reject(new Error('connected, but should have been refused')));
    socket.once('connect_error', (error) => resolve(error.message));
  });
}

function sessionEnded(socket: Socket): Promise<{ reason: string }> {
  return new Promise((resolve) => socket.once(SERVER_EVENTS.sessionEnded, resolve));
}

describe('the live connection (socket.io) across two app processes sharing Redis', () => {
  let app: TestApp;
  let nodeB: RunningServer;
  let admin: TestMember;
  let networkId: string;
  const sockets: Socket[] = [];
  const track = (socket: Socket) => (sockets.push(socket), socket);

  beforeAll(async () => {
    app = await TestApp.start({ REDIS_URL });
    nodeB = await app.startAnotherNode({ REDIS_URL });
    const made = await app.newNetwork(2);
    admin = made.admin;
    networkId = made.network.id;
  });

  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await nodeB.close();
    await app.stop();
  });

  it('accepts a socket with a valid session cookie', async () => {
    await connected(track(connect(app.url, admin.client.cookie)));
  });

  it('refuses a socket without a session, with a bad cookie, or from a foreign origin', async () => {
    expect(await refused(track(connect(app.url, null)))).toBe('UNAUTHENTICATED');
    expect(await refused(track(connect(app.url, 'commons_session=forged-token')))).toBe('UNAUTHENTICATED');
    expect(await refused(track(connect(app.url, admin.client.cookie, 'https://evil.example')))).toBe('FORBIDDEN');
  });

  it('ends a socket on node B when its session is revoked through node A', async () => {
    const member = await app.newMember(admin, networkId, 'PATIENT_PARTNER', null);
    const socket = track(connect(nodeB.url, member.client.cookie));
    await connected(socket);
    const { mySessions } = await member.client.ok(`{ mySessions { id current } }`);
    const otherDevice = app.client();
    await otherDevice.signIn(member.email, 'correct horse battery');
    const ended = sessionEnded(socket);
    const disconnected = new Promise((resolve) => socket.once('disconnect', resolve));
    await otherDevice.ok(`mutation($id: ID!) { revokeSession(sessionId: $id) }`, { id: mySessions[0].id });
    expect(await ended).toEqual({ reason: 'revoked' });
    await disconnected;
    expect(await refused(track(connect(nodeB.url, member.client.cookie)))).toBe('UNAUTHENTICATED');
  });

  it('ends every socket of a member who is deactivated', async () => {
    const member = await app.newMember(
      admin,
      networkId,
      'CLINICIAN',
      (await app.prisma.site.findFirst({ where: { networkId } }))!.id,
    );
    const onA = track(connect(app.url, member.client.cookie));
    const onB = track(connect(nodeB.url, member.client.cookie));
    await Promise.all([connected(onA), connected(onB)]);
    const endedA = sessionEnded(onA);
    const endedB = sessionEnded(onB);
    await admin.client.ok(`mutation($n: ID!, $u: ID!) { deactivateMember(networkId: $n, userId: $u) { active } }`, {
      n: networkId,
      u: member.userId,
    });
    expect(await endedA).toEqual({ reason: 'deactivated' });
    expect(await endedB).toEqual({ reason: 'deactivated' });
  });
});
