import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newIdea } from '../test-support/change-ideas';
import { LiveClient } from '../test-support/live-client';
import { ServerProcess } from '../test-support/server-process';
import { TestApp, type TestMember } from '../test-support/test-app';
import { TYPING_THROTTLE_MS } from './typing-throttle';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const THREAD = `query($id: ID!) { thread(subjectType: CHANGE_IDEA, subjectId: $id) { id } }`;
const BURST = 300;

/**
 * Sends BURST "started typing" events as fast as they go, alternating between `sockets`, and
 * waits for every acknowledgement; returns how long the burst took.
 */
async function burst(sockets: LiveClient[], threadId: string): Promise<number> {
  const started = Date.now();
  await Promise.all(
    Array.from({ length: BURST }, (_, i) => sockets[i % sockets.length].request('typing', { threadId, typing: true })),
  );
  return Date.now() - started;
}

/** The "started typing" events of `userId` that `observer` heard in the thread, once the relays have had time to arrive. */
async function heard(observer: LiveClient, threadId: string, userId: string): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 500));
  return observer.received.filter(
    (r) => r.event === 'typing' && r.payload.threadId === threadId && r.payload.userId === userId && r.payload.typing,
  ).length;
}

/** At most one relay per throttle window the burst touched. */
const allowedFor = (durationMs: number) => Math.floor(durationMs / TYPING_THROTTLE_MS) + 1;

describe('the typing throttle under a burst', () => {
  let app: TestApp;
  let patient: TestMember;
  let clinician: TestMember;
  let networkId: string;
  const clients: LiveClient[] = [];
  const open = async (url: string, member: TestMember) => {
    const client = await LiveClient.open(url, member.client.cookie);
    clients.push(client);
    return client;
  };
  const newThread = async () =>
    (await patient.client.ok(THREAD, { id: (await newIdea(patient, networkId)).id })).thread.id as string;

  beforeAll(async () => {
    app = await TestApp.start();
    const made = await app.newNetwork(1);
    networkId = made.network.id;
    patient = await app.newMember(made.admin, networkId, 'PATIENT_PARTNER', made.sites[0].id, 'Pat Partner');
    clinician = await app.newMember(made.admin, networkId, 'CLINICIAN', made.sites[0].id, 'Cleo Clinician');
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await app?.stop();
  });

  it(`in one process: ${BURST} events from two sockets of one member are relayed at most once per window`, async () => {
    const threadId = await newThread();
    const observer = await open(app.url, clinician);
    await observer.ok('thread:join', { threadId });
    const sockets = [await open(app.url, patient), await open(app.url, patient)];
    for (const socket of sockets) await socket.ok('thread:join', { threadId });

    const duration = await burst(sockets, threadId);

    const relayed = await heard(observer, threadId, patient.userId);
    expect(relayed).toBeGreaterThanOrEqual(1);
    expect(relayed).toBeLessThanOrEqual(allowedFor(duration));
  });

  describe('across two server processes sharing Redis', () => {
    let nodeA: ServerProcess;
    let nodeB: ServerProcess;

    beforeAll(async () => {
      const env = { DATABASE_URL: app.database.url, REDIS_URL, DATABASE_POOL_SIZE: '4' };
      [nodeA, nodeB] = await Promise.all([ServerProcess.start(env), ServerProcess.start(env)]);
    });
    afterAll(async () => {
      await Promise.all([nodeA?.stop(), nodeB?.stop()]);
    });

    it(`relays at most once per window of ${BURST} events from one member's sockets on both processes`, async () => {
      const threadId = await newThread();
      const observers = [await open(nodeA.url, clinician), await open(nodeB.url, clinician)];
      for (const observer of observers) await observer.ok('thread:join', { threadId });
      const sockets = [await open(nodeA.url, patient), await open(nodeB.url, patient)];
      for (const socket of sockets) await socket.ok('thread:join', { threadId });

      const duration = await burst(sockets, threadId);

      // Each observer hears the thread once, whichever process relayed the event.
      const relayed = await Promise.all(observers.map((observer) => heard(observer, threadId, patient.userId)));
      expect(relayed[0]).toBe(relayed[1]);
      expect(relayed[0]).toBeGreaterThanOrEqual(1);
      expect(relayed[0]).toBeLessThanOrEqual(allowedFor(duration));
    });

    it('relays "stopped typing" too, once per window, and a new start after the window', async () => {
      const threadId = await newThread();
      const observer = await open(nodeB.url, clinician);
      await observer.ok('thread:join', { threadId });
      const typist = await open(nodeA.url, patient);
      await typist.ok('thread:join', { threadId });

      expect(await typist.ok('typing', { threadId, typing: true })).toEqual({ sent: true });
      expect(await typist.ok('typing', { threadId, typing: false })).toEqual({ sent: true });
      expect(await typist.ok('typing', { threadId, typing: false })).toEqual({ sent: false });
      await new Promise((resolve) => setTimeout(resolve, TYPING_THROTTLE_MS + 100));
      expect(await typist.ok('typing', { threadId, typing: true })).toEqual({ sent: true });

      await observer.next('typing', (t: { threadId: string; typing: boolean }) => t.threadId === threadId && !t.typing);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(
        observer.received
          .filter((r) => r.event === 'typing' && r.payload.threadId === threadId)
          .map((r) => r.payload.typing),
      ).toEqual([true, false, true]);
    });
  });
});
