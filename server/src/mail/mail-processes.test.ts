import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServerProcess } from '../test-support/server-process';
import { TestClient } from '../test-support/graphql-client';
import { SmtpSink } from '../test-support/smtp-sink';
import { TEST_PASSWORD, TestApp } from '../test-support/test-app';

const INVITE = `mutation($n: ID!, $input: InvitationInput!) { inviteMember(networkId: $n, input: $input) { emailed } }`;

/**
 * Several app processes and crashes, with the built server (`npm run build`) as real operating
 * system processes sharing one database and one SMTP server.
 */
describe('sending email from several processes, and across crashes', () => {
  let sink: SmtpSink;
  let app: TestApp;
  let db: pg.Client;
  let networkId: string;
  let siteId: string;
  let adminEmail: string;
  const processes: ServerProcess[] = [];

  const env = (extra: Record<string, string> = {}) => ({
    DATABASE_URL: app.database.url,
    SMTP_URL: sink.url,
    MAIL_POLL_SECONDS: '0.5',
    DATABASE_POOL_SIZE: '4',
    ...extra,
  });
  const start = async (extra: Record<string, string> = {}) => {
    const node = await ServerProcess.start(env(extra));
    processes.push(node);
    return node;
  };
  const signedIn = async (node: ServerProcess) => {
    const client = new TestClient(node.url);
    const result = await client.signIn(adminEmail, TEST_PASSWORD);
    if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
    return client;
  };
  const invite = (client: TestClient, email: string) =>
    client.ok(INVITE, { n: networkId, input: { email, role: 'CLINICIAN', siteId } });
  const statusOf = async (email: string) =>
    (
      await db.query<{ status: string; attempts: number; lastError: string | null }>(
        `SELECT status, attempts, "lastError" FROM "EmailMessage" WHERE "toAddress" = $1`,
        [email],
      )
    ).rows;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    app = await TestApp.start();
    const { network, sites, admin } = await app.newNetwork(1);
    networkId = network.id;
    siteId = sites[0].id;
    adminEmail = admin.email;
    // The builder's own process stops here: only the processes under test send from now on.
    await app.server.close();
    db = new pg.Client({ connectionString: app.database.url });
    await db.connect();
  }, 60_000);

  afterAll(async () => {
    await Promise.all(processes.map((node) => node.kill()));
    await db?.end();
    await app?.database.drop();
    await sink?.close();
  });

  it('two app processes send each email once', async () => {
    const [a, b] = await Promise.all([start({ MAIL_CONCURRENCY: '4' }), start({ MAIL_CONCURRENCY: '4' })]);
    const [viaA, viaB] = await Promise.all([signedIn(a), signedIn(b)]);
    const addresses = Array.from({ length: 30 }, (_, i) => `twice-${i}-${Date.now()}@example.org`);
    await Promise.all(addresses.map((email, i) => invite(i % 2 ? viaB : viaA, email)));
    await sink.waitFor(() => addresses.every((email) => sink.to(email).length >= 1), 30_000);
    // Both processes run the sweep every minute and at start-up; give any duplicate time to show.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    for (const email of addresses) {
      expect(sink.to(email)).toHaveLength(1);
      expect(await statusOf(email)).toEqual([{ status: 'SENT', attempts: 1, lastError: null }]);
    }
    await Promise.all([a.stop(), b.stop()]);
  }, 90_000);

  it('an email queued by a process that crashes before sending it is sent once after the restart', async () => {
    // A slow poll keeps this process from taking the job before it is killed.
    const doomed = await start({ MAIL_POLL_SECONDS: '30' });
    const email = `crash-before-${Date.now()}@example.org`;
    await invite(await signedIn(doomed), email);
    await doomed.kill();
    expect(await statusOf(email)).toEqual([{ status: 'QUEUED', attempts: 0, lastError: null }]);
    expect(sink.to(email)).toHaveLength(0);

    const restarted = await start();
    await sink.waitForMail(email, 1, undefined, 20_000);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(sink.to(email)).toHaveLength(1);
    expect(await statusOf(email)).toEqual([{ status: 'SENT', attempts: 1, lastError: null }]);
    await restarted.stop();
  }, 90_000);

  it('an email a process was sending when it died is not sent again after the restart (at most once), and says so', async () => {
    sink.stallData = true;
    const doomed = await start({ MAIL_LEASE_SECONDS: '5' });
    const email = `crash-during-${Date.now()}@example.org`;
    await invite(await signedIn(doomed), email);
    const deadline = Date.now() + 15_000;
    while ((await statusOf(email))[0]?.status !== 'SENDING' && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await statusOf(email))[0].status).toBe('SENDING');
    await doomed.kill();
    sink.stallData = false;
    await new Promise((resolve) => setTimeout(resolve, 5500)); // the lease runs out

    const restarted = await start();
    const [row] = await statusOf(email);
    expect(row).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(row.lastError).toMatch(/interrupted while sending/);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(sink.to(email)).toHaveLength(0);
    await restarted.stop();
  }, 90_000);
});
