// Issue "Co-design", live threads: 1,000 socket.io clients across two server processes sharing
// PostgreSQL and Redis, 50 threads, messages at a steady rate. Reports delivery latency from
// send to every receiver, deliveries against expected deliveries, and memory per connection.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { io } from 'socket.io-client';
import { databaseUrl, graphql, report, startServer, withAdmin } from './lib.mjs';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1000);
const THREADS = Number(process.env.BENCH_THREADS ?? 50);
/** Messages per second of each stage (all threads together), and how long each stage lasts. */
const STAGES = (process.env.BENCH_RATES ?? '25,50,100').split(',').map(Number);
const STAGE_SECONDS = Number(process.env.BENCH_STAGE_SECONDS ?? 15);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ROLES = ['PATIENT_PARTNER', 'FAMILY_MEMBER', 'CLINICIAN', 'RESEARCHER', 'SITE_LEAD'];

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
/** CPU time (user + system) a process has used, in ms. */
const cpuMs = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
};
const rssKb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** `count` members of the demo network, each with a session (bulk SQL: signing in 1,000 people is not what is measured). */
async function addMembersWithSessions(url, count) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const {
      rows: [network],
    } = await client.query(`SELECT id, slug FROM "Network" WHERE slug = 'northstar-ibd'`);
    const { rows: sites } = await client.query(`SELECT id FROM "Site" WHERE "networkId" = $1`, [network.id]);
    const {
      rows: [hash],
    } = await client.query(`SELECT "passwordHash" FROM "User" LIMIT 1`);
    const people = Array.from({ length: count }, (_, i) => {
      const token = randomBytes(32).toString('base64url');
      return {
        id: randomUUID(),
        email: `live-${i}@bench.test`,
        name: `Live Member ${String(i).padStart(4, '0')}`,
        role: ROLES[i % ROLES.length],
        site: sites[i % sites.length].id,
        token,
        tokenHash: createHash('sha256').update(token).digest('hex'),
      };
    });
    const json = JSON.stringify(people);
    await client.query(
      `INSERT INTO "User" (id, email, "passwordHash", name, "updatedAt")
       SELECT p.id::uuid, p.email, $2, p.name, now() FROM json_to_recordset($1::json) AS p(id text, email text, name text)`,
      [json, hash.passwordHash],
    );
    await client.query(
      `INSERT INTO "Membership" (id, "userId", "networkId", "siteId", role)
       SELECT gen_random_uuid(), p.id::uuid, $2::uuid, p.site::uuid, p.role::"Role" FROM json_to_recordset($1::json) AS p(id text, site text, role text)`,
      [json, network.id],
    );
    await client.query(
      `INSERT INTO "Session" (id, "tokenHash", "userId", "expiresAt")
       SELECT gen_random_uuid(), p."tokenHash", p.id::uuid, now() + interval '1 day' FROM json_to_recordset($1::json) AS p(id text, "tokenHash" text)`,
      [json],
    );
    return { networkId: network.id, people: people.map((p) => ({ ...p, cookie: `commons_session=${p.token}` })) };
  } finally {
    await client.end();
  }
}

function connect(url, cookie) {
  return new Promise((resolve, reject) => {
    const socket = io(url, {
      path: '/socket.io',
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      extraHeaders: { cookie },
    });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function inBatches(items, size, work) {
  const results = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return results;
}

/** Sends `rate` messages per second for `seconds`, round-robin over threads, each from a random member of it. */
async function runStage(rate, seconds, clients, threads, pids) {
  const cpuBefore = pids.reduce((sum, pid) => sum + cpuMs(pid), 0);
  const sent = new Map(); // clientId → { t0, threadId, sender }
  const expected = new Map(); // message id → receivers expected
  const delivered = new Map(); // message id → set of receiver indexes
  const latencies = [];
  const ackLatencies = [];
  let duplicates = 0;
  let refused = 0;
  const onMessage = (receiver) => (message) => {
    const origin = sent.get(message.clientId);
    if (!origin) return;
    const seen = delivered.get(message.id) ?? new Set();
    if (seen.has(receiver)) duplicates += 1;
    else {
      seen.add(receiver);
      latencies.push(performance.now() - origin.t0);
    }
    delivered.set(message.id, seen);
  };
  const listeners = clients.map((c, i) => {
    const listener = onMessage(i);
    c.socket.on('message:new', listener);
    return listener;
  });

  const total = Math.round(rate * seconds);
  const started = performance.now();
  const acks = [];
  let next = 0;
  while (next < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate) + 1);
    for (; next < due; next += 1) {
      const thread = threads[next % threads.length];
      const sender = thread.members[Math.floor(Math.random() * thread.members.length)];
      const clientId = `bench-${randomUUID()}`;
      const t0 = performance.now();
      sent.set(clientId, { t0, threadId: thread.id, sender });
      acks.push(
        clients[sender].socket
          .timeout(30_000)
          .emitWithAck('message:send', { threadId: thread.id, clientId, body: `Bench message ${next} at ${rate}/s` })
          .then(
            (ack) => {
              ackLatencies.push(performance.now() - t0);
              if (ack.ok) expected.set(ack.data.message.id, thread.members.length - 1);
              else refused += 1;
            },
            () => (refused += 1),
          ),
      );
    }
    await sleep(5);
  }
  await Promise.all(acks);
  const sendSeconds = (performance.now() - started) / 1000;
  const expectedTotal = [...expected.values()].reduce((a, b) => a + b, 0);
  const count = () => [...expected.keys()].reduce((sum, id) => sum + (delivered.get(id)?.size ?? 0), 0);
  for (let waited = 0; count() < expectedTotal && waited < 10_000; waited += 100) await sleep(100);
  clients.forEach((c, i) => c.socket.off('message:new', listeners[i]));
  const serverCpuMs = pids.reduce((sum, pid) => sum + cpuMs(pid), 0) - cpuBefore;

  latencies.sort((a, b) => a - b);
  ackLatencies.sort((a, b) => a - b);
  return {
    rate,
    sent: total,
    stored: expected.size,
    refused,
    perSecond: expected.size / sendSeconds,
    expectedDeliveries: expectedTotal,
    deliveries: count(),
    lost: expectedTotal - count(),
    duplicates,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1),
    ackP95: percentile(ackLatencies, 95),
    cpuMsPerMessage: serverCpuMs / Math.max(1, expected.size),
  };
}

