import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../../test-support/test-app';

/** pg closes an idle connection after 10 s unless told otherwise (pg-pool's idleTimeoutMillis). */
const PG_IDLE_TIMEOUT_MS = 10_000;

describe('the database pool (real PostgreSQL)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });

  afterAll(() => app?.stop());

  it('keeps the connections it opened through a quiet spell, so the next page finds them ready', async () => {
    const backends = async () =>
      new Set(
        (
          await Promise.all(
            Array.from({ length: 4 }, () =>
              app.prisma.read<{ pid: number }>('SELECT pg_backend_pid() AS pid, pg_sleep(0.05)', []),
            ),
          )
        ).map(([row]) => row.pid),
      );
    const before = await backends();
    expect(before.size).toBe(4);
    await new Promise((resolve) => setTimeout(resolve, PG_IDLE_TIMEOUT_MS + 1_000));
    expect(app.prisma.pool.totalCount).toBeGreaterThanOrEqual(4);
    expect(await backends()).toEqual(before);
  }, 30_000);
});
