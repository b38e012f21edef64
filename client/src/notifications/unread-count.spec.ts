import { describe, expect, it } from 'vitest';
import { initialUnread, unreadReducer } from './unread-count';

describe('unreadReducer', () => {
  const loaded = unreadReducer(initialUnread('n1'), { type: 'fetched', networkId: 'n1', count: 2 });

  it('takes the fetched count without announcing it', () => {
    expect(loaded).toEqual({ networkId: 'n1', count: 2, announcement: null });
  });

  it('announces each arrival, even one that repeats an earlier count', () => {
    const first = unreadReducer(loaded, { type: 'arrived', networkId: 'n1', count: 3 });
    expect(first).toMatchObject({ count: 3, announcement: { seq: 1, count: 3 } });
    const read = unreadReducer(first, { type: 'changed', networkId: 'n1', count: 2 });
    expect(read).toMatchObject({ count: 2, announcement: { seq: 1 } });
    const again = unreadReducer(read, { type: 'arrived', networkId: 'n1', count: 3 });
    expect(again.announcement).toEqual({ seq: 2, count: 3 });
  });

  it('ignores events of another network', () => {
    expect(unreadReducer(loaded, { type: 'arrived', networkId: 'n2', count: 9 })).toBe(loaded);
    expect(unreadReducer(loaded, { type: 'changed', networkId: 'n2', count: 0 })).toBe(loaded);
  });

  it('keeps the same state when nothing changed, so nothing re-renders', () => {
    expect(unreadReducer(loaded, { type: 'fetched', networkId: 'n1', count: 2 })).toBe(loaded);
  });
});
