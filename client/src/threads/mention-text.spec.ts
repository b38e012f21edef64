import { mentionedUserIds } from '@commons/shared';
import { describe, expect, it } from 'vitest';
import { insertMention, mentionQueryAt, toDisplayText, toWireBody } from './mention-text';

const ELIN = { userId: '0b6c3c1e-8f2a-4d5e-9a7b-1c2d3e4f5a6b', name: 'Elin Sandberg' };
const ELIN_B = { userId: '1b6c3c1e-8f2a-4d5e-9a7b-1c2d3e4f5a6b', name: 'Elin' };

describe('mentions while writing', () => {
  it('finds the name being typed after an "@" at the start of a word', () => {
    expect(mentionQueryAt('Hi @Eli', 7)).toEqual({ start: 3, query: 'Eli' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQueryAt('Hi @Elin S', 10)).toEqual({ start: 3, query: 'Elin S' });
    expect(mentionQueryAt('Åsa @Ö', 6)).toEqual({ start: 4, query: 'Ö' });
  });

  it('finds none in an email address, after a line break, or far from the "@"', () => {
    expect(mentionQueryAt('mail me at a@b', 14)).toBeNull();
    expect(mentionQueryAt('@Elin\nthanks', 12)).toBeNull();
    expect(mentionQueryAt('@Elin Sandberg told us that', 27)).toBeNull();
    expect(mentionQueryAt('no mention', 10)).toBeNull();
  });

  it('puts the picked name in place of what was typed, with the caret after it', () => {
    expect(insertMention('Hi @Eli and more', 3, 7, 'Elin Sandberg')).toEqual({
      text: 'Hi @Elin Sandberg  and more',
      caret: 18,
    });
  });

  it('sends a picked "@Name" as a mention token, leaving names typed without picking as text', () => {
    const body = toWireBody('@Elin Sandberg and @Elin, ask @Oskar', [ELIN, ELIN_B]);
    expect(body).toBe(`@[Elin Sandberg](user:${ELIN.userId}) and @[Elin](user:${ELIN_B.userId}), ask @Oskar`);
    expect(mentionedUserIds(body)).toEqual([ELIN.userId, ELIN_B.userId]);
  });

  it('shows a stored body with its mentions as names to edit, and sends them back the same', () => {
    const stored = `Thanks @[Elin Sandberg](user:${ELIN.userId})!`;
    const shown = toDisplayText(stored);
    expect(shown).toEqual({ text: 'Thanks @Elin Sandberg!', mentions: [ELIN] });
    expect(toWireBody(shown.text, shown.mentions)).toBe(stored);
  });
});
