import type { MessageNewPayload } from '@commons/shared';
import { describe, expect, it } from 'vitest';
import {
  acknowledge,
  addPending,
  applySync,
  applyUpdate,
  beginSync,
  changesSince,
  discardPending,
  firstUnreadId,
  loadedState,
  mergeMessages,
  pendingToResend,
  receiveLive,
  setPendingStatus,
  syncFailed,
  type ThreadMessage,
} from './thread-state';

const ME = 'user-me';
const AMIRA = 'user-amira';

/** A message with seq `seq` (seqs skip values, as they do across the platform). */
function message(seq: number, overrides: Partial<ThreadMessage> = {}): ThreadMessage {
  return {
    id: `m${seq}`,
    threadId: 't1',
    seq: String(seq),
    parentId: null,
    author: { userId: AMIRA, name: 'Amira Haddad' },
    body: `message ${seq}`,
    bodyHtml: `<p>message ${seq}</p>`,
    clientId: `client-${seq}`,
    createdAt: new Date(Date.UTC(2026, 0, 1, 10, seq)).toISOString(),
    editedAt: null,
    deletedAt: null,
    deleted: false,
    reactions: [],
    ...overrides,
  };
}

const live = (seq: number, prevSeq: number, overrides: Partial<ThreadMessage> = {}): MessageNewPayload => ({
  ...message(seq, overrides),
  prevSeq: String(prevSeq),
});
const ids = (messages: readonly ThreadMessage[]) => messages.map((m) => m.id);

describe('mergeMessages', () => {
  it('keeps one message per id, ordered by seq (numerically, not as text)', () => {
    const merged = mergeMessages([message(9), message(100)], [message(20), message(9), message(100)]);
    expect(ids(merged)).toEqual(['m9', 'm20', 'm100']);
  });

  it('never lets an older copy replace an edit or a tombstone', () => {
    const edited = message(5, { body: 'new words', editedAt: '2026-01-01T11:00:00.000Z' });
    const deleted = message(6, { body: '', deleted: true, deletedAt: '2026-01-01T11:00:00.000Z' });
    const merged = mergeMessages([edited, deleted], [message(5), message(6)]);
    expect(merged[0].body).toBe('new words');
    expect(merged[1].deleted).toBe(true);
    // …while a newer copy does replace them.
    const later = message(5, { body: 'newer words', editedAt: '2026-01-01T12:00:00.000Z' });
    expect(mergeMessages(merged, [later])[0].body).toBe('newer words');
  });
});

describe('the catch-up point (lastSeenSeq)', () => {
  it('starts at the newest seq loaded, or 0 for an empty thread', () => {
    expect(loadedState([message(3), message(12), message(7, { parentId: 'm3' })]).lastSeenSeq).toBe('12');
    expect(loadedState([]).lastSeenSeq).toBe('0');
  });

  it('moves with a live message that follows it, and drops a duplicate by id', () => {
    let state = loadedState([message(3)]);
    ({ state } = receiveLive(state, live(8, 3), ME));
    expect(state.lastSeenSeq).toBe('8');
    const again = receiveLive(state, live(8, 3), ME);
    expect(again.catchUp).toBe(false);
    expect(ids(again.state.messages)).toEqual(['m3', 'm8']);
  });

  it('asks to catch up when a live message does not follow it, shows it at once, and keeps the point until the answer', () => {
    const { state, catchUp } = receiveLive(loadedState([message(3)]), live(11, 8), ME);
    expect(catchUp).toBe(true);
    expect(ids(state.messages)).toEqual(['m3', 'm11']);
    expect(state.lastSeenSeq).toBe('3');
    expect(state.syncing).toBe(true);

    // The catch-up brings 8 and 11 again; 11 is not shown twice.
    const answered = applySync(state, { messages: [message(8), message(11)], hasMore: false }, ME);
    expect(answered.next).toBe('done');
    expect(ids(answered.state.messages)).toEqual(['m3', 'm8', 'm11']);
    expect(answered.state.lastSeenSeq).toBe('11');
    expect(answered.state.syncing).toBe(false);
  });

  it('holds live messages that come during a join, then accounts for them when it answers', () => {
    let state = beginSync(loadedState([message(3)]));
    // The server joined the socket to the room before reading: 9 is live and also in the answer.
    ({ state } = receiveLive(state, live(9, 5), ME));
    ({ state } = receiveLive(state, live(12, 9), ME));
    expect(state.lastSeenSeq).toBe('3');
    const { state: after, next } = applySync(state, { messages: [message(5), message(9)], hasMore: false }, ME);
    expect(next).toBe('done');
    expect(after.lastSeenSeq).toBe('12');
    expect(ids(after.messages)).toEqual(['m3', 'm5', 'm9', 'm12']);
    expect(after.held).toEqual([]);
  });

  it('asks again while the answer says more follow, and when a held message still does not connect', () => {
    let state = beginSync(loadedState([message(3)]));
    ({ state } = receiveLive(state, live(30, 25), ME));
    const first = applySync(state, { messages: [message(5), message(9)], hasMore: true }, ME);
    expect(first.next).toBe('catch-up');
    expect(first.state.lastSeenSeq).toBe('9');
    const second = applySync(first.state, { messages: [message(12)], hasMore: false }, ME);
    // 30 follows 25, which has not come: catch up from 12.
    expect(second.next).toBe('catch-up');
    expect(second.state.lastSeenSeq).toBe('12');
    const third = applySync(second.state, { messages: [message(25), message(30)], hasMore: false }, ME);
    expect(third.next).toBe('done');
    expect(third.state.lastSeenSeq).toBe('30');
    expect(ids(third.state.messages)).toEqual(['m3', 'm5', 'm9', 'm12', 'm25', 'm30']);
  });

  it('replaces messages edited or deleted while away (the join answer\'s "changed")', () => {
    const state = beginSync(loadedState([message(3), message(4)]));
    const tombstone = message(3, { body: '', bodyHtml: '', deleted: true, deletedAt: '2026-01-02T00:00:00.000Z' });
    const { state: after } = applySync(state, { messages: [], changed: [tombstone], hasMore: false }, ME);
    expect(after.messages[0].deleted).toBe(true);
    expect(after.lastSeenSeq).toBe('4');
  });

  it('is rejoined from the same point after a join that never answered', () => {
    const state = syncFailed(beginSync(loadedState([message(3)])));
    expect(state.syncing).toBe(false);
    expect(state.lastSeenSeq).toBe('3');
  });

  it('an edit of a message not held is not added (it may belong to a page not loaded)', () => {
    const state = loadedState([message(3)]);
    expect(applyUpdate(state, message(1, { editedAt: '2026-01-02T00:00:00.000Z' }))).toBe(state);
  });
});

