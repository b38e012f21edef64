import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../test-support/graphql-client';

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const MAIN = path.join(REPO_ROOT, 'server', 'dist', 'main.js');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

interface Started {
  process: ChildProcess;
  url: string;
  log: string[];
}

/** Starts the built server as `npm start` does, without DATABASE_URL: the embedded default. */
async function startBuiltServer(dataDir: string, port: number): Promise<Started> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
  };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const log: string[] = [];
  child.stdout.on('data', (chunk) => log.push(String(chunk)));
  child.stderr.on('data', (chunk) => log.push(String(chunk)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${log.join('')}`);
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { process: child, url, log };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`server not ready within 90s:\n${log.join('')}`);
}

async function stop(started: Started): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => started.process.once('exit', (code) => resolve(code)));
  started.process.kill('SIGTERM');
  return exited;
}

describe('the embedded default (no DATABASE_URL)', () => {
  let dataDir: string;
  let port: number;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'commons-embedded-'));
    port = await freePort();
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('seeds the demo network, keeps what members change across a restart, and shuts down cleanly', async () => {
    const first = await startBuiltServer(dataDir, port);
    expect(first.log.join('')).toContain('admin@demo.commons.test');

    const admin = new TestClient(first.url);
    const signedIn = await admin.signIn('admin@demo.commons.test', 'demo-password');
    expect(signedIn.errors).toBeUndefined();
    const bio = `Changed before a restart at ${Date.now()}`;
    await admin.ok(`mutation($input: ProfileInput!) { updateProfile(input: $input) { id } }`, {
      input: { name: 'Maya Lindqvist', bio, interests: ['qi methods'], pronouns: 'she/her', locale: 'sv' },
    });
    expect(await stop(first)).toBe(0);

    const second = await startBuiltServer(dataDir, port);
    try {
      expect(second.log.join('')).not.toContain('Seeded the demo network');
      const again = new TestClient(second.url);
      again.cookie = admin.cookie; // the session, stored in the database, survives the restart too
      const { me } = await again.ok(`{ me { bio locale interests memberships { network { slug sites { id } } } } }`);
      expect(me).toMatchObject({ bio, locale: 'sv', interests: ['qi methods'] });
      expect(me.memberships[0].network).toMatchObject({ slug: 'northstar-ibd' });
      expect(me.memberships[0].network.sites).toHaveLength(8);
    } finally {
      expect(await stop(second)).toBe(0);
    }
  }, 240_000);
});
