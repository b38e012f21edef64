import { createRequire } from 'node:module';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Child process of the PGlite conversion: `node pglite-dump.js <converter folder> <pglite folder>
 * <output file>` writes a plain SQL dump (INSERTs, no owners) of the earlier embedded database.
 * PGlite and its pg_dump are loaded from the converter folder, fetched for this one use, never
 * from the app's own dependencies.
 */
/** The parts of PGlite and its pg_dump used here (loaded at run time, so typed by hand). */
interface PgliteDatabase {
  close(): Promise<void>;
}
interface PgliteModules {
  PGlite: { create(options: { dataDir: string; extensions: Record<string, unknown> }): Promise<PgliteDatabase> };
  pg_trgm: unknown;
  pgDump(options: { pg: PgliteDatabase; args: string[] }): Promise<{ text(): Promise<string> }>;
}

async function dumpPglite(converterDir: string, pgliteDir: string, outFile: string): Promise<void> {
  const load = createRequire(path.join(converterDir, 'package.json'));
  const { PGlite } = load('@electric-sql/pglite') as Pick<PgliteModules, 'PGlite'>;
  const { pg_trgm } = load('@electric-sql/pglite/contrib/pg_trgm') as Pick<PgliteModules, 'pg_trgm'>;
  const { pgDump } = load('@electric-sql/pglite-tools/pg_dump') as Pick<PgliteModules, 'pgDump'>;
  const db = await PGlite.create({ dataDir: pgliteDir, extensions: { pg_trgm } });
  try {
    const dump = await pgDump({ pg: db, args: ['--no-owner', '--no-privileges'] });
    await writeFile(outFile, await dump.text(), { mode: 0o600 });
  } finally {
    await db.close();
  }
}

const [converterDir, pgliteDir, outFile] = process.argv.slice(2);
dumpPglite(converterDir, pgliteDir, outFile).catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
