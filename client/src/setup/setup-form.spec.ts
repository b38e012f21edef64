import { fieldIssue } from '@commons/shared';
import { describe, expect, it } from 'vitest';
import i18n from '../i18n/i18n';
import { emptySetupForm, setupErrors, setupInput, thisMonth, validateSetup, withNetworkName } from './setup-form';

const en = i18n.getFixedT('en');

const filled = {
  ...emptySetupForm('t'.repeat(43), new Date('2026-03-15T12:00:00Z')),
  networkName: 'Northern Lights',
  networkSlug: 'northern-lights',
  sites: ['Riverside', '', 'Lakeview'],
  adminName: 'Maya Lindqvist',
  adminEmail: 'maya@example.org',
  password: 'a long enough password',
};

describe('the first-run form', () => {
  it("proposes this month in UTC, as the server counts months (not yet February in Stockholm's first hour)", () => {
    expect(thisMonth(new Date('2026-01-31T23:30:00Z'))).toBe('2026-01');
    expect(thisMonth(new Date('2026-02-01T00:30:00+01:00'))).toBe('2026-01');
    expect(emptySetupForm('x', new Date('2026-12-01T12:00:00Z')).startMonth).toBe('2026-12');
  });

  it('makes the slug follow the name until the person edits it', () => {
    const named = withNetworkName(emptySetupForm('x'), 'Nätverket Öst');
    expect(named.networkSlug).toBe('natverket-ost');
    const edited = { ...named, networkSlug: 'ost', slugEdited: true };
    expect(withNetworkName(edited, 'Nätverket Väst').networkSlug).toBe('ost');
  });

  it('sends the named sites only, remembering the row each came from', () => {
    expect(setupInput(filled)).toEqual({
      input: expect.objectContaining({ sites: ['Riverside', 'Lakeview'] }),
      rows: [0, 2],
    });
  });

  it('puts a site problem next to the row it came from', () => {
    const errors = validateSetup({ ...filled, sites: ['Riverside', '', 'riverside '] }, en)!;
    expect(errors.siteRows).toEqual({ 2: 'This site is listed twice.' });
    expect(errors.fields).toEqual({});
  });

  it('asks for one site at the first row when none is named', () => {
    const errors = validateSetup({ ...filled, sites: ['', ' '] }, en)!;
    expect(errors.siteRows).toEqual({ 0: 'Name at least one site.' });
  });

  it("places the server's issues on fields and rows", () => {
    const errors = setupErrors(
      [
        fieldIssue('input.sites.1', 'too_long', { max: 120 }),
        fieldIssue('input.networkSlug', 'invalid_format', { format: 'slug' }),
        { field: 'input.somethingElse', code: 'is_wobbly' as never, message: 'is wobbly' },
      ],
      [0, 2],
      en,
    );
    expect(errors).toEqual({
      fields: {
        networkSlug: 'Use lowercase letters, digits and single hyphens, like northern-lights.',
        sites: undefined,
      },
      form: ['This value is not valid.'],
      siteRows: { 2: 'Use at most 120 characters.' },
    });
  });

  it('is valid when complete', () => {
    expect(validateSetup(filled, en)).toBeNull();
  });
});
