import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Whether a running process holds the embedded database kept under `dataDir`: PostgreSQL keeps a
 * lock file, `postmaster.pid`, in its data folder while it runs. A real server writes its process
 * id there (a dead one is a crash's leftover); PGlite writes a placeholder (-42) and removes the
 * file when it closes, so its file means "open" however the id reads.
 */
export async function embeddedDatabaseInUse(dataDir: string): Promise<boolean> {
  const entries = await readdir(dataDir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const lockFile = await readFile(path.join(dataDir, entry.name, 'postmaster.pid'), 'utf8').catch(() => null);
    if (lockFile === null) continue;
    const pid = Number.parseInt(lockFile.split('\n')[0], 10);
    if (!Number.isInteger(pid) || pid <= 0 || processAlive(pid)) return true;
  }
  return false;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user (a PostgreSQL run as `postgres`).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
