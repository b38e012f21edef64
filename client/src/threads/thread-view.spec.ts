import { describe, expect, it } from 'vitest';
import type { PendingMessage, ThreadMessage } from './thread-state';
import { initials, spokenText, threadItems, visibleReplies } from './thread-view';

function message(seq: number, parentId: string | null = null): ThreadMessage {
  return {
    id: `m${seq}`,
    threadId: 't1',
    seq: String(seq),
    parentId,
    author: { userId: 'u1', name: 'Amira Haddad' },
    body: '',
    bodyHtml: '',
    clientId: `c${seq}`,
    createdAt: '2026-01-01T00:00:00.000Z',
    editedAt: null,
    deletedAt: null,
    deleted: false,
    reactions: [],
  };
}

const pending = (clientId: string, parentId: string | null): PendingMessage => ({
  clientId,
  body: 'x',
  parentId,
  status: 'sending',
  createdAt: '2026-01-01T00:00:00.000Z',
});

describe('threadItems', () => {
  it('puts replies under their message, oldest first, even when newer than later messages', () => {
    const { items } = threadItems([message(1), message(2, 'm1'), message(3), message(4, 'm1')], []);
    expect(items.map((i) => [i.message.id, i.replies.map((r) => r.id)])).toEqual([
      ['m1', ['m2', 'm4']],
      ['m3', []],
    ]);
  });

  it('shows a reply to a message not loaded on its own, marked as such', () => {
    const { items } = threadItems([message(5, 'm1'), message(6)], []);
    expect(items.map((i) => [i.message.id, i.orphan])).toEqual([
      ['m5', true],
      ['m6', false],
    ]);
  });

  it('puts pending replies under their message and other pending messages last', () => {
    const { items, pendingTop } = threadItems(
      [message(1)],
      [pending('a', 'm1'), pending('b', null), pending('c', 'm9')],
    );
    expect(items[0].pendingReplies.map((p) => p.clientId)).toEqual(['a']);
    expect(pendingTop.map((p) => p.clientId)).toEqual(['b', 'c']);
  });
});

describe('visibleReplies', () => {
  it('shows up to three replies in full, folds more but for the newest two', () => {
    expect(visibleReplies([1, 2, 3], false)).toEqual({ shown: [1, 2, 3], folded: 0 });
    expect(visibleReplies([1, 2, 3, 4, 5], false)).toEqual({ shown: [4, 5], folded: 3 });
    expect(visibleReplies([1, 2, 3, 4, 5], true)).toEqual({ shown: [1, 2, 3, 4, 5], folded: 0 });
  });
});

describe('initials and spoken text', () => {
  it('takes the first and last names, leaving titles out', () => {
    expect(initials('Elin Sandberg')).toBe('ES');
    expect(initials('Dr. Oskar Nyberg')).toBe('ON');
    expect(initials('Åsa')).toBe('Å');
    expect(initials('')).toBe('?');
  });

  it('reads a message as plain text, shortened', () => {
    expect(spokenText('<p>Hello <strong>there</strong></p>\n<ul><li>one</li></ul>')).toBe('Hello there one');
    expect(spokenText(`<p>${'a'.repeat(200)}</p>`, 10)).toBe('aaaaaaaaa…');
  });
});
