import type { Prisma } from '../../generated/prisma/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../../test-support/test-app';
import { afterCommit } from './after-commit';

describe('after-commit effects on PrismaService transactions (real PostgreSQL)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });

  afterAll(() => app?.stop());

  it('run once the transaction has committed, after its work, with its writes visible', async () => {
    const seen: string[] = [];
    const slug = `after-commit-${Date.now()}`;
    let reported!: (line: string) => void;
    const effectRan = new Promise<string>((resolve) => (reported = resolve));
    await app.prisma.$transaction(async (tx) => {
      await tx.network.create({ data: { slug, name: 'After commit', startedOn: new Date('2024-01-01T00:00:00Z') } });
      afterCommit(tx, async () =>
        reported(`after "${seen.join()}" it saw ${await app.prisma.network.count({ where: { slug } })} network`),
      );
      seen.push('work done');
    });
    expect(await effectRan).toBe('after "work done" it saw 1 network');
  });

  it('never run when the transaction rolls back', async () => {
    const seen: string[] = [];
    const rolledBack = app.prisma.$transaction((tx) => {
      afterCommit(tx, () => seen.push('effect'));
      return Promise.reject(new Error('rolled back'));
    });
    await expect(rolledBack).rejects.toThrow('rolled back');
    await app.prisma.$transaction((tx) => Promise.resolve(afterCommit(tx, () => seen.push('a later commit'))));
    expect(seen).toEqual(['a later commit']);
  });

  it('run at once on the root client, whose writes are already committed, and batch transactions still work', async () => {
    const seen: string[] = [];
    afterCommit(app.prisma, () => seen.push('now'));
    expect(seen).toEqual(['now']);
    const [count] = await app.prisma.$transaction([app.prisma.network.count({ where: { slug: 'none' } })]);
    expect(count).toBe(0);
  });

  it('refuse a transaction client kept past its transaction', async () => {
    let kept: Prisma.TransactionClient | null = null;
    await app.prisma.$transaction((tx) => {
      kept = tx;
      return Promise.resolve();
    });
    expect(() => afterCommit(kept!, () => undefined)).toThrow(
      'afterCommit needs a client of PrismaService or a transaction it opened',
    );
  });
});
