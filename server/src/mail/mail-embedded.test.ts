import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../test-support/graphql-client';
import { BUILT_SERVER, freePort } from '../test-support/server-process';

/**
 * The queue on the embedded PostgreSQL 18 that `npm start` runs (no DATABASE_URL, no SMTP_URL):
 * an invitation goes through pg-boss into the outbox, where the admin reads it.
 */
describe('email on the embedded default', () => {
  let dataDir: string;
  let child: ChildProcess;
  let url: string;
  const log: string[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'commons-mail-embedded-'));
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      MAIL_POLL_SECONDS: '0.5',
    };
    child = spawn(process.execPath, [BUILT_SERVER], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (chunk) => log.push(String(chunk)));
    child.stderr!.on('data', (chunk) => log.push(String(chunk)));
    url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited early:\n${log.join('')}`);
      if (
        await fetch(`${url}/readyz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (Date.now() > deadline) throw new Error(`server not ready:\n${log.join('')}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }, 150_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  it('queues an invitation with pg-boss and keeps it in the outbox for the admin', async () => {
    expect(log.join('')).toContain('outbox');
    const admin = new TestClient(url);
    expect((await admin.signIn('admin@demo.commons.test', 'demo-password')).errors).toBeUndefined();
    const { me } = await admin.ok(`{ me { memberships { network { id sites { id } } } } }`);
    const network = me.memberships[0].network;
    await admin.ok(
      `mutation($n: ID!, $input: InvitationInput!) { inviteMember(networkId: $n, input: $input) { emailed } }`,
      {
        n: network.id,
        input: { email: 'embedded-outbox@example.org', role: 'CLINICIAN', siteId: network.sites[0].id },
      },
    );
    const deadline = Date.now() + 30_000;
    let node;
    do {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const { emailLog } = await admin.ok(
        `query($n: ID!) { emailLog(networkId: $n, first: 5) { nodes { toAddress status response text } } }`,
        { n: network.id },
      );
      node = emailLog.nodes.find((n: { toAddress: string }) => n.toAddress === 'embedded-outbox@example.org');
    } while (node?.status !== 'SENT' && Date.now() < deadline);
    expect(node).toMatchObject({ status: 'SENT', response: 'outbox' });
    expect(node.text).toContain('/invite/');
  }, 60_000);
});
