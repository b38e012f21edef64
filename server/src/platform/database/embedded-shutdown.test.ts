import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../test-support/graphql-client';
import { isRunning, readPostmaster } from './embedded/postmaster';

const MAIN = path.resolve(__dirname, '../../../dist/main.js');

describe('stopping the app on the embedded default', () => {
  let dataDir: string;
  let app: ChildProcess | null = null;

  afterAll(async () => {
    if (app?.pid && app.exitCode === null) process.kill(-app.pid, 'SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('on Ctrl+C (SIGINT to the whole process group) answers the requests in flight, then stops the database and exits 0', async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'commons-shutdown-'));
    const port = 20000 + Math.floor(Math.random() * 20000);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'true',
    };
    delete env.DATABASE_URL;
    // Its own process group, as a terminal gives `npm start`: a Ctrl+C signals every process in it.
    app = spawn(process.execPath, [MAIN], { env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    app.stderr!.on('data', (chunk) => (log += chunk));
    const exited = new Promise<number | null>((resolve) => app!.once('exit', (code) => resolve(code)));
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 150_000;
    while (
      !(await fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      if (app.exitCode !== null || Date.now() > deadline) throw new Error(`not ready:\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const postmaster = (await readPostmaster(path.join(dataDir, 'postgres')))!;
    const member = new TestClient(url);
    expect((await member.signIn('clinician@demo.commons.test', 'demo-password')).errors).toBeUndefined();
    const page = `query($q: String!) { search(networkId: $n, query: $q, first: 20) { nodes { id } } }`;
    const { me } = await member.ok(`{ me { memberships { network { id } } } }`);
    const networkId = me.memberships[0].network.id;

    const inFlight = Array.from({ length: 40 }, (_, i) =>
      member.gql(page.replace('$q: String!', '$q: String!, $n: ID!'), {
        q: ['care', 'plan', 'school', 'diet'][i % 4],
        n: networkId,
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    process.kill(-app.pid!, 'SIGINT');

    const answers = await Promise.all(inFlight);
    expect(answers.map((answer) => answer.errors?.[0]?.message ?? 'data')).toEqual(answers.map(() => 'data'));
    expect(await exited).toBe(0);
    expect(isRunning(postmaster.pid)).toBe(false);
    expect(await readPostmaster(path.join(dataDir, 'postgres'))).toBeNull();
  }, 240_000);

  it('says what to do when the port is taken, and leaves no database running', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'commons-port-'));
    const blocker = net.createServer().listen(0, '0.0.0.0');
    await new Promise((resolve) => blocker.once('listening', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        DATA_DIR: folder,
        PORT: String(port),
        LOG_LEVEL: 'warn',
        SEED_DEMO: 'false',
      };
      delete env.DATABASE_URL;
      const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'ignore', 'pipe'] });
      let output = '';
      child.stderr.on('data', (chunk) => (output += chunk));
      const code = await new Promise((resolve) => child.once('exit', resolve));
      expect(code).toBe(1);
      expect(output).toContain(`Port ${port} is already in use`);
      expect(output).not.toMatch(/\n\s+at /);
      expect(await readPostmaster(path.join(folder, 'postgres'))).toBeNull();
    } finally {
      blocker.close();
      await rm(folder, { recursive: true, force: true });
    }
  }, 120_000);
});
