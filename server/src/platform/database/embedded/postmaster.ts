import { execFile } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

/** What PostgreSQL's lock file says about the server using a cluster folder. */
export interface Postmaster {
  pid: number;
  port: number;
}

/** The app process that started the cluster's server, recorded beside PostgreSQL's own lock file. */
const OWNER_FILE = 'commons-owner.json';

export async function readPostmaster(clusterDir: string): Promise<Postmaster | null> {
  const text = await readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8').catch(() => null);
  if (!text) return null;
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  return Number.isInteger(pid) && pid > 0 ? { pid, port: Number(lines[3]) } : null;
}

export const removePostmasterLock = (clusterDir: string) =>
  rm(path.join(clusterDir, 'postmaster.pid'), { force: true });

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The command line of a running process, or null when it cannot be read. */
export async function commandLine(pid: number): Promise<string | null> {
  if (process.platform === 'linux') {
    const raw = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => null);
    return raw === null ? null : raw.split('\0').join(' ');
  }
  if (process.platform === 'win32') return null;
  return promisify(execFile)('ps', ['-o', 'command=', '-p', String(pid)]).then(
    ({ stdout }) => stdout.trim() || null,
    () => null,
  );
}

export async function recordOwner(clusterDir: string, port: number): Promise<void> {
  await writeFile(path.join(clusterDir, OWNER_FILE), JSON.stringify({ pid: process.pid, port }), { mode: 0o600 });
}

export async function forgetOwner(clusterDir: string): Promise<void> {
  await rm(path.join(clusterDir, OWNER_FILE), { force: true });
}

/** The app process that owns the cluster's running server, when it is alive and not this one. */
export async function liveOwner(clusterDir: string): Promise<number | null> {
  const text = await readFile(path.join(clusterDir, OWNER_FILE), 'utf8').catch(() => null);
  if (!text) return null;
  const { pid } = JSON.parse(text) as { pid: number };
  if (pid === process.pid || !isRunning(pid)) return null;
  const command = await commandLine(pid);
  // A recycled PID belonging to another program is not an owner.
  return command === null || /node/i.test(command) ? pid : null;
}

/** Sends `signal`, then waits for the process to end; escalates to SIGKILL after `graceMs`. */
export async function terminate(pid: number, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  const gone = () => !isRunning(pid);
  try {
    process.kill(pid, signal);
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (!gone() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  if (!gone()) process.kill(pid, 'SIGKILL');
}
