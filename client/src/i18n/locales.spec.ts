import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import sv from './locales/sv.json';

type Tree = { [key: string]: string | Tree };

/** Every leaf of a translation tree as "a.b.c" → text. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [k, v] of flatten(value, path)) entries.set(k, v);
  }
  return entries;
}

const variables = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  const english = flatten(en);
  const swedish = flatten(sv);

  it('English and Swedish have exactly the same keys', () => {
    expect([...swedish.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('no translation is empty', () => {
    for (const [key, text] of [...english, ...swedish]) expect(text.trim(), key).not.toBe('');
  });

  it('each key uses the same placeholders in both languages', () => {
    for (const [key, text] of english) expect(variables(swedish.get(key) ?? ''), key).toEqual(variables(text));
  });

  it('the Swedish text is really translated (few strings equal the English)', () => {
    const same = [...english]
      .filter(([key, text]) => swedish.get(key) === text && !/^{{|Commons/.test(text))
      .map(([key]) => key);
    expect(same).toEqual([]);
  });
});
