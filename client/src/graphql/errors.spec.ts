import {
  firstRunSchema,
  invitationSchema,
  ISSUE_CODES,
  profileSchema,
  registerSchema,
  signInSchema,
} from '@commons/shared';
import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import i18n from '../i18n/i18n';
import { describeError, fieldNameOf, firstIssueOf, toFormErrors, translateIssue, validateWith } from './errors';

const en = i18n.getFixedT('en');
const sv = i18n.getFixedT('sv');

function serverError(message: string, extensions: Record<string, unknown>): CombinedError {
  return new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions })] });
}

describe('fieldNameOf', () => {
  it.each([
    ['input.email', 'email'],
    ['input.interests.2', 'interests'],
    ['filter.search', 'search'],
    ['siteId', 'siteId'],
    ['input', 'input'],
    ['', ''],
  ])('maps %j to the form field %j', (path, field) => {
    expect(fieldNameOf(path)).toBe(field);
  });
});

describe('toFormErrors', () => {
  it('puts each issue next to its field, translated from its code and params, never from the English message', () => {
    const error = serverError('input.email must be a valid email address', {
      code: 'BAD_USER_INPUT',
      field: 'input.email',
      issues: [
        {
          field: 'input.email',
          code: 'invalid_format',
          params: { format: 'email' },
          message: 'whatever the server says',
        },
        { field: 'input.password', code: 'too_short', params: { min: 10 }, message: 'reworded by someone' },
      ],
    });
    expect(toFormErrors(error, ['email', 'password'], en)).toEqual({
      fields: { email: 'Enter a valid email address, like name@example.org.', password: 'Use at least 10 characters.' },
      form: [],
    });
    expect(toFormErrors(error, ['email', 'password'], sv).fields.password).toBe('Använd minst 10 tecken.');
  });

  it('keeps the first problem of a field and sends issues about other fields to the form, once each', () => {
    const error = serverError('bad', {
      code: 'BAD_USER_INPUT',
      issues: [
        { field: 'input.interests.0', code: 'too_short', params: { min: 2 }, message: '' },
        { field: 'input.interests.1', code: 'too_long', params: { max: 40 }, message: '' },
        { field: 'networkId', code: 'invalid_format', params: { format: 'id' }, message: '' },
        { field: 'siteId', code: 'invalid_format', params: { format: 'id' }, message: '' },
      ],
    });
    expect(toFormErrors(error, ['interests'], en)).toEqual({
      fields: { interests: 'Use at least 2 characters.' },
      form: ['This is not a valid choice.'],
    });
  });

  it('tells kinds of CONFLICT apart by their reason, with its params, on the field the error names', () => {
    const conflict = serverError('This person is already a member of the network.', {
      code: 'CONFLICT',
      reason: 'already_member',
      field: 'input.email',
    });
    expect(toFormErrors(conflict, ['email'], en).fields.email).toBe('This person is already a member of the network.');
    const wrong = serverError('The email or password is not right.', {
      code: 'UNAUTHENTICATED',
      reason: 'wrong_credentials',
      field: 'input.password',
    });
    expect(toFormErrors(wrong, ['email', 'password'], sv).fields.password).toBe(
      'E-postadressen eller lösenordet stämmer inte.',
    );
    const stale = serverError('Someone saved a newer version (4) meanwhile.', {
      code: 'CONFLICT',
      reason: 'resource_changed',
      currentVersion: 4,
    });
    expect(describeError(stale, en)).toBe(
      'Someone saved a newer version (4) while you were editing. Copy your changes, reload the page and edit again.',
    );
  });

  it('describes errors without a field by their code', () => {
    expect(toFormErrors(serverError('nope', { code: 'FORBIDDEN' }), ['email'], en)).toEqual({
      fields: {},
      form: ['You are not allowed to do this.'],
    });
    expect(describeError(serverError('slow down', { code: 'TOO_MANY_REQUESTS' }), sv)).toBe(
      'För många försök. Vänta några minuter och försök igen.',
    );
    expect(describeError(serverError('x', { code: 'TIMEOUT' }), sv)).toBe(
      'Det här tog för lång tid och avbröts. Försök igen om en stund.',
    );
    expect(describeError(serverError('x', { code: 'SOMETHING_NEW' }), en)).toBe(en('errors.unknown'));
    expect(describeError(new CombinedError({ networkError: new Error('offline') }), en)).toMatch(
      /could not be reached/,
    );
  });
});

