import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/password';
import { TestClient } from '../../test-support/graphql-client';
import { StartupError } from '../startup-error';
import { installPgliteTools } from './embedded/pglite-conversion';
import { startEmbeddedPostgres } from './embedded-postgres';
import { BOOKKEEPING_TABLE, readMigrations } from './migrator';

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const MAIN = path.join(REPO_ROOT, 'server', 'dist', 'main.js');
const MIGRATIONS = path.join(REPO_ROOT, 'prisma', 'migrations');
const PASSWORD = 'kept-across-the-conversion';

let work: string;
let tools: string;

/**
 * Writes what Commons 0.1's embedded default left in DATA_DIR/pglite: every migration applied by
 * PGlite itself, with the same bookkeeping, and a network with one member.
 */
async function makePgliteDataFolder(dataDir: string): Promise<void> {
  await mkdir(path.join(dataDir, 'pglite'), { recursive: true });
  const migrations = await readMigrations(MIGRATIONS);
  const passwordHash = await hashPassword(PASSWORD);
  const fixture = path.join(work, `fixture-${Date.now()}.json`);
  await writeFile(
    fixture,
    JSON.stringify({ migrations, bookkeeping: BOOKKEEPING_TABLE, passwordHash, dataDir: path.join(dataDir, 'pglite') }),
  );
  const script = `
    const { createRequire } = require('node:module');
    const input = JSON.parse(require('node:fs').readFileSync(${JSON.stringify(fixture)}, 'utf8'));
    const load = createRequire(${JSON.stringify(path.join(tools, 'package.json'))});
    const { PGlite } = load('@electric-sql/pglite');
    const { pg_trgm } = load('@electric-sql/pglite/contrib/pg_trgm');
    (async () => {
      const db = await PGlite.create({ dataDir: input.dataDir, extensions: { pg_trgm } });
      await db.exec(input.bookkeeping);
      for (const m of input.migrations) {
        await db.exec(m.sql);
        await db.query('INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES (gen_random_uuid(), $1, now(), $2, 1)', [m.checksum, m.name]);
      }
      await db.exec(\`
        INSERT INTO "Network" (id, slug, name, "startedOn") VALUES ('6f0c3c52-46d5-4a52-9d6e-0d6a1f7a2b01', 'riverbend', 'Riverbend Children''s Network', '2025-01-01');
        INSERT INTO "Site" (id, "networkId", slug, name) VALUES ('6f0c3c52-46d5-4a52-9d6e-0d6a1f7a2b02', '6f0c3c52-46d5-4a52-9d6e-0d6a1f7a2b01', 'north', 'Norrland Barnklinik');\`);
      await db.query('INSERT INTO "User" (id, email, "passwordHash", name, "updatedAt") VALUES ($1, $2, $3, $4, now())',
        ['6f0c3c52-46d5-4a52-9d6e-0d6a1f7a2b03', 'asa@riverbend.example', input.passwordHash, 'Åsa Öberg ✓']);
      await db.exec(\`INSERT INTO "Membership" (id, "userId", "networkId", "siteId", role) VALUES
        ('6f0c3c52-46d5-4a52-9d6e-0d6a1f7a2b04', '6f0c3c52-46d5-4a52-9d6e-0d6a1f7a2b03', '6f0c3c52-46d5-4a52-9d6e-0d6a1f7a2b01', NULL, 'NETWORK_ADMIN')\`);
      await db.close();
    })().catch((error) => { console.error(error); process.exit(1); });`;
  const { code, output } = await run(process.execPath, ['-e', script], process.env);
  if (code !== 0) throw new Error(`making the PGlite folder failed: ${output}`);
}

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('close', (code) => resolve({ code, output }));
  });
}

