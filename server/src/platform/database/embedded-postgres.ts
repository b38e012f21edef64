import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chown, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from 'pino';
import { StartupError } from '../startup-error';
import { dumpPglite, hasPglite, pgliteFolder, restorePgliteDump, retirePglite } from './embedded/pglite-conversion';
import { locatePostgresBinaries, type PostgresBinaries } from './embedded/postgres-binaries';
import {
  commandLine,
  forgetOwner,
  isRunning,
  liveOwner,
  readPostmaster,
  recordOwner,
  removePostmasterLock,
  terminate,
} from './embedded/postmaster';
import { letUserReach, makeClusterFolder, postgresProcessUser, type ProcessUser } from './embedded/process-user';

export interface EmbeddedPostgres {
  url: string;
  /** True when this start initialised the cluster: the data folder held no database before. */
  created: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /**
   * When the app is already running on this data folder, connect to its server instead of
   * refusing (command-line tools run beside the app); `stop()` then leaves it running.
   */
  attachToRunning?: boolean;
}

/** What initdb chose, kept in the cluster folder (readable by the app's user only). */
interface ClusterSettings {
  user: string;
  password: string;
  database: string;
  convertedFromPglite?: string;
}

const SETTINGS_FILE = 'commons-embedded.json';
const STOP_GRACE_MS = 30_000;
const READY_TIMEOUT_MS = 60_000;

export class EmbeddedInUseError extends StartupError {}

/**
 * The embedded default: a real PostgreSQL, from the binaries npm installs for this platform, with
 * its cluster in `DATA_DIR/postgres`, listening on a free loopback port only, with a password
 * generated when the cluster is created. Started before migrations; `stop()` after the app drains.
 * A server left running by an app that died is stopped and restarted; one still used by a live
 * app process is refused. An earlier PGlite database in `DATA_DIR/pglite` is converted.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  logger: Logger,
  options: EmbeddedOptions = {},
): Promise<EmbeddedPostgres> {
  const clusterDir = path.join(dataDir, 'postgres');
  await mkdir(dataDir, { recursive: true });

  const running = await leftoverServer(clusterDir, logger);
  if (running) {
    if (!options.attachToRunning) {
      throw new EmbeddedInUseError(
        `The app process ${running.owner} is already running on the data folder ${dataDir}. Stop it first, or give this process its own DATA_DIR.`,
      );
    }
    const settings = await readSettings(clusterDir);
    return {
      url: connectionUrl(settings, running.port, settings.database),
      created: false,
      stop: () => Promise.resolve(),
    };
  }

  const binaries = await locatePostgresBinaries();
  const user = await postgresProcessUser(logger);
  if (user) {
    await letUserReach(binaries.postgres, user, logger);
    await letUserReach(clusterDir, user, logger);
  }

  const isCluster = existsSync(path.join(clusterDir, 'PG_VERSION'));
  let pgliteDump: string | null = null;
  if (hasPglite(dataDir)) {
    if (!isCluster) pgliteDump = await dumpPglite(dataDir, logger);
    else if ((await readSettings(clusterDir)).convertedFromPglite) await retirePglite(dataDir, logger);
    else throw new StartupError(bothDatabasesMessage(dataDir, clusterDir));
  }

  let created = false;
  if (!isCluster) {
    await initialise(binaries, clusterDir, user, logger);
    created = true;
  }
  const settings = await readSettings(clusterDir);
  const server = await launch(binaries, clusterDir, user, settings, logger);
  try {
    await ensureDatabase(server.adminUrl, settings.database);
    if (pgliteDump) {
      await restorePgliteDump(server.url, dataDir);
      await writeSettings(clusterDir, { ...settings, convertedFromPglite: new Date().toISOString() });
      await retirePglite(dataDir, logger);
      created = false;
    }
  } catch (error) {
    await server.stop();
    // A cluster made for a conversion that failed is removed, so the next start tries again.
    if (pgliteDump) await rm(clusterDir, { recursive: true, force: true });
    throw error;
  }
  logger.info(
    { clusterDir, port: server.port, created },
    `embedded PostgreSQL ${created ? 'created' : 'started'} in ${clusterDir}`,
  );
  return { url: server.url, created, stop: server.stop };
}

/**
 * A server already running on the cluster (PostgreSQL's lock file names a live postmaster of
 * this folder). Returned when a live app owns it; stopped when its app died; a lock file left by
 * a crash is removed. Null when nothing runs.
 */
