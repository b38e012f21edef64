import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RunningServer, startServer } from '../app';
import { DEMO_PASSWORD } from '../demo/demo-people';
import { loadConfig } from '../platform/config/config';
import { PrismaService } from '../platform/database/prisma.service';
import { TestClient } from '../test-support/graphql-client';
import { BUILT_SERVER } from '../test-support/server-process';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database';
import { StartRefused } from './first-start';

const SETUP_LINK = /(https?:\/\/[^\s]+)\/setup\?token=([\w-]+)/;
const PUBLIC = 'https://commons.example.org';

/** A server started in this process on `env`, with its log lines and whatever it printed on stdout. */
async function start(env: Record<string, string>) {
  const log: string[] = [];
  const logger = pino(
    { level: 'info' },
    new Writable({ write: (chunk, _, done) => (log.push(String(chunk)), done()) }),
  );
  const printed: string[] = [];
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (printed.push(String(chunk)), true));
  try {
    const server = await startServer(
      loadConfig({
        NODE_ENV: 'test',
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        DATABASE_POOL_SIZE: '4',
        ...env,
      }),
      logger,
    );
    return { server, log: log.join(''), printed: printed.join('') };
  } finally {
    stdout.mockRestore();
  }
}

const networkCount = (server: RunningServer) => server.app.get(PrismaService).network.count();

