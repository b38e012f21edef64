import { describe, expect, it } from 'vitest';
import { fieldIssues } from '../validation/issues';
import { isStorableText } from '../validation/common';
import { fileExtension, safeFilename } from './attachments';
import { ancestorChain, descendantTree } from './lineage';
import { isSafeUrl, MARKDOWN_IMAGE_SCHEMES } from './markdown';
import { normaliseTag, normaliseTags, resourceEditSchema, resourceInputSchema } from './resources';
import { queryTerms, searchFilterSchema } from './search';

const SITE = '6f1c1a43-08d4-4a52-9a55-3f54d8d8d001';
const valid = {
  kind: 'TOOL',
  title: 'Flare action plan',
  summary: '',
  body: '',
  tags: [],
  audiences: [],
  siteId: null,
  license: 'CC-BY-4.0',
};
const issuesOf = (schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } }, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? [] : fieldIssues(result.error as never, 'input').map((issue) => issue.field);
};

describe('normaliseTag', () => {
  it.each([
    ['Nutrition', 'nutrition'],
    ['  #Transition  to Adult\tcare ', 'transition to adult care'],
    ['##EEN', 'een'],
    ['Ångest', 'ångest'],
  ])('%j → %j', (raw, expected) => {
    expect(normaliseTag(raw)).toBe(expected);
  });

  it('makes one tag of spellings that differ only in case, spaces or #', () => {
    expect(normaliseTags(['School', ' school ', '#SCHOOL', 'sport'])).toEqual(['school', 'sport']);
  });
});

describe('resourceInputSchema', () => {
  it('accepts a minimal resource and normalises its tags and audiences', () => {
    const parsed = resourceInputSchema.parse({
      ...valid,
      tags: ['#School', 'school', 'Mental  Health'],
      audiences: ['CLINICIAN', 'CLINICIAN'],
    });
    expect(parsed.tags).toEqual(['school', 'mental health']);
    expect(parsed.audiences).toEqual(['CLINICIAN']);
  });

  it('keeps Markdown indentation but normalises line endings and trailing space', () => {
    expect(resourceInputSchema.parse({ ...valid, body: '    code\r\n- item  \r\n\n' }).body).toBe('    code\n- item');
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['a short title', { title: 'ab' }, ['input.title']],
    ['a long title', { title: 'x'.repeat(161) }, ['input.title']],
    ['an unknown kind', { kind: 'VIDEO' }, ['input.kind']],
    ['an unknown licence', { license: 'MIT' }, ['input.license']],
    ['a one-letter tag', { tags: ['ok', 'x'] }, ['input.tags.1']],
    ['a tag of punctuation', { tags: ['<script>'] }, ['input.tags.0']],
    ['13 tags', { tags: Array.from({ length: 13 }, (_, i) => `tag ${i}`) }, ['input.tags']],
    ['a malformed site', { siteId: 'riverside' }, ['input.siteId']],
    ['an unknown audience', { audiences: ['DOCTOR'] }, ['input.audiences.0']],
    ['a body over 50,000 characters', { body: 'b'.repeat(50_001) }, ['input.body']],
  ])('names the field of %s', (_, override, fields) => {
    expect(issuesOf(resourceInputSchema, { ...valid, ...override })).toEqual(fields);
  });

  it('accepts 12 tags that are 13 before duplicates are removed', () => {
    const tags = [...Array.from({ length: 12 }, (_, i) => `tag ${i}`), 'TAG 0'];
    expect(resourceInputSchema.parse({ ...valid, tags }).tags).toHaveLength(12);
  });

  it('an edit needs the version it was loaded at', () => {
    expect(issuesOf(resourceEditSchema, { ...valid, expectedVersion: 0, changeNote: '' })).toEqual([
      'input.expectedVersion',
    ]);
    expect(issuesOf(resourceEditSchema, { ...valid, siteId: SITE, expectedVersion: 3, changeNote: 'typo' })).toEqual(
      [],
    );
  });
});

describe('descendantTree', () => {
  const row = (id: string, parentId: string | null, visible = true) => ({ id, parentId, visible });

  it('flattens the adaptations depth-first with their depth and parent', () => {
    const rows = [row('root', null), row('a', 'root'), row('b', 'root'), row('a1', 'a'), row('a1x', 'a1')];
    expect(descendantTree('root', rows).map(({ id, parentId, depth }) => [id, parentId, depth])).toEqual([
      ['a', 'root', 1],
      ['a1', 'a', 2],
      ['a1x', 'a1', 3],
      ['b', 'root', 1],
    ]);
  });

  it('leaves hidden adaptations out and hangs their adaptations from the nearest visible ancestor', () => {
    const rows = [row('root', null), row('hidden', 'root', false), row('child', 'hidden'), row('grandchild', 'child')];
    expect(descendantTree('root', rows).map(({ id, parentId, depth }) => [id, parentId, depth])).toEqual([
      ['child', 'root', 1],
      ['grandchild', 'child', 2],
    ]);
  });

  it('stops at a cycle instead of looping', () => {
    expect(descendantTree('a', [row('a', 'b'), row('b', 'a')]).map((node) => node.id)).toEqual(['b']);
  });
});

