import pg from 'pg';

type Query = (...args: unknown[]) => unknown;

function sqlOf(config: unknown): string {
  if (typeof config === 'string') return config;
  if (config && typeof config === 'object' && 'text' in config) return String(config.text);
  return String(config);
}

/**
 * The SQL statements the app sends to PostgreSQL while `work` runs. The app under test runs in
 * this process and its Prisma adapter (like every `pg` pool) sends each statement through
 * `pg.Client#query`, so counting calls there counts real round trips without changing the app.
 * Only one file's app runs per worker process, and tests in a file run one at a time.
 */
export async function recordSql<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const prototype = pg.Client.prototype as unknown as { query: Query };
  const original = prototype.query;
  const statements: string[] = [];
  prototype.query = function (this: pg.Client, ...args: unknown[]) {
    statements.push(sqlOf(args[0]));
    return original.apply(this, args);
  };
  try {
    const result = await work();
    return { result, statements };
  } finally {
    prototype.query = original;
  }
}
