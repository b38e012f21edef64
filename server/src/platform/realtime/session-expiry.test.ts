import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../test-support/graphql-client';
import { LiveClient } from '../../test-support/live-client';
import { ServerProcess } from '../../test-support/server-process';
import { TEST_PASSWORD, TestApp, type TestMember } from '../../test-support/test-app';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const IDLE_MS = 4_800;
const MAX_MS = 20_000;
// How late a node may notice an expiry: timers, a database read and the hop through Redis on a busy machine.
const SLACK_MS = 5_000;
const ME = `{ me { id } }`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves with when `session:ended` arrived and its payload, or null when `withinMs` passes first. */
function endedWithin(
  client: LiveClient,
  withinMs: number,
): Promise<{ at: number; payload: { reason: string } } | null> {
  return Promise.race([
    client.next<{ reason: string }>('session:ended').then((payload) => ({ at: Date.now(), payload })),
    sleep(withinMs).then(() => null),
  ]);
}

const disconnected = (client: LiveClient) =>
  new Promise<void>((resolve) =>
    client.socket.disconnected ? resolve() : client.socket.once('disconnect', () => resolve()),
  );

/**
 * Idle and absolute session expiry on open sockets, on two built server processes sharing
 * PostgreSQL and Redis, configured with tiny timeouts (SESSION_IDLE_MINUTES of 4.8 seconds,
 * SESSION_MAX_DAYS of 20 seconds).
 */
describe('a session that expires closes its sockets on every node', () => {
  let app: TestApp;
  let nodeA: ServerProcess;
  let nodeB: ServerProcess;
  const members: TestMember[] = [];
  const clients: LiveClient[] = [];

  /** A fresh session of member `i`, signed in through node A (so it carries the tiny timeouts). */
  async function freshSession(i: number): Promise<TestClient> {
    const client = new TestClient(nodeA.url);
    const signedIn = await client.signIn(members[i].email, TEST_PASSWORD);
    if (signedIn.errors?.length) throw new Error(JSON.stringify(signedIn.errors));
    return client;
  }
  async function open(node: ServerProcess, session: TestClient) {
    const client = await LiveClient.open(node.url, session.cookie);
    clients.push(client);
    return client;
  }
  // Any event the gateway answers without touching data: leaving a thread one is not in.
  const poke = (client: LiveClient) =>
    client.request('thread:leave', { threadId: '00000000-0000-4000-8000-000000000000' });

  beforeAll(async () => {
    app = await TestApp.start();
    const { admin, network } = await app.newNetwork(1);
    for (let i = 0; i < 3; i += 1) members.push(await app.newMember(admin, network.id, 'PATIENT_PARTNER', null));
    const env = {
      DATABASE_URL: app.database.url,
      REDIS_URL,
      DATABASE_POOL_SIZE: '3',
      SIGNIN_MAX_PER_IP: '1000',
      SESSION_IDLE_MINUTES: String(IDLE_MS / 60_000),
      SESSION_MAX_DAYS: String(MAX_MS / 86_400_000),
    };
    [nodeA, nodeB] = await Promise.all([ServerProcess.start(env), ServerProcess.start(env)]);
  }, 120_000);

  afterAll(async () => {
    clients.forEach((client) => client.close());
    await Promise.all([nodeA?.stop(), nodeB?.stop()]);
    await app?.stop();
  });

  it('idle: after SESSION_IDLE_MINUTES without activity, its sockets on both nodes get session:ended (expired), are closed, and answer nothing more', async () => {
    const session = await freshSession(0);
    const started = Date.now();
    const [onA, onB] = await Promise.all([open(nodeA, session), open(nodeB, session)]);
    expect((await poke(onA)).ok).toBe(true);

    const [endedA, endedB] = await Promise.all([
      endedWithin(onA, IDLE_MS + SLACK_MS + 2_000),
      endedWithin(onB, IDLE_MS + SLACK_MS + 2_000),
    ]);

    expect(endedA?.payload).toEqual({ reason: 'expired' });
    expect(endedB?.payload).toEqual({ reason: 'expired' });
    expect(Math.min(endedA!.at, endedB!.at) - started).toBeGreaterThanOrEqual(IDLE_MS - 200);
    await Promise.all([disconnected(onA), disconnected(onB)]);
    expect((await session.ok(ME)).me).toBeNull();
    expect(await LiveClient.open(nodeB.url, session.cookie).catch((error: Error) => error.message)).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('socket events count as activity: a member talking only over her socket on node A keeps the session (and her idle socket on node B) alive past the idle timeout, until she stops', async () => {
    const session = await freshSession(1);
    const [onA, onB] = await Promise.all([open(nodeA, session), open(nodeB, session)]);
    const stopAt = Date.now() + 2 * IDLE_MS;
    while (Date.now() < stopAt) {
      expect((await poke(onA)).ok).toBe(true);
      await sleep(600);
    }
    expect(onA.socket.connected && onB.socket.connected).toBe(true);
    expect(onB.received.some((r) => r.event === 'session:ended')).toBe(false);
    const stopped = Date.now();

    const [endedA, endedB] = await Promise.all([
      endedWithin(onA, IDLE_MS + SLACK_MS + 2_000),
      endedWithin(onB, IDLE_MS + SLACK_MS + 2_000),
    ]);

    expect(endedA?.payload).toEqual({ reason: 'expired' });
    expect(endedB?.payload).toEqual({ reason: 'expired' });
    expect(endedA!.at - stopped).toBeGreaterThanOrEqual(IDLE_MS - 1_500);
  });

  it('absolute: at SESSION_MAX_DAYS after sign-in a busy socket is ended too, and the event sent then gets no answer', async () => {
    const session = await freshSession(2);
    const signedInAt = Date.now();
    const onA = await open(nodeA, session);
    const onB = await open(nodeB, session);
    const endedB = endedWithin(onB, MAX_MS + SLACK_MS + 2_000);
    let answered = 0;
    while (
      !onA.received.some((r) => r.event === 'session:ended') &&
      Date.now() - signedInAt < MAX_MS + SLACK_MS + 2_000
    ) {
      const ack = await Promise.race([poke(onA).then((a) => a.ok), sleep(1_500).then(() => 'no answer')]);
      if (ack === true) answered += 1;
      await sleep(400);
    }

    const endedA = onA.received.find((r) => r.event === 'session:ended');
    expect(endedA?.payload).toEqual({ reason: 'expired' });
    expect((await endedB)?.payload).toEqual({ reason: 'expired' });
    expect(Date.now() - signedInAt).toBeGreaterThanOrEqual(MAX_MS - 500);
    expect(answered).toBeGreaterThan(5);
    await disconnected(onA);
    expect(
      await Promise.race([
        poke(onA).then(
          () => 'answered',
          () => 'no answer',
        ),
        sleep(1_000).then(() => 'no answer'),
      ]),
    ).toBe('no answer');
    expect((await session.ok(ME)).me).toBeNull();
  });
});
