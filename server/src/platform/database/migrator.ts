import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { StartupError } from '../startup-error';

export interface Migration {
  name: string;
  checksum: string;
  sql: string;
}

// The same bookkeeping table and checksum (sha256 of migration.sql) as `prisma migrate deploy`,
// so the Prisma CLI (`migrate status`, `migrate dev`) and this runner agree on what is applied.
export const BOOKKEEPING_TABLE = `
  CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
  )`;

// Any constant will do: it only has to be the same in every process of the app.
const MIGRATION_LOCK_KEY = 72_616_001;

/** The committed migrations, in the order they apply (their folder names sort by timestamp). */
export async function readMigrations(migrationsDir: string): Promise<Migration[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(migrationsDir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

/** Migrations that finished and were not rolled back, by name, with the checksum applied. */
export async function appliedMigrations(client: pg.ClientBase): Promise<Map<string, string>> {
  const exists = await client.query<{ present: boolean }>(
    `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`,
  );
  if (!exists.rows[0].present) return new Map();
  const result = await client.query<{ migration_name: string; checksum: string }>(
    `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  return new Map(result.rows.map((row) => [row.migration_name, row.checksum]));
}

export interface MigrationResult {
  /** Applied by this call. */
  applied: string[];
  /** Applied to the database but unknown to this version's files (a newer version ran here). */
  unknown: string[];
}

/** An applied migration whose file has changed since: start-up stops rather than run on a schema nobody wrote down. */
export class EditedMigrationError extends StartupError {
  constructor(
    readonly migration: string,
    migrationsDir: string,
  ) {
    const file = path.join(migrationsDir, migration, 'migration.sql');
    super(
      `The migration ${migration} was changed after it was applied to this database: ${file} no longer matches what ran. ` +
        `Restore the file as it was applied (see \`git log -p -- ${path.relative(process.cwd(), file)}\`) and put the change in a new migration.`,
    );
  }
}

/**
 * Applies every pending migration in one transaction under a transaction-scoped advisory lock,
 * so several app processes starting together apply each migration exactly once, and a failing
 * migration leaves the database as it was. An applied migration whose file was edited since
 * stops it (EditedMigrationError) before anything is applied.
 */
export async function migrate(databaseUrl: string, migrationsDir: string): Promise<MigrationResult> {
  const migrations = await readMigrations(migrationsDir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(BOOKKEEPING_TABLE);
    const applied = await appliedMigrations(client);
    const edited = migrations.find(
      (migration) => applied.has(migration.name) && applied.get(migration.name) !== migration.checksum,
    );
    if (edited) throw new EditedMigrationError(edited.name, migrationsDir);
    const known = new Set(migrations.map((migration) => migration.name));
    const unknown = [...applied.keys()].filter((name) => !known.has(name)).sort();
    const pending = migrations.filter((migration) => !applied.has(migration.name));
    for (const migration of pending) {
      const startedAt = new Date();
      await client.query(migration.sql);
      await client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
         VALUES ($1, $2, now(), $3, $4, 1)`,
        [randomUUID(), migration.checksum, migration.name, startedAt],
      );
    }
    await client.query('COMMIT');
    return { applied: pending.map((migration) => migration.name), unknown };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