describe('translateIssue', () => {
  it('reads a format in its own words, and an unknown code plainly', () => {
    expect(translateIssue({ code: 'invalid_format', params: { format: 'slug' } }, en)).toBe(
      'Use lowercase letters, digits and single hyphens, like northern-lights.',
    );
    expect(translateIssue({ code: 'invalid_format', params: { format: 'something-new' } }, en)).toBe(
      'This is not in the right format.',
    );
    expect(translateIssue({ code: 'is_wobbly' }, en)).toBe('This value is not valid.');
  });

  it('fills in every param a translation uses', () => {
    const params = {
      min: 1,
      max: 2,
      date: '2026-01-01',
      name: 'N',
      years: 10,
      extension: 'exe',
      type: 'PDF',
      maxMb: 10,
      minutes: 5,
      days: 60,
      value: 'v',
      site: 's',
      line: 3,
      count: 4,
      expected: 6,
    };
    for (const code of ISSUE_CODES) {
      for (const t of [en, sv]) expect(translateIssue({ code, params }, t), code).not.toMatch(/{{/);
    }
  });
});

describe('validateWith (the shared schemas, before anything is sent)', () => {
  it('returns null for valid input', () => {
    expect(validateWith(signInSchema, { email: 'a@b.org', password: 'x' }, ['email', 'password'], en)).toBeNull();
  });

  it('names the profile fields that are wrong', () => {
    const errors = validateWith(
      profileSchema,
      { name: ' ', pronouns: null, bio: '', interests: ['ok', 'x'], locale: null },
      ['name', 'pronouns', 'bio', 'interests', 'locale'],
      en,
    );
    expect(errors?.fields).toEqual({ name: 'This is required.', interests: 'Use at least 2 characters.' });
  });

  it('translates every issue the shared schemas produce to something more precise than "not valid"', () => {
    const samples = [
      signInSchema.safeParse({ email: 'nope', password: '' }),
      registerSchema.safeParse({ token: 'short', email: 'x', name: '', password: 'short' }),
      registerSchema.safeParse({
        token: 'a'.repeat(30),
        email: 'a@b.org',
        name: 'x'.repeat(101),
        password: 'p'.repeat(201),
      }),
      profileSchema.safeParse({
        name: 'A',
        pronouns: 'p'.repeat(41),
        bio: 'b'.repeat(2001),
        interests: Array.from({ length: 21 }, (_, i) => `i${i}`),
        locale: 'de',
      }),
      invitationSchema.safeParse({ email: 'a@b.org', role: 'KING', siteId: 'not-an-id' }),
      firstRunSchema.safeParse({
        token: 'x',
        networkName: '',
        networkSlug: 'Not A Slug',
        startMonth: '2026-13',
        sites: [],
        adminName: '',
        adminEmail: 'x',
        password: 'p',
      }),
      profileSchema.safeParse({ name: 'A\u0000', pronouns: null, bio: '\ud83d', interests: [], locale: null }),
      profileSchema.safeParse({ name: 42, pronouns: null, bio: '', interests: [], locale: null }),
    ];
    const invalid = (t: typeof en) => t('errors.issue.invalid');
    let seen = 0;
    for (const result of samples) {
      if (result.success) continue;
      const errors = validateWith({ safeParse: () => result }, null, [], en)!;
      seen += errors.form.length;
      for (const message of errors.form) expect(message).not.toBe(invalid(en));
    }
    expect(seen).toBeGreaterThan(10);
    expect(firstIssueOf(firstRunSchema.shape.token, 'x', sv)).toBe(
      'Startlänken är inte giltig. Använd hela länken som servern skrev när den startade.',
    );
  });
});
