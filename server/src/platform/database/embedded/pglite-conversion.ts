import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from 'pino';
import { StartupError } from '../../startup-error';

/**
 * Commons 0.1 kept its embedded database in PGlite (`DATA_DIR/pglite`). Its files cannot be
 * opened by a native PostgreSQL, so they are dumped with PGlite's own pg_dump (WebAssembly) and
 * restored into the new cluster. PGlite is fetched from the npm registry for this one use.
 */
export const PGLITE_TOOLS = ['@electric-sql/pglite@0.5.14', '@electric-sql/pglite-tools@0.4.8'];

export const pgliteFolder = (dataDir: string) => path.join(dataDir, 'pglite');
const converterFolder = (dataDir: string) => path.join(dataDir, 'pglite-converter');
const dumpFile = (dataDir: string) => path.join(dataDir, 'pglite-dump.sql');

function runProcess(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
    let output = '';
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

/** Installs PGlite and its pg_dump into `folder` (its own node_modules), from the npm registry. */
export async function installPgliteTools(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, 'package.json'), '{ "private": true }\n');
  // Under `npm start` npm tells where it is; otherwise the npm on the PATH.
  const npmCli = process.env.npm_execpath;
  const [command, prefix] = npmCli?.endsWith('.js') ? [process.execPath, [npmCli]] : ['npm', []];
  const args = [
    ...prefix,
    'install',
    '--prefix',
    folder,
    '--no-save',
    '--no-package-lock',
    '--no-audit',
    '--no-fund',
    '--legacy-peer-deps',
    '--ignore-scripts',
    '--workspaces=false',
    '--loglevel=error',
    ...PGLITE_TOOLS,
  ];
  const { code, output } = await runProcess(command, args);
  if (code !== 0)
    throw new Error(`fetching PGlite from the npm registry failed: ${output.trim().split('\n').slice(-3).join(' ')}`);
}

/** Dumps the PGlite database to a SQL file in the data folder; returns the file. */
export async function dumpPglite(dataDir: string, logger: Logger): Promise<string> {
  const converter = converterFolder(dataDir);
  const out = dumpFile(dataDir);
  logger.warn(
    `found the earlier embedded database (PGlite) in ${pgliteFolder(dataDir)}: converting it to PostgreSQL (fetching PGlite's pg_dump from the npm registry once)`,
  );
  try {
    await installPgliteTools(converter);
    const { code, output } = await runProcess(process.execPath, [
      path.join(__dirname, 'pglite-dump.js'),
      converter,
      pgliteFolder(dataDir),
      out,
    ]);
    if (code !== 0) throw new Error(`dumping PGlite failed: ${output.trim()}`);
    return out;
  } catch (error) {
    await rm(out, { force: true });
    throw conversionFailed(dataDir, (error as Error).message);
  }
}

/** Loads the dump into an empty database, all or nothing (one implicit transaction). */
export async function restorePgliteDump(databaseUrl: string, dataDir: string): Promise<void> {
  const sql = await readFile(dumpFile(dataDir), 'utf8');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } catch (error) {
    throw conversionFailed(dataDir, `restoring the dump failed: ${(error as Error).message}`);
  } finally {
    await client.end();
  }
}

/** After a restore: keeps the PGlite files under a new name and removes the dump and converter. */
export async function retirePglite(dataDir: string, logger: Logger): Promise<void> {
  const kept = `${pgliteFolder(dataDir)}.converted-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  await rename(pgliteFolder(dataDir), kept);
  await rm(dumpFile(dataDir), { force: true });
  await rm(converterFolder(dataDir), { recursive: true, force: true });
  logger.warn(
    { kept },
    `converted the PGlite database to PostgreSQL; its old files are kept in ${kept} and can be deleted once you have checked your data`,
  );
}

export function conversionFailed(dataDir: string, reason: string): StartupError {
  const folder = pgliteFolder(dataDir);
  return new StartupError(
    `Found the earlier embedded database (PGlite) in ${folder} and could not convert it: ${reason}\n` +
      `Nothing in ${folder} was changed. To keep its data, make sure the npm registry can be reached ` +
      `(the converter fetches PGlite once) and start again. To start afresh instead, move it away: mv "${folder}" "${folder}.old"`,
  );
}

export const hasPglite = (dataDir: string) => existsSync(pgliteFolder(dataDir));
