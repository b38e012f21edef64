// Compatibility module for the Prisma 6.19 CLI's WebAssembly schema engine on
// @prisma/adapter-pg 6.19.3, used only by prisma.config.ts (migrate deploy/dev/status/diff).
// It mends two upstream defects (recorded in the team's STACK notes):
// 1. the adapter cannot describe pg_catalog columns of type "char" (18) and name (19), which the
//    migration engine reads while introspecting; their values arrive as plain strings, so the
//    fields are relabelled as text (and their arrays as text[]);
// 2. `migrate dev` fails to drop its shadow database while its own pool still holds it, so the
//    shadow database is created and dropped (WITH (FORCE)) from a separate admin connection.
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';

const TEXT = 25;
const TEXT_ARRAY = 1009;
const RELABELLED_TYPE_IDS: Record<number, number> = { 18: TEXT, 19: TEXT, 1002: TEXT_ARRAY, 1003: TEXT_ARRAY };

function relabelCatalogTypes<T>(result: T): T {
  const fields = (result as { fields?: { dataTypeID: number }[] } | undefined)?.fields ?? [];
  for (const field of fields) {
    const relabelled = RELABELLED_TYPE_IDS[field.dataTypeID];
    if (relabelled) field.dataTypeID = relabelled;
  }
  return result;
}

class CatalogSafeClient extends pg.Client {
  // pg calls query() both with a trailing callback (from the pool) and promise-style.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one override of all of pg.Client's query() overloads must return what each of them returns
  override query(...args: unknown[]): any {
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      const callback = last as (err: Error | null, res?: unknown) => void;
      args[args.length - 1] = (err: Error | null, res?: unknown) => callback(err, err ? res : relabelCatalogTypes(res));
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args) as Promise<unknown> | undefined;
    return result && typeof result.then === 'function' ? result.then(relabelCatalogTypes) : result;
  }
}

function poolConfig(databaseUrl: string, database?: string): pg.PoolConfig {
  const url = new URL(databaseUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username || 'postgres'),
    password: decodeURIComponent(url.password),
    database: database ?? (decodeURIComponent(url.pathname.slice(1)) || 'postgres'),
    max: 4,
    // The CLI never disposes the adapter; without this the process lingers until idle clients time out.
    allowExitOnIdle: true,
    Client: CatalogSafeClient,
  };
}

class MigrationPrismaPg extends PrismaPg {
  constructor(private readonly databaseUrl: string) {
    super(poolConfig(databaseUrl));
  }

  override async connectToShadowDb() {
    const shadowName = `prisma_shadow_${process.pid}_${Date.now()}`;
    const admin = new pg.Client(poolConfig(this.databaseUrl));
    await admin.connect();
    await admin.query(`CREATE DATABASE "${shadowName}"`);
    await admin.end();
    const shadow = await new PrismaPg(poolConfig(this.databaseUrl, shadowName)).connect();
    const disposeShadow = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await disposeShadow();
      const dropper = new pg.Client(poolConfig(this.databaseUrl));
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${shadowName}" WITH (FORCE)`);
      await dropper.end();
    };
    return shadow;
  }
}

/** The driver adapter factory the Prisma CLI uses to migrate the database at `databaseUrl`. */
export function migrationAdapter(databaseUrl: string): PrismaPg {
  return new MigrationPrismaPg(databaseUrl);
}