async function leftoverServer(clusterDir: string, logger: Logger): Promise<{ owner: number; port: number } | null> {
  const postmaster = await readPostmaster(clusterDir);
  if (!postmaster) return null;
  const command = isRunning(postmaster.pid) ? await commandLine(postmaster.pid) : null;
  const ours = isRunning(postmaster.pid) && (command === null || command.includes(clusterDir));
  if (!ours) {
    // The server crashed or was killed; its PID may even belong to another program by now.
    await removePostmasterLock(clusterDir);
    logger.warn({ pid: postmaster.pid }, 'removed the lock file of an embedded PostgreSQL that is no longer running');
    return null;
  }
  const owner = await liveOwner(clusterDir);
  if (owner !== null) return { owner, port: postmaster.port };
  logger.warn(
    { pid: postmaster.pid },
    'stopping the embedded PostgreSQL left running by an app process that did not shut down',
  );
  await terminate(postmaster.pid, 'SIGINT', STOP_GRACE_MS);
  await forgetOwner(clusterDir);
  return null;
}

async function initialise(
  binaries: PostgresBinaries,
  clusterDir: string,
  user: ProcessUser | null,
  logger: Logger,
): Promise<void> {
  if (existsSync(clusterDir) && (await readdir(clusterDir)).length > 0) {
    throw new StartupError(
      `${clusterDir} is not empty but holds no PostgreSQL cluster. Move it away so a new one can be created there.`,
    );
  }
  // initdb writes into a folder of its own, renamed once complete: a start interrupted half way
  // leaves no cluster that looks usable.
  const staging = `${clusterDir}.initialising`;
  await rm(staging, { recursive: true, force: true });
  await makeClusterFolder(staging, user);
  const settings: ClusterSettings = { user: 'commons', password: randomBytes(24).toString('hex'), database: 'commons' };
  const passwordFile = path.join(os.tmpdir(), `commons-initdb-${randomBytes(8).toString('hex')}`);
  await writeFile(passwordFile, `${settings.password}\n`, { mode: 0o600 });
  if (user) await chown(passwordFile, user.uid, user.gid);
  try {
    const args = [
      '--pgdata',
      staging,
      '--username',
      settings.user,
      '--pwfile',
      passwordFile,
      '--auth',
      'scram-sha-256',
      '--encoding',
      'UTF8',
    ];
    // The builtin C.UTF-8 collation behaves the same on every platform, needing no OS locale.
    args.push('--locale-provider', 'builtin', '--builtin-locale', 'C.UTF-8', '--locale', 'C', '--no-instructions');
    const { code, output } = await runToEnd(binaries.initdb, args, user);
    if (code !== 0) throw new Error(`initdb failed (exit ${code}): ${output.trim()}`);
  } finally {
    await rm(passwordFile, { force: true });
  }
  await writeSettings(staging, settings);
  if (existsSync(clusterDir)) await rm(clusterDir, { recursive: true });
  await rename(staging, clusterDir);
  logger.info({ clusterDir }, 'initialised the embedded PostgreSQL cluster');
}

