import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { idSchema, matches } from './common';
import { fieldIssue, fieldIssues, ISSUE_CODES, issueMessage, rule } from './issues';

const issuesOf = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success
    ? []
    : fieldIssues(result.error, 'input').map(({ field, code, params }) => ({ field, code, params }));
};

describe('fieldIssues: zod issues as codes with params', () => {
  it.each([
    [
      'an empty string',
      z.object({ title: z.string().trim().min(1) }),
      { title: ' ' },
      'input.title',
      'required',
      undefined,
    ],
    ['a short string', z.object({ title: z.string().min(3) }), { title: 'ab' }, 'input.title', 'too_short', { min: 3 }],
    [
      'a long string',
      z.object({ title: z.string().max(160) }),
      { title: 'x'.repeat(161) },
      'input.title',
      'too_long',
      { max: 160 },
    ],
    ['a short list', z.object({ ids: z.array(z.string()).min(2) }), { ids: ['a'] }, 'input.ids', 'too_few', { min: 2 }],
    [
      'a long list',
      z.object({ ids: z.array(z.string()).max(1) }),
      { ids: ['a', 'b'] },
      'input.ids',
      'too_many',
      { max: 1 },
    ],
    ['a small number', z.object({ n: z.number().min(1) }), { n: 0 }, 'input.n', 'too_small', { min: 1 }],
    ['a large number', z.object({ n: z.number().max(9) }), { n: 10 }, 'input.n', 'too_large', { max: 9 }],
    ['a fraction', z.object({ n: z.number().int() }), { n: 1.5 }, 'input.n', 'not_whole_number', undefined],
    ['text for a number', z.object({ n: z.number() }), { n: '1' }, 'input.n', 'not_a_number', undefined],
    ['a number for text', z.object({ s: z.string() }), { s: 1 }, 'input.s', 'not_text', undefined],
    ['text for a flag', z.object({ b: z.boolean() }), { b: 'yes' }, 'input.b', 'not_boolean', undefined],
    [
      'an unknown choice',
      z.object({ kind: z.enum(['A', 'B']) }),
      { kind: 'C' },
      'input.kind',
      'not_one_of',
      { options: 'A, B' },
    ],
    [
      'a bad email',
      z.object({ email: z.email() }),
      { email: 'maya' },
      'input.email',
      'invalid_format',
      { format: 'email' },
    ],
    ['a bad id', z.object({ id: idSchema }), { id: 'x' }, 'input.id', 'invalid_format', { format: 'id' }],
    [
      'a bad date',
      z.object({ on: z.iso.date() }),
      { on: '2026-02-30' },
      'input.on',
      'invalid_format',
      { format: 'date' },
    ],
    [
      'a pattern with a name',
      z.object({ slug: z.string().refine(...matches(/^[a-z]+$/, 'slug')) }),
      { slug: 'A' },
      'input.slug',
      'invalid_format',
      { format: 'slug' },
    ],
    [
      'a refinement with a rule',
      z.object({ ids: z.array(z.string()).refine((ids) => ids.length === 0, rule('duplicate')) }),
      { ids: ['a'] },
      'input.ids',
      'duplicate',
      undefined,
    ],
    [
      'a refinement with params',
      z.object({ n: z.number().refine(() => false, rule('out_of_range', { min: 1, max: 30 })) }),
      { n: 0 },
      'input.n',
      'out_of_range',
      { min: 1, max: 30 },
    ],
    [
      'a refinement without a rule',
      z.object({ n: z.number().refine(() => false) }),
      { n: 0 },
      'input.n',
      'invalid',
      undefined,
    ],
  ])('%s', (_, schema, value, field, code, params) => {
    expect(issuesOf(schema, value)).toEqual([{ field, code, params }]);
  });

  it('keeps an English sentence for API users, made from the code and params', () => {
    expect(
      fieldIssues(z.object({ title: z.string().max(160) }).safeParse({ title: 'x'.repeat(161) }).error!, 'input'),
    ).toEqual([
      { field: 'input.title', code: 'too_long', params: { max: 160 }, message: 'must be at most 160 characters' },
    ]);
  });
});

describe('issue messages', () => {
  it('every code has an English sentence that uses its params', () => {
    for (const code of ISSUE_CODES) expect(issueMessage(code, { min: 2, max: 9 }), code).toMatch(/\S/);
    expect(fieldIssue('input.first', 'out_of_range', { min: 1, max: 50 }).message).toBe('must be between 1 and 50');
  });
});
