import { describe, expect, it } from 'vitest';
import { nextTask } from './next-task';

describe('nextTask', () => {
  it('resolves in a later task, after every promise already queued has run', async () => {
    const order: string[] = [];
    const task = nextTask().then(() => order.push('next task'));
    for (let turn = 0; turn < 50; turn += 1) await Promise.resolve();
    order.push('this task');
    await task;
    expect(order).toEqual(['this task', 'next task']);
  });

  it('resolves each call once, in order', async () => {
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((n) => nextTask().then(() => order.push(n))));
    expect(order).toEqual([1, 2, 3]);
  });
});