function runToEnd(
  command: string,
  args: string[],
  user: ProcessUser | null,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      ...(user ? { uid: user.uid, gid: user.gid } : {}),
      env: { ...process.env, LC_MESSAGES: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

async function readSettings(clusterDir: string): Promise<ClusterSettings> {
  const text = await readFile(path.join(clusterDir, SETTINGS_FILE), 'utf8').catch(() => null);
  if (!text)
    throw new StartupError(
      `${path.join(clusterDir, SETTINGS_FILE)} is missing: this cluster was not created by Commons. Move ${clusterDir} away to create a new one.`,
    );
  return JSON.parse(text) as ClusterSettings;
}

async function writeSettings(clusterDir: string, settings: ClusterSettings): Promise<void> {
  await writeFile(path.join(clusterDir, SETTINGS_FILE), `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
}

const connectionUrl = (settings: ClusterSettings, port: number, database: string) =>
  `postgresql://${settings.user}:${settings.password}@127.0.0.1:${port}/${database}`;

interface RunningServer {
  url: string;
  adminUrl: string;
  port: number;
  stop: () => Promise<void>;
}

async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts the server on a free loopback port (another if that one is taken meanwhile). */
async function launch(
  binaries: PostgresBinaries,
  clusterDir: string,
  user: ProcessUser | null,
  settings: ClusterSettings,
  logger: Logger,
): Promise<RunningServer> {
  for (let attempt = 1; ; attempt += 1) {
    const port = await freeLoopbackPort();
    const child = spawn(
      binaries.postgres,
      [
        '-D',
        clusterDir,
        '-p',
        String(port),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
        '-c',
        'log_min_error_statement=panic',
      ],
      {
        ...(user ? { uid: user.uid, gid: user.gid } : {}),
        env: { ...process.env, LC_MESSAGES: 'C' },
        // Its own process group: a Ctrl+C in the terminal reaches the app, which drains its
        // requests and then stops the database, rather than both at once.
        detached: process.platform !== 'win32',
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    const recent: string[] = [];
    child.stderr.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        recent.push(line);
        if (recent.length > 30) recent.shift();
        // Refusals of the readiness probe while it starts are expected; other FATALs are not.
        if (/\b(FATAL|PANIC):/.test(line) && !line.includes('the database system is starting up'))
          logger.error({ postgres: line }, 'embedded PostgreSQL');
        else logger.debug({ postgres: line }, 'embedded PostgreSQL');
      }
    });
    const adminUrl = connectionUrl(settings, port, 'postgres');
    const ready = await waitUntilAccepting(child, adminUrl);
    if (ready) {
      await recordOwner(clusterDir, port);
      return {
        url: connectionUrl(settings, port, settings.database),
        adminUrl,
        port,
        stop: stopper(child, clusterDir),
      };
    }
    const output = recent.join('\n');
    if (/could not bind|Address already in use/i.test(output) && attempt < 5) continue;
    if (child.exitCode === null) child.kill('SIGKILL');
    throw new Error(`the embedded PostgreSQL did not start (log: ${output.trim() || 'empty'})`);
  }
}

async function waitUntilAccepting(child: ChildProcess, adminUrl: string): Promise<boolean> {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let ended = false;
  void exited.then(() => (ended = true));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!ended && Date.now() < deadline) {
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
    client.on('error', () => undefined);
    const connected = await client.connect().then(
      () => true,
      () => false,
    );
    await client.end().catch(() => undefined);
    if (connected) return true;
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 50))]);
  }
  return false;
}

function stopper(child: ChildProcess, clusterDir: string): () => Promise<void> {
  // If the app ends without stopping the database (an uncaught error), it is stopped all the same.
  const onExit = () => child.kill('SIGINT');
  process.once('exit', onExit);
  let stopping: Promise<void> | null = null;
  return () =>
    (stopping ??= (async () => {
      process.off('exit', onExit);
      if (child.exitCode === null && child.signalCode === null && child.pid) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        // SIGINT is PostgreSQL's fast shutdown: sessions end, a checkpoint is written.
        await terminate(child.pid, 'SIGINT', STOP_GRACE_MS);
        await exited;
      }
      await forgetOwner(clusterDir);
    })());
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
}

function bothDatabasesMessage(dataDir: string, clusterDir: string): string {
  const pglite = pgliteFolder(dataDir);
  return (
    `Both ${pglite} (the earlier embedded database, PGlite) and ${clusterDir} (PostgreSQL) exist, and it is not recorded that the first was converted into the second.\n` +
    `To keep using ${clusterDir}, move the PGlite folder away: mv "${pglite}" "${pglite}.old"\n` +
    `To convert the PGlite data instead, move the PostgreSQL folder away and start again: mv "${clusterDir}" "${clusterDir}.old"`
  );
}