describe('changesSince', () => {
  it('is the latest time anything held was written, edited or deleted', () => {
    expect(changesSince([])).toBeNull();
    const at = changesSince([
      message(3),
      message(4, { editedAt: '2026-02-01T00:00:00.000Z' }),
      message(5, { deletedAt: '2026-01-15T00:00:00.000Z' }),
    ]);
    expect(at).toBe('2026-02-01T00:00:00.000Z');
  });
});

describe('an optimistic send', () => {
  const pending = {
    clientId: 'c-0001aaaa',
    body: 'hello',
    parentId: null,
    status: 'sending' as const,
    createdAt: '2026-01-01T10:00:00.000Z',
  };

  it('shows at once, is replaced by the stored message when acknowledged, and does not move the catch-up point', () => {
    let state = addPending(loadedState([message(3)]), pending);
    expect(state.pending).toHaveLength(1);
    state = acknowledge(state, message(9, { author: { userId: ME, name: 'Me' }, clientId: 'c-0001aaaa' }), ME);
    expect(state.pending).toEqual([]);
    expect(ids(state.messages)).toEqual(['m3', 'm9']);
    // Someone may have written between 3 and 9: the next live message or catch-up tells.
    expect(state.lastSeenSeq).toBe('3');
  });

  it('is settled by a catch-up that brings the stored copy (the ack was lost in a drop)', () => {
    let state = setPendingStatus(addPending(loadedState([message(3)]), pending), 'c-0001aaaa', 'waiting');
    expect(pendingToResend(state).map((p) => p.clientId)).toEqual(['c-0001aaaa']);
    ({ state } = applySync(
      beginSync(state),
      { messages: [message(9, { author: { userId: ME, name: 'Me' }, clientId: 'c-0001aaaa' })], hasMore: false },
      ME,
    ));
    expect(state.pending).toEqual([]);
    expect(pendingToResend(state)).toEqual([]);
  });

  it("is not settled by someone else's message with the same clientId (clientIds are unique per member only)", () => {
    let state = addPending(loadedState([]), pending);
    ({ state } = receiveLive(state, live(9, 0, { clientId: 'c-0001aaaa' }), ME));
    expect(state.pending).toHaveLength(1);
  });

  it('keeps why it failed, can be sent again with the same clientId, or discarded', () => {
    let state = setPendingStatus(addPending(loadedState([]), pending), 'c-0001aaaa', 'failed', {
      code: 'TOO_MANY_REQUESTS',
      retryAfterSeconds: 4,
    });
    expect(state.pending[0]).toMatchObject({
      status: 'failed',
      error: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 4 },
    });
    expect(pendingToResend(state)).toEqual([]);
    state = setPendingStatus(state, 'c-0001aaaa', 'sending');
    expect(state.pending[0]).toMatchObject({ clientId: 'c-0001aaaa', status: 'sending', error: undefined });
    expect(discardPending(state, 'c-0001aaaa').pending).toEqual([]);
  });
});

describe('firstUnreadId', () => {
  it('is the first message of others after the read marker, not one of mine nor a tombstone', () => {
    const messages = [
      message(3),
      message(5, { author: { userId: ME, name: 'Me' } }),
      message(7, { deleted: true }),
      message(9),
    ];
    expect(firstUnreadId(messages, '3', ME)).toBe('m9');
    expect(firstUnreadId(messages, '0', ME)).toBe('m3');
    expect(firstUnreadId(messages, '9', ME)).toBeNull();
  });
});
