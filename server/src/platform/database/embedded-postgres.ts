import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
  /** True when the database was initialised by this start (its folder did not exist before). */
  created: boolean;
}

async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts PostgreSQL-in-WebAssembly (PGlite) persisted under `dataDir/pglite` and serves it on a
 * loopback port, so the app and the migration runner talk to it with the ordinary `pg` driver.
 * PGlite has one backend session shared by every connection: code must not rely on session
 * state (no SET outside a transaction, no session advisory locks).
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const folder = path.join(dataDir, 'pglite');
  const created = !existsSync(folder);
  await mkdir(folder, { recursive: true });
  // The extension's types are published for ESM only, so it is loaded with import().
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const db = await PGlite.create({ dataDir: folder, extensions: { pg_trgm } });
  const port = await freeLoopbackPort();
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: 10 });
  await server.start();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    created,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