describe('ancestorChain', () => {
  it('keeps the visible ancestors, nearest first, each pointing at the next visible one', () => {
    const chain = [
      { id: 'parent', parentId: 'hidden', visible: true },
      { id: 'hidden', parentId: 'origin', visible: false },
      { id: 'origin', parentId: null, visible: true },
    ];
    expect(ancestorChain(chain).map(({ id, parentId, depth }) => [id, parentId, depth])).toEqual([
      ['parent', 'origin', -1],
      ['origin', null, -2],
    ]);
  });
});

describe('safeFilename', () => {
  it.each([
    ['flare plan.pdf', 'flare plan.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\windows\\system32\\evil.docx', 'evil.docx'],
    ['/var/data/files/x.png', 'x.png'],
    ['..', 'file'],
    ['.htaccess', 'htaccess'],
    ['', 'file'],
    ['report\u202Efdp.exe', 'reportfdp.exe'],
    ['a\u0000b\r\n.pdf', 'ab.pdf'],
    ['what?<is>"this".pdf', 'what__is__this_.pdf'],
    ['Årsrapport för Uppsala.pdf', 'Årsrapport för Uppsala.pdf'],
  ])('%j → %j', (raw, expected) => {
    expect(safeFilename(raw)).toBe(expected);
  });

  it('shortens a long name to 180 characters and keeps the extension', () => {
    const name = safeFilename(`${'x'.repeat(300)}.pdf`);
    expect(name).toHaveLength(180);
    expect(fileExtension(name)).toBe('pdf');
  });

  it.each([`${'😀'.repeat(100)}.pdf`, `a${'😀'.repeat(100)}.pdf`, `${'😀'.repeat(100)}`, `a${'😀'.repeat(100)}`])(
    'shortens a long name of emoji without cutting one in half (%#)',
    (raw) => {
      const name = safeFilename(raw);
      expect(name.length).toBeLessThanOrEqual(180);
      expect(isStorableText(name)).toBe(true);
    },
  );
});

describe('isSafeUrl', () => {
  it.each([
    ['https://example.org/a', true],
    ['http://example.org', true],
    ['mailto:team@example.org', true],
    ['/resources/123', true],
    ['#section', true],
    ['javascript:alert(1)', false],
    ['JavaScript:alert(1)', false],
    [' java\tscript:alert(1)', false],
    ['vbscript:msgbox', false],
    ['data:text/html;base64,PHNjcmlwdD4=', false],
    ['file:///etc/passwd', false],
  ])('%j → %s', (url, safe) => {
    expect(isSafeUrl(url)).toBe(safe);
  });

  it('allows no mailto: for images', () => {
    expect(isSafeUrl('mailto:x@example.org', MARKDOWN_IMAGE_SCHEMES)).toBe(false);
  });
});

describe('queryTerms', () => {
  it.each([
    ['Remission  guide', ['remission', 'guide']],
    ["school's plan: a&b | !c", ['school', 's', 'plan', 'a', 'b', 'c']],
    ["'); DROP TABLE x; --", ['drop', 'table', 'x']],
    ['Ångest hos barn', ['ångest', 'hos', 'barn']],
    ['one two three four five six seven eight nine', ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight']],
  ])('%j → %j', (text, terms) => {
    expect(queryTerms(text)).toEqual(terms);
  });
});

describe('searchFilterSchema', () => {
  it('fills in empty filters and normalises tags', () => {
    expect(searchFilterSchema.parse({ tags: ['#School'] })).toEqual({
      kinds: [],
      tags: ['school'],
      audiences: [],
      siteIds: [],
      authorIds: [],
      createdFrom: null,
      createdTo: null,
    });
  });

  it('refuses a date range that ends before it starts, naming createdFrom', () => {
    const result = searchFilterSchema.safeParse({
      createdFrom: new Date('2026-05-01'),
      createdTo: new Date('2026-04-01'),
    });
    expect(result.success ? [] : fieldIssues(result.error, 'filter').map((i) => i.field)).toEqual([
      'filter.createdFrom',
    ]);
  });
});
