import { execFile } from 'node:child_process';
import { chmod, chown, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Logger } from 'pino';

const run = promisify(execFile);

/** The operating-system account PostgreSQL runs as; null when it is the app's own. */
export interface ProcessUser {
  name: string;
  uid: number;
  gid: number;
}

const SYSTEM_USER = 'postgres';

async function lookUp(name: string): Promise<ProcessUser | null> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
    return { name, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return null;
  }
}

/**
 * PostgreSQL refuses to run as root (CI runners and containers often do). Then it runs as the
 * unprivileged system account `postgres`, created if the machine has none.
 */
export async function postgresProcessUser(logger: Logger): Promise<ProcessUser | null> {
  if (process.platform === 'win32' || process.getuid?.() !== 0) return null;
  const existing = await lookUp(SYSTEM_USER);
  if (existing) return existing;
  logger.warn(
    `running as root: creating the system user "${SYSTEM_USER}" for the embedded PostgreSQL, which refuses to run as root`,
  );
  try {
    await run('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', SYSTEM_USER]);
  } catch {
    // BusyBox-based systems (Alpine) have adduser instead.
    await run('adduser', ['-S', '-D', '-H', SYSTEM_USER]).catch((error: Error) => {
      throw new Error(
        `Running as root, the embedded PostgreSQL needs an unprivileged system user, and creating "${SYSTEM_USER}" failed (${error.message}). Create it, run the app as another user, or set DATABASE_URL.`,
      );
    });
  }
  const created = await lookUp(SYSTEM_USER);
  if (!created) throw new Error(`The system user "${SYSTEM_USER}" could not be found after creating it.`);
  return created;
}

function canSearch(info: { mode: number; uid: number; gid: number }, user: ProcessUser): boolean {
  if (info.uid === user.uid) return (info.mode & 0o100) !== 0;
  if (info.gid === user.gid) return (info.mode & 0o010) !== 0;
  return (info.mode & 0o001) !== 0;
}

/**
 * Lets `user` reach `target` (the binaries, the cluster folder): every folder above it must be
 * searchable by that user. A private parent (a 0700 temporary folder, /root) gets the search bit
 * for others: it reveals no names, and only when running as root. Each change is logged.
 */
export async function letUserReach(target: string, user: ProcessUser, logger: Logger): Promise<void> {
  const folders: string[] = [];
  for (let dir = path.dirname(path.resolve(target)); ; dir = path.dirname(dir)) {
    folders.unshift(dir);
    if (path.dirname(dir) === dir) break;
  }
  for (const folder of folders) {
    const info = await stat(folder);
    if (canSearch(info, user)) continue;
    await chmod(folder, (info.mode & 0o7777) | 0o001);
    logger.warn(
      { folder },
      `gave others search permission on ${folder} so the embedded PostgreSQL (user ${user.name}) can reach its files`,
    );
  }
}

/** Creates the cluster folder owned by the account PostgreSQL runs as, private to it. */
export async function makeClusterFolder(folder: string, user: ProcessUser | null): Promise<void> {
  await mkdir(folder, { recursive: true, mode: 0o700 });
  if (user) await chown(folder, user.uid, user.gid);
  await chmod(folder, 0o700);
}