/** `npm start` on the embedded default: no DATABASE_URL, the given data folder. */
function appEnv(dataDir: string, port: number, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    ...extra,
  };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  return env;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'commons-pglite-'));
  tools = path.join(work, 'tools');
  await installPgliteTools(tools);
}, 180_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('a data folder from the PGlite default', () => {
  it('is converted into the embedded PostgreSQL at start: members, sign-ins and the schema kept, the old files set aside, no demo added', async () => {
    const dataDir = path.join(work, 'converted');
    await makePgliteDataFolder(dataDir);
    const port = 20000 + Math.floor(Math.random() * 20000);
    const app = spawn(process.execPath, [MAIN], { env: appEnv(dataDir, port), stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    app.stdout.on('data', (chunk) => (log += chunk));
    app.stderr.on('data', (chunk) => (log += chunk));
    try {
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
      expect(log).toContain('converting it to PostgreSQL');

      const member = new TestClient(url);
      expect((await member.signIn('asa@riverbend.example', PASSWORD)).errors).toBeUndefined();
      const { me } = await member.ok(`{ me { name memberships { role network { slug name sites { name } } } } }`);
      expect(me).toEqual({
        name: 'Åsa Öberg ✓',
        memberships: [
          {
            role: 'NETWORK_ADMIN',
            network: {
              slug: 'riverbend',
              name: "Riverbend Children's Network",
              sites: [{ name: 'Norrland Barnklinik' }],
            },
          },
        ],
      });
      const folder = await readdir(dataDir);
      expect(folder.filter((name) => name.startsWith('pglite'))).toEqual([
        expect.stringMatching(/^pglite\.converted-/),
      ]);
      expect(folder).toContain('postgres');

      // The converted database is the app's from now on: everything in it is PostgreSQL's own.
      const settings = JSON.parse(await readFile(path.join(dataDir, 'postgres', 'commons-embedded.json'), 'utf8'));
      const lock = (await readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n');
      const client = new pg.Client({
        host: '127.0.0.1',
        port: Number(lock[3]),
        user: settings.user,
        password: settings.password,
        database: settings.database,
      });
      await client.connect();
      try {
        const counts = await client.query(
          `SELECT (SELECT count(*) FROM "Network")::int AS networks, (SELECT count(*) FROM "_prisma_migrations")::int AS migrations`,
        );
        expect(counts.rows[0]).toEqual({ networks: 1, migrations: (await readMigrations(MIGRATIONS)).length });
        const search = await client.query(
          `SELECT count(*)::int AS n FROM pg_indexes WHERE indexdef ILIKE '%gin_trgm_ops%'`,
        );
        expect(search.rows[0].n).toBeGreaterThan(0);
      } finally {
        await client.end();
      }
    } finally {
      const exited = new Promise((resolve) => app.once('exit', resolve));
      app.kill('SIGTERM');
      await exited;
    }
  }, 240_000);

  it('stops start-up with what to do, and changes nothing, when the converter cannot be fetched', async () => {
    const dataDir = path.join(work, 'offline');
    await makePgliteDataFolder(dataDir);
    const before = await readdir(path.join(dataDir, 'pglite'), { recursive: true });
    const env = appEnv(dataDir, 20000 + Math.floor(Math.random() * 20000), {
      npm_config_registry: 'http://127.0.0.1:9/',
      npm_config_fetch_retries: '0',
    });
    delete env.npm_execpath;
    const { code, output } = await run(process.execPath, [MAIN], env);
    expect(code).toBe(1);
    expect(output).toContain(
      `Found the earlier embedded database (PGlite) in ${path.join(dataDir, 'pglite')} and could not convert it`,
    );
    expect(output).toContain(`mv "${path.join(dataDir, 'pglite')}"`);
    expect(output).not.toMatch(/\n\s+at /); // a message for people, not a stack trace
    expect(await readdir(path.join(dataDir, 'pglite'), { recursive: true })).toEqual(before);
    expect(existsSync(path.join(dataDir, 'postgres'))).toBe(false);
  }, 240_000);

  it('is refused, with both ways out, when a PostgreSQL cluster exists beside it that it was not converted into', async () => {
    const dataDir = path.join(work, 'both');
    const logger = pino({ level: 'silent' });
    await (await startEmbeddedPostgres(dataDir, logger)).stop();
    await makePgliteDataFolder(dataDir);
    const refusal = startEmbeddedPostgres(dataDir, logger);
    await expect(refusal).rejects.toBeInstanceOf(StartupError);
    await expect(startEmbeddedPostgres(dataDir, logger)).rejects.toThrow(
      /mv ".*pglite" ".*pglite\.old"[\s\S]*mv ".*postgres" ".*postgres\.old"/,
    );
  }, 120_000);
});
