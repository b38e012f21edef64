import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RealtimeConnection } from '../realtime/realtime-connection';
import { TestSocketServer } from '../realtime/test-socket-server';
import { ThreadGatewayDouble } from './test-thread-gateway';
import { type Arrival, ThreadController } from './thread-controller';

const ME = { userId: 'user-elin', name: 'Elin Sandberg' };
const AMIRA = { userId: 'user-amira', name: 'Amira Haddad' };
const THREAD = 'thread-1';
const WAIT = { timeout: 5000 };

describe('ThreadController over a real socket.io connection', () => {
  let server: TestSocketServer;
  let gateway: ThreadGatewayDouble;
  let connection: RealtimeConnection;
  let controller: ThreadController;
  let arrivals: Arrival[];
  let clientIds: number;

  beforeEach(async () => {
    server = await TestSocketServer.start(ME.userId);
    gateway = new ThreadGatewayDouble(THREAD, ME);
    gateway.attach(server.io);
    connection = new RealtimeConnection(server.clientOptions());
    arrivals = [];
    clientIds = 0;
  });

  afterEach(async () => {
    controller?.stop();
    connection.close();
    await server.stop();
  });

  /** A controller holding what was loaded over GraphQL: the messages stored so far. */
  function startController() {
    controller = new ThreadController({
      connection,
      threadId: THREAD,
      viewerId: ME.userId,
      messages: gateway.messages.map(({ prevSeq: _prevSeq, ...m }) => m),
      lastReadSeq: '0',
      unread: 0,
      onArrival: (arrival) => arrivals.push(arrival),
      newClientId: () => `client-${String(++clientIds).padStart(4, '0')}`,
    });
    controller.start();
    connection.connect();
    return controller;
  }

  const bodies = () => controller.getSnapshot().messages.map((m) => m.body);
  const live = () =>
    vi.waitFor(() => expect(controller.getSnapshot()).toMatchObject({ live: true, syncing: false }), WAIT);

  it('joins from the newest message loaded and gets what was written between loading and joining', async () => {
    gateway.post(server.io, AMIRA, 'loaded');
    startController();
    gateway.post(server.io, AMIRA, 'written while the page loaded');
    await live();
    expect(bodies()).toEqual(['loaded', 'written while the page loaded']);
    expect(gateway.joinedFrom).toEqual([gateway.messages[0].seq]);
    expect(controller.getSnapshot().presence).toEqual([ME]);
    expect(arrivals).toEqual([expect.objectContaining({ caughtUp: true })]);
  });

  it('shows live messages of others as they come, announcing each', async () => {
    startController();
    await live();
    gateway.post(server.io, AMIRA, 'hello');
    await vi.waitFor(() => expect(bodies()).toEqual(['hello']), WAIT);
    expect(arrivals.at(-1)).toMatchObject({ caughtUp: false, messages: [expect.objectContaining({ body: 'hello' })] });
    expect(controller.getSnapshot().unread).toBe(1);
  });

  it('catches up when a live message does not follow the last one it holds, showing each message once', async () => {
    startController();
    await live();
    gateway.post(server.io, AMIRA, 'lost on the way', { broadcast: false });
    gateway.post(server.io, AMIRA, 'arrived');
    await vi.waitFor(() => expect(bodies()).toEqual(['lost on the way', 'arrived']), WAIT);
    await vi.waitFor(() => expect(controller.getSnapshot().syncing).toBe(false), WAIT);
    expect(bodies()).toEqual(['lost on the way', 'arrived']);
  });

  it('after the server restarts, joins again from the last seq and gets exactly what it missed', async () => {
    gateway.post(server.io, AMIRA, 'before');
    startController();
    await live();
    const joins = gateway.joinedFrom.length;
    const before = gateway.messages[0].seq;

    await server.stop();
    await vi.waitFor(() => expect(connection.getStatus()).toBe('reconnecting'), WAIT);
    // Written while this member was cut off.
    gateway.post(server.io, AMIRA, 'missed 1', { broadcast: false });
    gateway.post(server.io, AMIRA, 'missed 2', { broadcast: false });
    await server.restart();
    gateway.attach(server.io);

    await vi.waitFor(() => expect(bodies()).toEqual(['before', 'missed 1', 'missed 2']), WAIT);
    await live();
    // Joined again once, from the last message it held.
    expect(gateway.joinedFrom.slice(joins)).toEqual([before]);
    gateway.post(server.io, AMIRA, 'live again');
    await vi.waitFor(() => expect(bodies()).toEqual(['before', 'missed 1', 'missed 2', 'live again']), WAIT);
  });

  it('shows a sent message at once and replaces it with the stored one when acknowledged', async () => {
    startController();
    await live();
    const clientId = controller.send('my idea');
    expect(controller.getSnapshot().pending).toEqual([
      expect.objectContaining({ clientId, body: 'my idea', status: 'sending' }),
    ]);
    await vi.waitFor(() => expect(controller.getSnapshot().pending).toEqual([]), WAIT);
    expect(controller.getSnapshot().messages).toEqual([
      expect.objectContaining({ body: 'my idea', clientId, author: ME }),
    ]);
    // Someone answers: it follows the member's own message, which came by ack, not live.
    gateway.post(server.io, AMIRA, 'good idea');
    await vi.waitFor(() => expect(bodies()).toEqual(['my idea', 'good idea']), WAIT);
    expect(arrivals.flatMap((a) => a.messages.map((m) => m.body))).toEqual(['good idea']);
  });

  it('keeps a message written while offline, then sends it with the same clientId once back: stored once', async () => {
    startController();
    await live();
    await server.stop();
    await vi.waitFor(() => expect(connection.getStatus()).toBe('reconnecting'), WAIT);
    const clientId = controller.send('written offline');
    await vi.waitFor(
      () =>
        expect(controller.getSnapshot().pending).toEqual([expect.objectContaining({ clientId, status: 'waiting' })]),
      WAIT,
    );

    await server.restart();
    gateway.attach(server.io);
    await vi.waitFor(() => expect(controller.getSnapshot().pending).toEqual([]), WAIT);
    expect(gateway.messages.map((m) => [m.body, m.clientId])).toEqual([['written offline', clientId]]);
    expect(bodies()).toEqual(['written offline']);
  });

  it('shows why a send was refused, and sends it again with the same clientId on retry', async () => {
    startController();
    await live();
    gateway.refuseNextSends.push({ code: 'TOO_MANY_REQUESTS', message: 'Too many messages.', retryAfterSeconds: 6 });
    const clientId = controller.send('quickly');
    await vi.waitFor(
      () =>
        expect(controller.getSnapshot().pending).toEqual([
          expect.objectContaining({
            clientId,
            status: 'failed',
            error: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 6 },
          }),
        ]),
      WAIT,
    );
    expect(gateway.messages).toEqual([]);

    controller.retry(clientId);
    await vi.waitFor(() => expect(controller.getSnapshot().pending).toEqual([]), WAIT);
    expect(gateway.sendAttempts).toEqual([clientId, clientId]);
    expect(bodies()).toEqual(['quickly']);
  });

  it('shows who is typing until they stop or their message comes', async () => {
    startController();
    await live();
    const other = new RealtimeConnection(server.clientOptions());
    other.connect();
    await vi.waitFor(() => expect(other.getStatus()).toBe('connected'), WAIT);
    // The double's other socket speaks for the same member; take it as Amira here.
    other.socket.emit('thread:join', { threadId: THREAD }, () => undefined);
    await vi.waitFor(() => expect(gateway.joinedFrom).toHaveLength(2), WAIT);
    server.io
      .to(`thread:${THREAD}`)
      .emit('typing', { threadId: THREAD, userId: AMIRA.userId, name: AMIRA.name, typing: true });
    await vi.waitFor(() => expect(controller.getSnapshot().typing).toEqual([AMIRA]), WAIT);
    gateway.post(server.io, AMIRA, 'done typing');
    await vi.waitFor(() => expect(controller.getSnapshot().typing).toEqual([]), WAIT);
    other.close();
  });
});
