import { appendFile, cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUrl, uniqueName, withAdminClient } from '../../test-support/postgres';
import { EditedMigrationError, migrate } from './migrator';

const MIGRATIONS = path.resolve(__dirname, '../../../../prisma/migrations');

describe('the migration runner', () => {
  let folder: string;
  let name: string;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'commons-migrations-'));
    await cp(MIGRATIONS, folder, { recursive: true });
    name = uniqueName('commons_migrator');
    await withAdminClient((client) => client.query(`CREATE DATABASE "${name}"`));
  });

  afterAll(async () => {
    await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    await rm(folder, { recursive: true, force: true });
  });

  it('applies the pending migrations once, then stops start-up when an applied one has been edited, naming it', async () => {
    const first = await migrate(databaseUrl(name), folder);
    expect(first.applied.length).toBeGreaterThan(5);
    expect(await migrate(databaseUrl(name), folder)).toEqual({ applied: [], unknown: [] });

    const edited = first.applied[2];
    await appendFile(path.join(folder, edited, 'migration.sql'), '\n-- a later edit\n');
    const attempt = migrate(databaseUrl(name), folder);
    await expect(attempt).rejects.toBeInstanceOf(EditedMigrationError);
    await expect(migrate(databaseUrl(name), folder)).rejects.toThrow(
      `The migration ${edited} was changed after it was applied to this database`,
    );
  });

  it('applies a migration added later, and reports applied migrations that older files do not know', async () => {
    const fresh = await mkdtemp(path.join(os.tmpdir(), 'commons-migrations-'));
    try {
      await cp(MIGRATIONS, fresh, { recursive: true });
      const other = uniqueName('commons_migrator');
      await withAdminClient((client) => client.query(`CREATE DATABASE "${other}"`));
      try {
        await migrate(databaseUrl(other), fresh);
        const added = '29990101000000_later';
        await mkdir(path.join(fresh, added));
        await writeFile(path.join(fresh, added, 'migration.sql'), 'CREATE TABLE later_table (id int);\n');
        expect(await migrate(databaseUrl(other), fresh)).toEqual({ applied: [added], unknown: [] });
        // An older version of the files, without that migration: the database is ahead of it.
        await rm(path.join(fresh, added), { recursive: true });
        expect(await migrate(databaseUrl(other), fresh)).toEqual({ applied: [], unknown: [added] });
      } finally {
        await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${other}" WITH (FORCE)`));
      }
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
  });
});
