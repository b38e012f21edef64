import { createRequire } from 'node:module';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Child process of the PGlite conversion: `node pglite-dump.js <converter folder> <pglite folder>
 * <output file>` writes a plain SQL dump (INSERTs, no owners) of the earlier embedded database.
 * PGlite and its pg_dump are loaded from the converter folder, fetched for this one use, never
 * from the app's own dependencies.
 */
async function dumpPglite(converterDir: string, pgliteDir: string, outFile: string): Promise<void> {
  const load = createRequire(path.join(converterDir, 'package.json'));
  const { PGlite } = load('@electric-sql/pglite');
  const { pg_trgm } = load('@electric-sql/pglite/contrib/pg_trgm');
  const { pgDump } = load('@electric-sql/pglite-tools/pg_dump');
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
