import type { MessageNewPayload, ThreadMessagePayload } from '@commons/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newIdea } from '../test-support/change-ideas';
import { LiveClient } from '../test-support/live-client';
import { ServerProcess } from '../test-support/server-process';
import { TestApp, type TestMember } from '../test-support/test-app';
import { ThreadView } from '../test-support/thread-view';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const THREAD = `query($id: ID!) { thread(subjectType: CHANGE_IDEA, subjectId: $id) { id } }`;

describe('live threads across two server processes sharing PostgreSQL and Redis', () => {
  let app: TestApp;
  let nodeA: ServerProcess;
  let nodeB: ServerProcess;
  let patient: TestMember;
  let clinician: TestMember;
  let researcher: TestMember;
  let threadId: string;
  const clients: LiveClient[] = [];
  const open = async (server: { url: string }, member: TestMember) => {
    const client = await LiveClient.open(server.url, member.client.cookie);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    app = await TestApp.start({ REDIS_URL });
    const env = {
      DATABASE_URL: app.database.url,
      REDIS_URL,
      DATABASE_POOL_SIZE: '4',
      MESSAGES_PER_WINDOW: '8',
      MESSAGE_WINDOW_SECONDS: '600',
    };
    [nodeA, nodeB] = await Promise.all([ServerProcess.start(env), ServerProcess.start(env)]);
    const { admin, network, sites } = await app.newNetwork(1);
    patient = await app.newMember(admin, network.id, 'PATIENT_PARTNER', sites[0].id, 'Pat Partner');
    clinician = await app.newMember(admin, network.id, 'CLINICIAN', sites[0].id, 'Cleo Clinician');
    researcher = await app.newMember(admin, network.id, 'RESEARCHER', null, 'Ravi Researcher');
    const idea = await newIdea(patient, network.id);
    threadId = (await patient.client.ok(THREAD, { id: idea.id })).thread.id;
  });

  afterAll(async () => {
    clients.forEach((c) => c.close());
    await Promise.all([nodeA?.kill(), nodeB?.stop()]);
    await app?.stop();
  });

  it("counts a member's messages against one limit whichever process they reach", async () => {
    const idea = await newIdea(
      researcher,
      (await app.prisma.thread.findUniqueOrThrow({ where: { id: threadId } })).networkId,
    );
    const ownThread = (await researcher.client.ok(THREAD, { id: idea.id })).thread.id;
    const onA = await open(nodeA, researcher);
    const onB = await open(nodeB, researcher);
    for (let i = 0; i < 4; i += 1) {
      expect((await onA.send(ownThread, `via A ${i}`)).ok).toBe(true);
      expect((await onB.send(ownThread, `via B ${i}`)).ok).toBe(true);
    }
    expect(await onB.send(ownThread, 'ninth')).toMatchObject({ ok: false, error: { code: 'TOO_MANY_REQUESTS' } });
    expect(await onA.send(ownThread, 'tenth')).toMatchObject({ ok: false, error: { code: 'TOO_MANY_REQUESTS' } });
    expect(await app.prisma.message.count({ where: { threadId: ownThread } })).toBe(8);
  });

  it('delivers a message sent on node A to a client on node B; after node A dies its client catches up on node B, missing nothing, nothing twice', async () => {
    const patView = new ThreadView();
    const patOnA = await open(nodeA, patient);
    patOnA.socket.on('message:new', (m: MessageNewPayload) => m.threadId === threadId && patView.live(m));
    const joinedA = await patOnA.ok('thread:join', { threadId });
    patView.apply(joinedA.messages);

    const cleoOnB = await open(nodeB, clinician);
    const cleoJoined = await cleoOnB.ok('thread:join', { threadId });
    expect(cleoJoined.presence.map((p: { name: string }) => p.name)).toEqual(['Cleo Clinician', 'Pat Partner']);

    // Across processes, both ways.
    const hello = await patOnA.send(threadId, 'Hello from node A');
    if (!hello.ok) throw new Error(JSON.stringify(hello));
    patView.apply([hello.data.message]);
    const onB = await cleoOnB.next<MessageNewPayload>('message:new', (m) => m.id === hello.data.message.id);
    expect(onB).toMatchObject({ seq: hello.data.message.seq, body: 'Hello from node A', prevSeq: '0' });
    const reply = await cleoOnB.send(threadId, 'Hello from node B');
    if (!reply.ok) throw new Error(JSON.stringify(reply));
    await patOnA.next<MessageNewPayload>('message:new', (m) => m.id === reply.data.message.id);
    expect(patView.bodies()).toEqual(['Hello from node A', 'Hello from node B']);

    // Mid-conversation, node A dies; the conversation goes on on node B.
    const dropped = new Promise((resolve) => patOnA.socket.once('disconnect', resolve));
    const sentDuringOutage: string[] = [];
    const first = await cleoOnB.send(threadId, 'while A dies 1');
    await nodeA.kill();
    await dropped;
    for (const body of ['while A is down 2', 'while A is down 3', 'while A is down 4']) {
      const ack = await cleoOnB.send(threadId, body);
      if (ack.ok) sentDuringOutage.push(ack.data.message.id);
    }
    expect(first.ok && sentDuringOutage.length).toBe(3);

    // Her browser reconnects through the load balancer and lands on node B.
    const patOnB = await open(nodeB, patient);
    patOnB.socket.on('message:new', (m: MessageNewPayload) => m.threadId === threadId && patView.live(m));
    const rejoined = await patOnB.ok('thread:join', { threadId, lastSeenSeq: patView.lastSeenSeq });
    const seenBefore = new Set(patView.byId.keys());
    expect(rejoined.messages.filter((m: ThreadMessagePayload) => seenBefore.has(m.id))).toEqual([]);
    expect(rejoined.messages.map((m: ThreadMessagePayload) => m.id)).toEqual(expect.arrayContaining(sentDuringOutage));
    patView.apply(rejoined.messages);
    const after = await cleoOnB.send(threadId, 'welcome back');
    if (!after.ok) throw new Error(JSON.stringify(after));
    await patOnB.next<MessageNewPayload>('message:new', (m) => m.id === after.data.message.id);

    const stored = await app.prisma.message.findMany({
      where: { threadId },
      orderBy: { seq: 'asc' },
      select: { id: true, body: true },
    });
    expect(patView.bodies()).toEqual(stored.map((m) => m.body));
    expect([...patView.arrivals.values()].every((count) => count === 1)).toBe(true);
    expect(patView.gaps).toBe(0);
    expect(rejoined.presence.map((p: { name: string }) => p.name)).toEqual(['Cleo Clinician', 'Pat Partner']);
  });
});
