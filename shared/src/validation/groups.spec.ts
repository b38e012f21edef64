import { describe, expect, it } from 'vitest';
import { fieldIssues } from './issues';
import { groupInputSchema, groupRoleSchema } from './groups';
import { notificationPreferenceSchema } from './notifications';

const fieldsOf = (result: { success: boolean; error?: any }) =>
  result.success ? [] : fieldIssues(result.error).map((i) => i.field);

describe('groupInputSchema', () => {
  const valid = { name: 'School and IBD', purpose: 'Keeping school going through flares.', visibility: 'OPEN' };

  it('accepts a group and trims its text', () => {
    expect(groupInputSchema.parse({ ...valid, name: '  School and IBD ', purpose: ' ' })).toEqual({
      ...valid,
      purpose: '',
    });
  });

  it.each([
    [{ name: 'ab' }, 'name'],
    [{ name: 'x'.repeat(81) }, 'name'],
    [{ purpose: 'p'.repeat(2001) }, 'purpose'],
    [{ visibility: 'SECRET' }, 'visibility'],
  ])('%o is refused on %s', (overrides, field) => {
    expect(fieldsOf(groupInputSchema.safeParse({ ...valid, ...overrides }))).toEqual([field]);
  });

  it('knows the two group roles only', () => {
    expect(groupRoleSchema.safeParse('OWNER').success).toBe(true);
    expect(groupRoleSchema.safeParse('ADMIN').success).toBe(false);
  });
});

describe('notificationPreferenceSchema', () => {
  it.each([
    [{ kind: 'EVERYTHING', inApp: true, email: false }, 'kind'],
    [{ kind: 'MENTION', inApp: 'yes', email: false }, 'inApp'],
    [{ kind: 'MENTION', inApp: true }, 'email'],
  ])('%o is refused on %s', (value, field) => {
    expect(fieldsOf(notificationPreferenceSchema.safeParse(value))).toEqual([field]);
  });
});
