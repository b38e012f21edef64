import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddedInUseError, type EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';
import { isRunning, readPostmaster } from './embedded/postmaster';

const BUILT_MODULE = path.resolve(__dirname, '../../../dist/platform/database/embedded-postgres.js');

/** A logger whose lines the test can read. */
function capturedLogger() {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
  return { logger, text: () => lines.join('') };
}

const folders: string[] = [];
async function dataFolder(): Promise<string> {
  // mkdtemp makes a 0700 folder: a private parent, as CI's and containers' checkouts can be.
  const folder = await mkdtemp(path.join(os.tmpdir(), 'commons-embedded-'));
  folders.push(folder);
  return folder;
}

async function query<T = Record<string, unknown>>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

const uidOf = async (pid: number) => Number(/^Uid:\s+(\d+)/m.exec(await readFile(`/proc/${pid}/status`, 'utf8'))![1]);

afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

describe('the embedded PostgreSQL', () => {
  it('creates a cluster on the first start, with its own password, on loopback only, and keeps its data across restarts', async () => {
    const dataDir = await dataFolder();
    const { logger } = capturedLogger();
    const first = await startEmbeddedPostgres(dataDir, logger);
    let second: EmbeddedPostgres | null = null;
    try {
      expect(first.created).toBe(true);
      const url = new URL(first.url);
      expect(url.hostname).toBe('127.0.0.1');
      expect(url.password).toMatch(/^[0-9a-f]{48}$/);
      const [settings] = await query<{ listen: string; sockets: string; version: string }>(
        first.url,
        `SELECT current_setting('listen_addresses') AS listen, current_setting('unix_socket_directories') AS sockets, current_setting('server_version') AS version`,
      );
      expect(settings).toEqual({ listen: '127.0.0.1', sockets: '', version: expect.stringMatching(/^18\./) });
      // The extensions the migrations need ship with it.
      await query(first.url, 'CREATE EXTENSION IF NOT EXISTS pg_trgm; CREATE EXTENSION IF NOT EXISTS unaccent');

      const wrong = new URL(first.url);
      wrong.password = 'demo-password';
      await expect(query(wrong.toString(), 'SELECT 1')).rejects.toThrow(/password authentication failed/);
      const settingsFile = await stat(path.join(dataDir, 'postgres', 'commons-embedded.json'));
      expect(settingsFile.mode & 0o077).toBe(0);

      const otherDir = await dataFolder();
      second = await startEmbeddedPostgres(otherDir, logger);
      expect(new URL(second.url).password).not.toBe(url.password);

      await query(first.url, `CREATE TABLE kept (note text); INSERT INTO kept VALUES ('written before a restart')`);
    } finally {
      await first.stop();
      await second?.stop();
    }
    expect(await readPostmaster(path.join(dataDir, 'postgres'))).toBeNull();

    const again = await startEmbeddedPostgres(dataDir, logger);
    try {
      expect(again.created).toBe(false);
      expect(await query(again.url, 'SELECT note FROM kept')).toEqual([{ note: 'written before a restart' }]);
    } finally {
      await again.stop();
    }
  });

  it('runs PostgreSQL as an unprivileged user when the app runs as root, even below a private folder', async () => {
    const privateParent = await dataFolder();
    expect((await stat(privateParent)).mode & 0o777).toBe(0o700);
    const dataDir = path.join(privateParent, 'checkout', '.data');
    const { logger } = capturedLogger();
    const embedded = await startEmbeddedPostgres(dataDir, logger);
    try {
      const postmaster = (await readPostmaster(path.join(dataDir, 'postgres')))!;
      const uid = await uidOf(postmaster.pid);
      if (process.getuid!() === 0) expect(uid).not.toBe(0);
      else expect(uid).toBe(process.getuid!());
    } finally {
      await embedded.stop();
    }
  });

  it('removes the lock file a crash left behind, also when its PID now belongs to another program', async () => {
    const dataDir = await dataFolder();
    const { logger, text } = capturedLogger();
    await (await startEmbeddedPostgres(dataDir, logger)).stop();
    const lockFile = path.join(dataDir, 'postgres', 'postmaster.pid');
    // A PID that runs nothing, then one that runs another program (this test runner).
    for (const pid of [2 ** 22 - 7, process.pid]) {
      if (pid !== process.pid) expect(isRunning(pid)).toBe(false);
      await writeFile(
        lockFile,
        `${pid}\n${path.join(dataDir, 'postgres')}\n1796455000\n5999\n\n127.0.0.1\n  0  0\nready\n`,
      );
      const embedded = await startEmbeddedPostgres(dataDir, logger);
      expect(await query(embedded.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
      await embedded.stop();
    }
    expect(text().match(/removed the lock file/g)).toHaveLength(2);
  });

  describe('when another app process started the server', () => {
    let child: ChildProcess | null = null;

    afterAll(() => {
      child?.kill('SIGKILL');
    });

    it('refuses to start a second server, lets a tool attach, and takes over once that app has died', async () => {
      expect(existsSync(BUILT_MODULE), 'run `npm run build` first').toBe(true);
      const dataDir = await dataFolder();
      const script = `require(${JSON.stringify(BUILT_MODULE)}).startEmbeddedPostgres(${JSON.stringify(dataDir)}, require('pino')({ level: 'silent' }))
        .then((db) => { console.log(JSON.stringify({ url: db.url })); setInterval(() => {}, 1000); })`;
      child = spawn(process.execPath, ['-e', script], {
        cwd: path.resolve(__dirname, '../../..'),
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const { url } = await new Promise<{ url: string }>((resolve) =>
        child!.stdout!.once('data', (chunk) => resolve(JSON.parse(String(chunk)))),
      );
      await query(url, `CREATE TABLE note (text text); INSERT INTO note VALUES ('from the first app')`);
      const clusterDir = path.join(dataDir, 'postgres');
      const orphan = (await readPostmaster(clusterDir))!;

      const { logger, text } = capturedLogger();
      await expect(startEmbeddedPostgres(dataDir, logger)).rejects.toBeInstanceOf(EmbeddedInUseError);
      await expect(startEmbeddedPostgres(dataDir, logger)).rejects.toThrow(
        `The app process ${child.pid} is already running on the data folder`,
      );

      const attached = await startEmbeddedPostgres(dataDir, logger, { attachToRunning: true });
      expect(await query(attached.url, 'SELECT text FROM note')).toEqual([{ text: 'from the first app' }]);
      await attached.stop();
      expect(isRunning(orphan.pid)).toBe(true);

      // The app dies without stopping its database: the server is left running, orphaned.
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      expect(isRunning(orphan.pid)).toBe(true);

      const successor = await startEmbeddedPostgres(dataDir, logger);
      try {
        expect(text()).toContain(
          'stopping the embedded PostgreSQL left running by an app process that did not shut down',
        );
        expect(isRunning(orphan.pid)).toBe(false);
        expect((await readPostmaster(clusterDir))!.pid).not.toBe(orphan.pid);
        expect(await query(successor.url, 'SELECT text FROM note')).toEqual([{ text: 'from the first app' }]);
      } finally {
        await successor.stop();
      }
    });
  });
});
