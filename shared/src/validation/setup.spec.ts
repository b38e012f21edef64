import { describe, expect, it } from 'vitest';
import { parseMonthKey } from '../spc/month-key';
import { fieldIssues } from './issues';
import { firstRunSchema, setupCommandSchema, siteSlugs, slugify, startMonthIssue } from './setup';

const issuesOf = (result: { success: boolean; error?: any }) => (result.success ? [] : fieldIssues(result.error));
const fieldsOf = (result: { success: boolean; error?: any }) => issuesOf(result).map((i) => i.field);

describe('slugify', () => {
  it.each([
    ['NorthStar Paediatric IBD Network', 'northstar-paediatric-ibd-network'],
    ["St Brigid's Paediatric Centre", 'st-brigids-paediatric-centre'],
    ['Nätverket för barn-IBD i Öst', 'natverket-for-barn-ibd-i-ost'],
    ['Anhøj & Ærø  —  Skåne', 'anhoj-aero-skane'],
    ['  --Hello__World--  ', 'hello-world'],
    ['Łódź Straße', 'lodz-strasse'],
    ['東京', ''],
    [
      'A very long network name that goes on and on beyond forty characters',
      'a-very-long-network-name-that-goes-on-an',
    ],
  ])('%s → %s', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it('never ends in a hyphen when it is cut at 40 characters', () => {
    expect(slugify('abcdefghij abcdefghij abcdefghij abcdefg hij')).toBe('abcdefghij-abcdefghij-abcdefghij-abcdefg');
    expect(slugify('abcdefghij abcdefghij abcdefghij abcdef ghij')).toBe('abcdefghij-abcdefghij-abcdefghij-abcdef');
  });
});

describe('siteSlugs', () => {
  it('gives every site its own slug, numbering clashes and names without Latin letters', () => {
    expect(siteSlugs(['Riverside', 'Riverside!', '東京', 'Lakeview'])).toEqual([
      'riverside',
      'riverside-2',
      'site-3',
      'lakeview',
    ]);
  });
});

describe('firstRunSchema', () => {
  const valid = {
    token: 'x'.repeat(43),
    networkName: 'Northern Lights Network',
    networkSlug: 'northern-lights',
    startMonth: '2026-01',
    sites: ['Riverside', 'Lakeview'],
    adminName: 'Maya Lindqvist',
    adminEmail: 'Maya@Example.org',
    password: 'a long enough password',
  };

  it('accepts a complete setup, trimming text and lowering the email', () => {
    expect(
      firstRunSchema.parse({ ...valid, networkName: '  Northern Lights Network ', sites: [' Riverside', 'Lakeview '] }),
    ).toEqual({
      ...valid,
      adminEmail: 'maya@example.org',
    });
  });

  it.each([
    [{ token: 'short' }, 'token', 'setup_code_invalid'],
    [{ networkName: ' ' }, 'networkName', 'too_short', { min: 2 }],
    [{ networkName: 'n'.repeat(121) }, 'networkName', 'too_long', { max: 120 }],
    [{ networkSlug: 'Northern Lights' }, 'networkSlug', 'invalid_format', { format: 'slug' }],
    [{ networkSlug: 'a--b' }, 'networkSlug', 'invalid_format', { format: 'slug' }],
    [{ networkSlug: '-ab' }, 'networkSlug', 'invalid_format', { format: 'slug' }],
    [{ networkSlug: 'n' }, 'networkSlug', 'too_short', { min: 2 }],
    [{ networkSlug: 'n'.repeat(41) }, 'networkSlug', 'too_long', { max: 40 }],
    [{ startMonth: '2026-13' }, 'startMonth', 'invalid_format', { format: 'month' }],
    [{ sites: [] }, 'sites', 'too_few', { min: 1 }],
    [{ sites: Array.from({ length: 51 }, (_, i) => `Site ${i}`) }, 'sites', 'too_many', { max: 50 }],
    [{ sites: ['Riverside', 'x'] }, 'sites.1', 'too_short', { min: 2 }],
    [{ sites: ['Riverside', 'Lakeview', 'RIVERSIDE '] }, 'sites.2', 'duplicate'],
    [{ adminName: '' }, 'adminName', 'required'],
    [{ adminEmail: 'maya' }, 'adminEmail', 'invalid_format', { format: 'email' }],
    [{ password: 'short' }, 'password', 'too_short', { min: 10 }],
  ] as const)('%o is refused on %s with %s', (overrides, field, code, params?: object) => {
    expect(
      issuesOf(firstRunSchema.safeParse({ ...valid, ...overrides })).map(({ message: _, ...issue }) => issue),
    ).toEqual([{ field, code, ...(params ? { params } : {}) }]);
  });
});

describe('setupCommandSchema', () => {
  const valid = {
    networkName: 'Northern Lights',
    networkSlug: 'northern-lights',
    startMonth: '2026-01',
    sites: ['Riverside'],
    adminEmail: 'a@example.org',
  };

  it('takes http and https addresses only', () => {
    expect(setupCommandSchema.safeParse({ ...valid, publicUrl: 'https://commons.example.org' }).success).toBe(true);
    expect(setupCommandSchema.safeParse({ ...valid, publicUrl: 'http://localhost:3000' }).success).toBe(true);
    expect(fieldsOf(setupCommandSchema.safeParse({ ...valid, publicUrl: 'ftp://example.org' }))).toEqual(['publicUrl']);
    expect(fieldsOf(setupCommandSchema.safeParse({ ...valid, publicUrl: 'commons.example.org' }))).toEqual([
      'publicUrl',
    ]);
  });
});

describe('startMonthIssue', () => {
  const now = parseMonthKey('2026-12');
  it.each([
    ['2026-12', null],
    ['2027-01', { code: 'in_future' }],
    ['2016-12', null],
    ['2016-11', { code: 'too_long_ago', params: { years: 10 } }],
  ])('%s → %o', (month, issue) => {
    expect(startMonthIssue(parseMonthKey(month), now)).toEqual(issue);
  });
});
