import { describe, expect, it } from 'vitest';
import { parseMonthKey } from '../spc/month-key';
import { fieldIssues } from './common';
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
    ['A very long network name that goes on and on beyond forty characters', 'a-very-long-network-name-that-goes-on-an'],
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
    expect(siteSlugs(['Riverside', 'Riverside!', '東京', 'Lakeview'])).toEqual(['riverside', 'riverside-2', 'site-3', 'lakeview']);
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
    expect(firstRunSchema.parse({ ...valid, networkName: '  Northern Lights Network ', sites: [' Riverside', 'Lakeview '] })).toEqual({
      ...valid,
      adminEmail: 'maya@example.org',
    });
  });

  it.each([
    [{ token: 'short' }, 'token', 'is not a valid setup code'],
    [{ networkName: ' ' }, 'networkName', 'must be at least 2 characters'],
    [{ networkName: 'n'.repeat(121) }, 'networkName', 'must be at most 120 characters'],
    [{ networkSlug: 'Northern Lights' }, 'networkSlug', 'may hold only lowercase letters, digits and single hyphens'],
    [{ networkSlug: 'a--b' }, 'networkSlug', 'may hold only lowercase letters, digits and single hyphens'],
    [{ networkSlug: '-ab' }, 'networkSlug', 'may hold only lowercase letters, digits and single hyphens'],
    [{ networkSlug: 'n' }, 'networkSlug', 'must be at least 2 characters'],
    [{ networkSlug: 'n'.repeat(41) }, 'networkSlug', 'must be at most 40 characters'],
    [{ startMonth: '2026-13' }, 'startMonth', 'must be a month like 2026-03'],
    [{ sites: [] }, 'sites', 'must list at least one site'],
    [{ sites: Array.from({ length: 51 }, (_, i) => `Site ${i}`) }, 'sites', 'must list at most 50 sites'],
    [{ sites: ['Riverside', 'x'] }, 'sites.1', 'must be at least 2 characters'],
    [{ sites: ['Riverside', 'Lakeview', 'RIVERSIDE '] }, 'sites.2', 'appears twice'],
    [{ adminName: '' }, 'adminName', 'is required'],
    [{ adminEmail: 'maya' }, 'adminEmail', 'must be a valid email address'],
    [{ password: 'short' }, 'password', 'must be at least 10 characters'],
  ])('%o is refused on %s', (overrides, field, message) => {
    expect(issuesOf(firstRunSchema.safeParse({ ...valid, ...overrides }))).toEqual([{ field, message }]);
  });
});

describe('setupCommandSchema', () => {
  const valid = { networkName: 'Northern Lights', networkSlug: 'northern-lights', startMonth: '2026-01', sites: ['Riverside'], adminEmail: 'a@example.org' };

  it('takes http and https addresses only', () => {
    expect(setupCommandSchema.safeParse({ ...valid, publicUrl: 'https://commons.example.org' }).success).toBe(true);
    expect(setupCommandSchema.safeParse({ ...valid, publicUrl: 'http://localhost:3000' }).success).toBe(true);
    expect(fieldsOf(setupCommandSchema.safeParse({ ...valid, publicUrl: 'ftp://example.org' }))).toEqual(['publicUrl']);
    expect(fieldsOf(setupCommandSchema.safeParse({ ...valid, publicUrl: 'commons.example.org' }))).toEqual(['publicUrl']);
  });
});

describe('startMonthIssue', () => {
  const now = parseMonthKey('2026-12');
  it.each([
    ['2026-12', null],
    ['2027-01', 'cannot be in the future'],
    ['2016-12', null],
    ['2016-11', 'cannot be more than 10 years ago'],
  ])('%s → %s', (month, issue) => {
    expect(startMonthIssue(parseMonthKey(month), now)).toBe(issue);
  });
});
