import { ERROR_CODES, firstRunSchema, invitationSchema, profileSchema, registerSchema, REQUEST_ERROR_CODES, signInSchema } from '@commons/shared';
import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import i18n from '../i18n/i18n';
import { describeError, fieldNameOf, toFormErrors, translateMessage, validateWith } from './errors';

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
  it('puts each issue next to the field extensions.field names, in the member language', () => {
    const error = serverError('input.email must be a valid email address', {
      code: 'BAD_USER_INPUT',
      field: 'input.email',
      issues: [
        { field: 'input.email', message: 'must be a valid email address' },
        { field: 'input.password', message: 'must be at least 10 characters' },
      ],
    });
    expect(toFormErrors(error, ['email', 'password'], en)).toEqual({
      fields: { email: 'Enter a valid email address, like name@example.org.', password: 'Use at least 10 characters.' },
      form: [],
    });
    expect(toFormErrors(error, ['email', 'password'], sv).fields.password).toBe('Använd minst 10 tecken.');
  });

  it('keeps the first problem of a field and sends issues about other fields to the form', () => {
    const error = serverError('bad', {
      code: 'BAD_USER_INPUT',
      issues: [
        { field: 'input.interests.0', message: 'must be at least 2 characters' },
        { field: 'input.interests.1', message: 'must be at most 40 characters' },
        { field: 'networkId', message: 'must be a valid id' },
      ],
    });
    expect(toFormErrors(error, ['interests'], en)).toEqual({
      fields: { interests: 'Use at least 2 characters.' },
      form: ['This is not a valid choice.'],
    });
  });

  it('uses the single field of errors that have no issue list (conflicts, failed sign-in)', () => {
    const conflict = serverError('This person is already a member of the network.', { code: 'CONFLICT', field: 'input.email' });
    expect(toFormErrors(conflict, ['email'], en).fields.email).toBe('This person is already a member of the network.');
    const wrong = serverError('The email or password is not right.', { code: 'UNAUTHENTICATED', field: 'input.password' });
    expect(toFormErrors(wrong, ['email', 'password'], sv).fields.password).toBe('E-postadressen eller lösenordet stämmer inte.');
  });

  it('describes errors without a field by their code', () => {
    expect(toFormErrors(serverError('nope', { code: 'FORBIDDEN' }), ['email'], en)).toEqual({ fields: {}, form: ['You are not allowed to do this.'] });
    expect(describeError(serverError('slow down', { code: 'TOO_MANY_REQUESTS' }), sv)).toBe('För många försök. Vänta några minuter och försök igen.');
    expect(describeError(new CombinedError({ networkError: new Error('offline') }), en)).toMatch(/could not be reached/);
  });

  it('has a sentence for every code the server answers with, in both languages', () => {
    for (const code of [...ERROR_CODES, ...REQUEST_ERROR_CODES.filter((c) => c !== 'INTERNAL_SERVER_ERROR' && !c.startsWith('GRAPHQL_'))]) {
      for (const t of [en, sv]) expect(describeError(serverError('x', { code }), t), code).not.toBe(t('errors.unknown'));
    }
    expect(describeError(serverError('x', { code: 'TIMEOUT' }), sv)).toBe('Det här tog för lång tid och avbröts. Försök igen om en stund.');
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
});

describe('translateMessage', () => {
  it('translates every message the shared schemas produce', () => {
    const samples = [
      signInSchema.safeParse({ email: 'nope', password: '' }),
      registerSchema.safeParse({ token: 'short', email: 'x', name: '', password: 'short' }),
      registerSchema.safeParse({ token: 'a'.repeat(30), email: 'a@b.org', name: 'x'.repeat(101), password: 'p'.repeat(201) }),
      profileSchema.safeParse({ name: 'A', pronouns: 'p'.repeat(41), bio: 'b'.repeat(2001), interests: Array.from({ length: 21 }, (_, i) => `i${i}`), locale: 'de' }),
      invitationSchema.safeParse({ email: 'a@b.org', role: 'KING', siteId: 'not-an-id' }),
      firstRunSchema.safeParse({ token: 'x', networkName: '', networkSlug: 'Not A Slug', startMonth: '2026-13', sites: [], adminName: '', adminEmail: 'x', password: 'p' }),
      firstRunSchema.safeParse({ token: 'x'.repeat(201), networkName: 'n'.repeat(121), networkSlug: 'n'.repeat(41), startMonth: '2026-01', sites: Array.from({ length: 51 }, (_, i) => `Site ${i}`), adminName: 'A', adminEmail: 'a@b.org', password: 'p'.repeat(201) }),
      profileSchema.safeParse({ name: 'A\u0000', pronouns: null, bio: '\ud83d', interests: [], locale: null }),
      profileSchema.safeParse({ name: 42, pronouns: null, bio: '', interests: [], locale: null }),
    ];
    const messages = samples.flatMap((result) => (result.success ? [] : result.error.issues.map((issue) => issue.message)));
    expect(messages.length).toBeGreaterThan(10);
    for (const message of messages) {
      expect(translateMessage(message, en), message).not.toBe(en('errors.issue.invalid'));
      expect(translateMessage(message, sv), message).not.toBe(sv('errors.issue.invalid'));
    }
  });

  it('translates what the first-run setup says beyond the schema', () => {
    const messages = [
      'is a setup code that was used already',
      'is a setup code that expired: restart the server for a new link',
      'cannot be more than 10 years ago',
      'An account with this email address already exists.',
    ];
    for (const message of messages) {
      expect(translateMessage(message, en), message).not.toBe(en('errors.issue.invalid'));
      expect(translateMessage(message, sv), message).not.toBe(sv('errors.issue.invalid'));
    }
    expect(translateMessage('is a setup code that expired: restart the server for a new link', en)).toBe('This setup link has expired. Restart the server for a new one.');
    const refused = serverError('This Commons is set up already: sign in instead.', { code: 'ALREADY_SET_UP' });
    expect(describeError(refused, en)).toBe('This Commons is set up already. Sign in instead.');
    expect(describeError(refused, sv)).toBe('Den här Commons är redan igång. Logga in i stället.');
  });

  it('falls back to a plain sentence for a message it does not know', () => {
    expect(translateMessage('is wobbly', en)).toBe('This value is not valid.');
  });
});
