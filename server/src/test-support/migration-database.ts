import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrate, readMigrations } from '../platform/database/migrator';
import { databaseUrl, uniqueName, withAdminClient } from './postgres';

const MIGRATIONS = path.resolve(__dirname, '../../../prisma/migrations');

/** A fresh database with every migration before `migration` applied, to fill with data the migration must carry over. */
export interface DatabaseBeforeMigration {
  db: pg.Client;
  /** Applies `migration`, and nothing after it; answers the names applied. */
  applyIt(): Promise<string[]>;
  drop(): Promise<void>;
}

export async function databaseBeforeMigration(migration: string): Promise<DatabaseBeforeMigration> {
  const name = uniqueName('commons_migration');
  await withAdminClient((client) => client.query(`CREATE DATABASE "${name}"`));
  const before = await mkdtemp(path.join(tmpdir(), 'commons-migrations-'));
  const through = await mkdtemp(path.join(tmpdir(), 'commons-migrations-'));
  for (const { name: folder } of await readMigrations(MIGRATIONS)) {
    if (folder > migration) continue;
    if (folder < migration) await cp(path.join(MIGRATIONS, folder), path.join(before, folder), { recursive: true });
    await cp(path.join(MIGRATIONS, folder), path.join(through, folder), { recursive: true });
  }
  await migrate(databaseUrl(name), before);
  const db = new pg.Client({ connectionString: databaseUrl(name) });
  await db.connect();
  return {
    db,
    applyIt: async () => (await migrate(databaseUrl(name), through)).applied,
    drop: async () => {
      await db.end();
      await Promise.all([before, through].map((folder) => rm(folder, { recursive: true, force: true })));
      await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
