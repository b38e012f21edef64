import { API_ERROR_CODES, ERROR_REASONS, ISSUE_CODES, ISSUE_FORMATS } from '@commons/shared';
import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import sv from './locales/sv.json';

type Tree = { [key: string]: string | Tree };

function textAt(tree: Tree, path: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of path.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/** Every key a code the API sends is translated under, in both languages. */
const keys = [
  ...API_ERROR_CODES.map((code) => `errors.code.${code}`),
  ...ERROR_REASONS.map((reason) => `errors.reason.${reason}`),
  ...ISSUE_CODES.map((code) => `errors.issue.${code}`),
  ...ISSUE_FORMATS.map((format) => `errors.issue.invalid_format_${format}`),
];

describe('every error code has a translation', () => {
  it.each([
    ['English', en],
    ['Swedish', sv],
  ])('%s', (_, locale) => {
    const missing = keys.filter((key) => !textAt(locale as Tree, key)?.trim());
    expect(missing).toEqual([]);
  });
});
