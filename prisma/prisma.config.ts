import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { migrationAdapter } from './migration-adapter';

// schema.prisma reads DATABASE_URL; without it `prisma generate` falls back to downloading a
// native engine. Generation never connects, so a placeholder is enough there.
process.env.DATABASE_URL ??= 'postgresql://postgres@127.0.0.1:5432/postgres';

// The Prisma CLI runs its WebAssembly schema engine through a driver adapter, because the
// native engine would have to be downloaded (see README, "Database").
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join(__dirname, 'schema.prisma'),
  migrations: { path: path.join(__dirname, 'migrations') },
  adapter: () => Promise.resolve(migrationAdapter(process.env.DATABASE_URL!)),
});
