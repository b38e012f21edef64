import { describe, expect, it } from 'vitest';
import { messageSendSchema, typingSchema } from '../realtime/threads';
import { networkTagSchema, resourceInputSchema, resourceUseSchema } from '../resources/resources';
import { searchTextSchema } from '../resources/search';
import { registerSchema } from './auth';
import { changeIdeaInputSchema } from './change-ideas';
import { cutText, isStorableText, safeString, UNSTORABLE_TEXT_MESSAGE } from './common';
import { fieldIssues } from './issues';
import { groupInputSchema } from './groups';
import { measureDefinitionSchema } from './measures';
import { profileSchema } from './members';

describe('isStorableText', () => {
  it.each([
    ['plain text', 'Lab visits', true],
    ['an emoji (a surrogate pair)', 'Great 🎉', true],
    ['Arabic with a right-to-left override', '\u202Eمرحبا', true],
    ['a letter with 10,000 combining marks', `e${'\u0301'.repeat(10_000)}`, true],
    ['tabs and new lines', 'a\tb\nc\r\n', true],
    ['a NUL character', 'a\u0000b', false],
    ['a high surrogate alone', 'a\ud83db', false],
    ['a low surrogate alone', '\ude00 at the start', false],
    ['a surrogate pair reversed', '\ude00\ud83d', false],
  ])('%s: %s', (_, text, storable) => {
    expect(isStorableText(text)).toBe(storable);
  });
});

describe('cutText', () => {
  it.each([
    ['abcdef', 3, 'abc'],
    ['ab', 5, 'ab'],
    ['a😀b', 2, 'a'],
    ['a😀b', 3, 'a😀'],
    ['😀😀', 3, '😀'],
  ])('%j cut to %i → %j', (text, length, expected) => {
    expect(cutText(text, length)).toBe(expected);
    expect(isStorableText(cutText(text, length))).toBe(true);
  });
});

describe('safeString', () => {
  it('checks the text as sent, before trimming', () => {
    const schema = safeString().trim();

    expect(schema.parse('  kept  ')).toBe('kept');
    expect(schema.safeParse(' \u0000 ').error?.issues[0].message).toBe(UNSTORABLE_TEXT_MESSAGE);
  });

  it('names a value that is not text', () => {
    expect(fieldIssues(safeString().safeParse(42).error!)).toEqual([
      { field: '', code: 'not_text', message: 'must be text' },
    ]);
  });
});

describe('every text field of the shared schemas refuses text that cannot be stored, naming the field', () => {
  const bad = 'Lab\u0000visits';
  const cases: [
    string,
    { safeParse: (value: unknown) => { success: boolean; error?: any } },
    Record<string, unknown>,
    string,
  ][] = [
    [
      'resource title',
      resourceInputSchema,
      { kind: 'TOOL', title: bad, summary: '', body: 'b', tags: [], audiences: [], siteId: null, license: 'CC-BY-4.0' },
      'title',
    ],
    [
      'resource body',
      resourceInputSchema,
      {
        kind: 'TOOL',
        title: 'Title',
        summary: '',
        body: bad,
        tags: [],
        audiences: [],
        siteId: null,
        license: 'CC-BY-4.0',
      },
      'body',
    ],
    [
      'resource tag',
      resourceInputSchema,
      {
        kind: 'TOOL',
        title: 'Title',
        summary: '',
        body: 'b',
        tags: [bad],
        audiences: [],
        siteId: null,
        license: 'CC-BY-4.0',
      },
      'tags.0',
    ],
    ['use note', resourceUseSchema, { siteId: '00000000-0000-4000-8000-000000000000', note: bad }, 'note'],
    ['tag description', networkTagSchema, { tag: 'nutrition', description: bad }, 'description'],
    ['bio', profileSchema, { name: 'Ann', pronouns: null, bio: bad, interests: [], locale: null }, 'bio'],
    [
      'interest',
      profileSchema,
      { name: 'Ann', pronouns: null, bio: '', interests: [bad], locale: null },
      'interests.0',
    ],
    ['group name', groupInputSchema, { name: bad, purpose: '', visibility: 'OPEN' }, 'name'],
    [
      'idea problem',
      changeIdeaInputSchema,
      { title: 'Title', problem: bad, idea: 'i', driverIds: [], nextDecisionOn: null },
      'problem',
    ],
    [
      'registration name',
      registerSchema,
      { token: 't'.repeat(30), email: 'a@example.org', name: bad, password: 'long enough password' },
      'name',
    ],
    [
      'measure definition',
      measureDefinitionSchema,
      {
        key: 'visits',
        name: 'Visits',
        definition: bad,
        numeratorDefinition: '',
        denominatorDefinition: '',
        inclusions: '',
        exclusions: '',
        kind: 'COUNT',
        direction: 'UP',
        unit: '',
        target: null,
        defaultChart: 'C',
      },
      'definition',
    ],
    [
      'message body',
      messageSendSchema,
      { threadId: '00000000-0000-4000-8000-000000000000', clientId: 'client-0001', body: bad },
      'body',
    ],
  ];

  it.each(cases)('%s', (_, schema, value, field) => {
    const result = schema.safeParse(value);

    expect(result.success).toBe(false);
    expect(fieldIssues(result.error)[0]).toEqual({ field, code: 'unstorable_text', message: UNSTORABLE_TEXT_MESSAGE });
  });

  it('the search box too', () => {
    expect(searchTextSchema.safeParse(bad).success).toBe(false);
  });

  it('and a typing event is only ever a thread id and a flag', () => {
    expect(typingSchema.safeParse({ threadId: bad, typing: true }).success).toBe(false);
  });
});