export async function benchThreads() {
  const name = `commons_bench_threads_${Date.now()}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
  const env = {
    DATABASE_URL: databaseUrl(name),
    REDIS_URL,
    DATABASE_POOL_SIZE: '10',
    MESSAGES_PER_WINDOW: '100000',
    LOG_LEVEL: 'warn',
  };
  const nodes = [];
  const clients = [];
  try {
    nodes.push(await startServer(env)); // migrates and seeds first, alone
    nodes.push(await startServer({ ...env, SEED_DEMO: 'false' }));
    const { networkId, people } = await addMembersWithSessions(databaseUrl(name), CLIENTS);

    const proposer = people[0].cookie;
    const threads = [];
    for (let t = 0; t < THREADS; t += 1) {
      const { body: proposed } = await graphql(
        nodes[0].url,
        `
          mutation ($n: ID!, $input: ChangeIdeaInput!) {
            proposeChangeIdea(networkId: $n, input: $input) {
              id
            }
          }
        `,
        {
          n: networkId,
          input: {
            title: `Bench idea ${t}`,
            problem: 'A problem worth a thread.',
            idea: 'An idea worth a thread.',
            driverIds: [],
          },
        },
        proposer,
      );
      const { body } = await graphql(
        nodes[0].url,
        `
          query ($id: ID!) {
            thread(subjectType: CHANGE_IDEA, subjectId: $id) {
              id
            }
          }
        `,
        { id: proposed.data.proposeChangeIdea.id },
        proposer,
      );
      threads.push({ id: body.data.thread.id, members: [] });
    }

    // Warm both processes (sockets, joins, a few messages) so the baseline holds what every process holds anyway.
    const warm = await Promise.all(nodes.map((node, i) => connect(node.url, people[i].cookie)));
    for (const socket of warm) await socket.emitWithAck('thread:join', { threadId: threads[0].id });
    for (const socket of warm)
      await socket.emitWithAck('message:send', {
        threadId: threads[0].id,
        clientId: `warm-${randomUUID()}`,
        body: 'warming up',
      });
    warm.forEach((socket) => socket.close());
    await sleep(2000);
    const baseline = nodes.map((node) => rssKb(node.pid));

    const connectStarted = performance.now();
    const opened = await inBatches(people, 50, async (person, i) => {
      const node = nodes[i % nodes.length];
      const socket = await connect(node.url, person.cookie);
      const thread = threads[i % threads.length];
      const ack = await socket.timeout(30_000).emitWithAck('thread:join', { threadId: thread.id });
      if (!ack.ok) throw new Error(`join refused: ${JSON.stringify(ack.error)}`);
      thread.members.push(i);
      return { socket, node: i % nodes.length };
    });
    clients.push(...opened);
    const connectSeconds = (performance.now() - connectStarted) / 1000;
    await sleep(3000);
    const connected = nodes.map((node) => rssKb(node.pid));
    const deltaKb = connected.reduce((a, b) => a + b, 0) - baseline.reduce((a, b) => a + b, 0);

    console.log(
      `live threads: ${CLIENTS} socket.io clients over ${nodes.length} server processes + Redis (streams adapter), ${THREADS} threads of ${CLIENTS / THREADS} members; ${os.cpus().length} cores; load average ${load()}`,
    );
    report('connect + authorise + join, all clients', { seconds: connectSeconds, perSecond: CLIENTS / connectSeconds });
    report('server RSS per connection (sum of both nodes)', {
      kb: deltaKb / CLIENTS,
      baselineMb: baseline.reduce((a, b) => a + b, 0) / 1024,
      connectedMb: connected.reduce((a, b) => a + b, 0) / 1024,
    });
    for (const rate of STAGES) {
      const figures = await runStage(
        rate,
        STAGE_SECONDS,
        clients,
        threads,
        nodes.map((n) => n.pid),
      );
      report(`messages at ${rate}/s for ${STAGE_SECONDS} s (→ ${CLIENTS / THREADS - 1} receivers each)`, {
        stored: figures.stored,
        refused: figures.refused,
        perSecond: figures.perSecond,
        deliveries: figures.deliveries,
        expected: figures.expectedDeliveries,
        lost: figures.lost,
        dup: figures.duplicates,
        serverCpuMsPerMsg: figures.cpuMsPerMessage,
      });
      report(`  delivery latency, send → each receiver (ms)`, {
        p50: figures.p50,
        p95: figures.p95,
        p99: figures.p99,
        max: figures.max,
        ackP95: figures.ackP95,
      });
      console.log(`  load average after the stage: ${load()}`);
      await sleep(2000);
    }
  } finally {
    clients.forEach((c) => c.socket.close());
    await Promise.all(nodes.map((node) => node.stop()));
    await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
}