describe('what a start does with an empty or demo database', () => {
  const databases: TestDatabase[] = [];
  const servers: RunningServer[] = [];
  const newDatabase = async () => {
    const database = await createTestDatabase();
    databases.push(database);
    return database.url;
  };
  const started = async (env: Record<string, string>) => {
    const result = await start(env);
    servers.push(result.server);
    return result;
  };

  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  afterAll(async () => {
    await Promise.all(databases.map((database) => database.drop()));
  });

  describe('with DATABASE_URL and SEED_DEMO unset', () => {
    it('seeds nothing and logs a one-time link to the first-run page, which works', async () => {
      const url = await newDatabase();
      const { server, log, printed } = await started({ DATABASE_URL: url });
      expect(await networkCount(server)).toBe(0);
      expect(printed).toBe('');
      const [line] = log.split('\n').filter((l) => SETUP_LINK.test(l));
      expect(JSON.parse(line)).toMatchObject({ level: 40, msg: expect.stringContaining('No network is set up yet') });
      const [, base, token] = line.match(SETUP_LINK)!;
      expect(base).toBe(server.url);

      const client = new TestClient(server.url);
      const done = await client.gql(
        `mutation($input: CompleteSetupInput!) { completeSetup(input: $input) { networkSlug } }`,
        {
          input: {
            token,
            networkName: 'Harbour Network',
            networkSlug: 'harbour',
            startMonth: '2026-01',
            sites: ["Harbour City Children's"],
            adminName: 'Ada Admin',
            adminEmail: 'ada@example.org',
            password: 'a long admin password',
          },
        },
      );
      expect(done.errors).toBeUndefined();
      await server.close();

      // The next start finds a network: no link, no demo.
      const again = await started({ DATABASE_URL: url });
      expect(again.log).not.toMatch(SETUP_LINK);
      expect(again.printed).toBe('');
      expect(await networkCount(again.server)).toBe(1);
    });

    it('prints the link with PUBLIC_URL', async () => {
      const { log } = await started({ DATABASE_URL: await newDatabase(), PUBLIC_URL: `${PUBLIC}/` });
      expect(log.match(SETUP_LINK)?.[1]).toBe(PUBLIC);
    });
  });

  describe('with SEED_DEMO=true and no PUBLIC_URL (the end-to-end tests)', () => {
    let demoDatabase: string;

    it('seeds the demo, never logs its password, and prints the sign-ins on stdout for localhost', async () => {
      demoDatabase = await newDatabase();
      const { server, log, printed } = await started({ DATABASE_URL: demoDatabase, SEED_DEMO: 'true' });
      expect(await networkCount(server)).toBe(1);
      expect(log).toContain('Seeded the demo network');
      expect(log).not.toContain(DEMO_PASSWORD);
      expect(log).not.toMatch(SETUP_LINK);
      expect(printed).toContain(`at ${server.url}`);
      expect(printed).toContain(`password: ${DEMO_PASSWORD}`);
      expect(printed).toMatch(/Network admin\s+admin@demo\.commons\.test\s+network-wide/);
      expect(printed.split('\n').length).toBeGreaterThan(8);
    }, 60_000);

    it('refuses to start on that database at a public PUBLIC_URL, saying what to do', async () => {
      const refusal = start({ DATABASE_URL: demoDatabase, PUBLIC_URL: PUBLIC });
      await expect(refusal).rejects.toBeInstanceOf(StartRefused);
      const message = (await refusal.catch((error: Error) => error)) as Error;
      expect(message.message).toContain(`PUBLIC_URL (${PUBLIC}) is not a localhost address`);
      expect(message.message).toContain('ALLOW_DEMO_ACCOUNTS=true');
      expect(message.message).toContain('npm run setup');
      expect(message.message).not.toContain(DEMO_PASSWORD);
    });

    it('starts there with ALLOW_DEMO_ACCOUNTS=true (a public demo site), printing no password', async () => {
      const { server, log, printed } = await started({
        DATABASE_URL: demoDatabase,
        PUBLIC_URL: PUBLIC,
        ALLOW_DEMO_ACCOUNTS: 'true',
      });
      expect(server.url).toBe(PUBLIC);
      expect(printed).toBe('');
      expect(log).not.toContain(DEMO_PASSWORD);
    });

    it('starts there again on localhost, printing the sign-ins but seeding nothing more', async () => {
      const { server, log, printed } = await started({
        DATABASE_URL: demoDatabase,
        PUBLIC_URL: 'http://localhost:3999',
      });
      expect(log).not.toContain('Seeded the demo network');
      expect(printed).toContain('at http://localhost:3999');
      expect(await networkCount(server)).toBe(1);
    });
  });

  it('refuses SEED_DEMO=true at a public PUBLIC_URL before seeding anything', async () => {
    const url = await newDatabase();
    await expect(start({ DATABASE_URL: url, SEED_DEMO: 'true', PUBLIC_URL: PUBLIC })).rejects.toThrow(
      /SEED_DEMO=true would create the demo network/,
    );
    const { server } = await started({ DATABASE_URL: url, SEED_DEMO: 'false' });
    expect(await networkCount(server)).toBe(0);
  });

  describe('the built server, refusing', () => {
    it('exits with the message alone on stderr (no stack trace) and code 1', async () => {
      const url = await newDatabase();
      const child = spawn(process.execPath, [BUILT_SERVER], {
        env: {
          PATH: process.env.PATH,
          NODE_ENV: 'production',
          PORT: '0',
          HOST: '127.0.0.1',
          DATABASE_URL: url,
          SEED_DEMO: 'true',
          PUBLIC_URL: PUBLIC,
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      let stdout = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.stdout.on('data', (chunk) => (stdout += chunk));
      const code = await new Promise((resolve) => child.once('exit', resolve));
      expect(code).toBe(1);
      expect(stderr.trim().split('\n').slice(0, 2)).toEqual([
        'Commons could not start.',
        expect.stringMatching(/^Refusing to start: SEED_DEMO=true would create the demo network/),
      ]);
      expect(stderr).toContain('ALLOW_DEMO_ACCOUNTS=true');
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(stdout + stderr).not.toContain(DEMO_PASSWORD);
    }, 60_000);
  });

  describe('the embedded database (no DATABASE_URL)', () => {
    let dataDir: string;
    beforeAll(async () => {
      dataDir = await mkdtemp(path.join(os.tmpdir(), 'commons-first-start-'));
    });
    afterAll(async () => {
      await rm(dataDir, { recursive: true, force: true });
    });

    it('seeds no demo on a fresh folder behind a public PUBLIC_URL, and links to the first-run page there', async () => {
      const { server, log, printed } = await started({ DATA_DIR: dataDir, NODE_ENV: 'production', PUBLIC_URL: PUBLIC });
      expect(await networkCount(server)).toBe(0);
      expect(log.match(SETUP_LINK)?.[1]).toBe(PUBLIC);
      expect(printed).toBe('');
    }, 120_000);

    it('seeds no demo on a folder made by an earlier start, even on localhost', async () => {
      const { server, log } = await started({ DATA_DIR: dataDir });
      expect(await networkCount(server)).toBe(0);
      expect(log).toMatch(SETUP_LINK);
    }, 120_000);
  });
});
