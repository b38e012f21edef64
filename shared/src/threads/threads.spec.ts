import { describe, expect, it } from 'vitest';
import {
  MAX_MENTIONS_PER_MESSAGE,
  mentionedUserIds,
  mentionsToMarkdown,
  mentionsToText,
  mentionToken,
} from './mentions';
import { compareSeq, incomingVerdict, laterSeq, mergeMessages } from './sequence';

const ANNA = '11111111-1111-4111-8111-111111111111';
const BO = '22222222-2222-4222-8222-222222222222';

describe('mentions', () => {
  it('finds each mentioned member once, in order, ignoring look-alikes', () => {
    const body = `Thanks ${mentionToken('Anna Berg', ANNA)} and @[Bo](user:${BO.toUpperCase()}), again ${mentionToken('Anna', ANNA)}. @Carl, @[x](user:not-an-id), [Anna](user:${ANNA})`;
    expect(mentionedUserIds(body)).toEqual([ANNA, BO]);
  });

  it('keeps brackets and newlines out of a token label', () => {
    expect(mentionToken('Anna [admin]\nBerg', ANNA)).toBe(`@[Anna  admin  Berg](user:${ANNA})`);
    expect(mentionedUserIds(mentionToken('Anna [admin]', ANNA))).toEqual([ANNA]);
  });

  it(`notifies at most ${MAX_MENTIONS_PER_MESSAGE} members from one message`, () => {
    const ids = Array.from({ length: 25 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    expect(mentionedUserIds(ids.map((id) => mentionToken('x', id)).join(' '))).toHaveLength(MAX_MENTIONS_PER_MESSAGE);
  });

  it('renders a known member as a link with her current name, escaped; an unknown one as text', () => {
    const body = `${mentionToken('Typed label', ANNA)} and ${mentionToken('Bo *bold*', BO)}`;
    const markdown = mentionsToMarkdown(body, (id) =>
      id === ANNA ? { name: 'Anna <b>Berg</b>', href: `/n/net/members/${ANNA}` } : null,
    );
    expect(markdown).toBe(`[@Anna \\<b\\>Berg\\</b\\>](/n/net/members/${ANNA}) and @Bo \\*bold\\*`);
    expect(mentionsToText(body)).toBe('@Typed label and @Bo *bold*');
  });
});

describe('message sequence', () => {
  it('compares bigint seqs as numbers, not strings', () => {
    expect(compareSeq('9', '10')).toBe(-1);
    expect(compareSeq('9223372036854775807', '9223372036854775806')).toBe(1);
    expect(compareSeq('42', '42')).toBe(0);
    expect(laterSeq(null, '3')).toBe('3');
    expect(laterSeq('12', '3')).toBe('12');
  });

  it.each([
    ['the next message', '10', [], { id: 'm2', seq: '17', prevSeq: '10' }, 'append'],
    ['the first message of a thread', null, [], { id: 'm1', seq: '5', prevSeq: '0' }, 'append'],
    ['a message it holds', '17', ['m2'], { id: 'm2', seq: '17', prevSeq: '10' }, 'duplicate'],
    ['a message older than it saw', '20', [], { id: 'm2', seq: '17', prevSeq: '10' }, 'duplicate'],
    ['a message after one it missed', '10', [], { id: 'm3', seq: '25', prevSeq: '17' }, 'gap'],
  ] as const)('%s', (_label, lastSeen, known, incoming, verdict) => {
    expect(incomingVerdict(lastSeen, new Set(known), incoming)).toBe(verdict);
  });

  it('merges by id, the incoming version winning, ordered by seq', () => {
    const merged = mergeMessages(
      [
        { id: 'a', seq: '10', body: 'first' },
        { id: 'b', seq: '9', body: 'old' },
      ],
      [
        { id: 'b', seq: '9', body: '' },
        { id: 'c', seq: '100', body: 'new' },
      ],
    );
    expect(merged).toEqual([
      { id: 'b', seq: '9', body: '' },
      { id: 'a', seq: '10', body: 'first' },
      { id: 'c', seq: '100', body: 'new' },
    ]);
  });
});
