import { fieldIssue } from '@commons/shared';
import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import i18n from '../i18n/i18n';
import {
  changesSubmitted,
  conflictEntries,
  entryNumbers,
  formEntry,
  type FormEntry,
  keepingMine,
  parseNumberText,
  reportFormErrors,
  reportIssues,
  toEntryInputs,
  withTheirNumbers,
} from './report-form';

const en = i18n.getFixedT('en');
const sv = i18n.getFixedT('sv');
const empty = { numerator: null, denominator: null, value: null };

function typed(entry: FormEntry, text: Partial<FormEntry['text']>): FormEntry {
  return { ...entry, text: { ...entry.text, ...text } };
}

const remission = formEntry('m-remission', 'PROPORTION', empty, 0, null);
const admissions = formEntry('m-admissions', 'RATE', empty, 0, null);
const wait = formEntry('m-wait', 'MEAN', empty, 0, null);
const courses = formEntry('m-courses', 'COUNT', empty, 0, null);
const ids = ['m-remission', 'm-admissions', 'm-wait', 'm-courses'];

describe('parseNumberText', () => {
  it.each([
    ['', null],
    ['  ', null],
    ['41', 41],
    ['9.5', 9.5],
    ['9,5', 9.5],
    ['1 200', 1200],
    ['abc', Number.NaN],
    ['4e2', Number.NaN],
  ])('reads %j as %s', (text, expected) => {
    expect(parseNumberText(text)).toBe(expected);
  });
});

describe('reportIssues (the shared rules, before sending)', () => {
  it('asks for every number when submitting, named like the server names them', () => {
    const issues = reportIssues([remission, admissions, wait, courses], { submit: true, reason: '' });
    expect(issues.map((i) => i.field)).toEqual([
      'entries.0.numerator',
      'entries.0.denominator',
      'entries.1.numerator',
      'entries.1.denominator',
      'entries.2.denominator',
      'entries.2.value',
      'entries.3.value',
    ]);
  });

  it('lets a draft be incomplete but never wrong', () => {
    const rows = [
      typed(remission, { numerator: '60', denominator: '58' }),
      typed(admissions, { numerator: '2' }),
      typed(wait, { value: 'soon' }),
      typed(courses, { value: '1.5' }),
    ];
    expect(reportIssues(rows, { submit: false, reason: '' })).toEqual([
      fieldIssue('entries.0.numerator', 'above_denominator'),
      fieldIssue('entries.2.value', 'not_a_number'),
      fieldIssue('entries.3.value', 'not_a_count'),
    ]);
  });

  it('wants a reason only when submitted numbers change', () => {
    const submitted = formEntry(
      'm-remission',
      'PROPORTION',
      { numerator: 41, denominator: 58, value: null },
      2,
      'SUBMITTED',
    );
    expect(changesSubmitted([submitted])).toBe(false);
    expect(reportIssues([submitted], { submit: true, reason: '' })).toEqual([]);
    const changed = typed(submitted, { numerator: '43' });
    expect(changesSubmitted([changed])).toBe(true);
    expect(reportIssues([changed], { submit: true, reason: ' ' })).toEqual([
      fieldIssue('reason', 'change_reason_required'),
    ]);
    expect(reportIssues([changed], { submit: true, reason: 'Two patients were missing' })).toEqual([]);
  });
});

describe('reportFormErrors (field errors mapped to the inputs)', () => {
  it('puts server errors on the input of the row they name', () => {
    const errors = reportFormErrors(
      [
        fieldIssue('input.entries.2.value', 'not_a_number'),
        fieldIssue('input.entries.0.numerator', 'above_denominator'),
        fieldIssue('input.reason', 'change_reason_required'),
      ],
      ids,
      en,
    );
    expect(errors).toEqual({
      fields: {
        'm-wait.value': 'Enter a number.',
        'm-remission.numerator': 'This cannot be more than the denominator.',
        reason: 'Say why you are changing numbers that were already submitted.',
      },
      form: [],
    });
  });

  it('maps client issues the same way, in the member language', () => {
    const errors = reportFormErrors([fieldIssue('entries.3.value', 'not_a_count')], ids, sv);
    expect(errors.fields).toEqual({ 'm-courses.value': 'Ange ett heltal, 0 eller mer.' });
  });

  it('sends what names no input (the month, a missing measure) to the form or the month', () => {
    const errors = reportFormErrors(
      [
        fieldIssue('input.month', 'in_future'),
        fieldIssue('input.entries', 'must_include', { name: 'New steroid courses' }),
        fieldIssue('input.entries.9.numerator', 'required'),
      ],
      ids,
      en,
    );
    expect(errors.fields).toEqual({ month: 'This month has not happened yet.' });
    expect(errors.form).toEqual(['Fill in New steroid courses before submitting.', 'This is required.']);
  });
});

describe('conflicts', () => {
  const conflict = new CombinedError({
    graphQLErrors: [
      new GraphQLError('Someone saved this month while you were editing it. Review their numbers and save again.', {
        extensions: {
          code: 'CONFLICT',
          field: 'input.entries',
          current: [
            {
              measureId: 'm-remission',
              numerator: 40,
              denominator: 58,
              value: null,
              status: 'SUBMITTED',
              version: 3,
              updatedByName: 'Aisha Rahman',
              updatedAt: '2026-05-03T10:12:00.000Z',
            },
          ],
        },
      }),
    ],
  });

  it('reads the teammate numbers from extensions.current', () => {
    expect(conflictEntries(conflict)).toEqual([
      {
        measureId: 'm-remission',
        numerator: 40,
        denominator: 58,
        value: null,
        status: 'SUBMITTED',
        version: 3,
        updatedByName: 'Aisha Rahman',
        updatedAt: '2026-05-03T10:12:00.000Z',
      },
    ]);
    expect(
      conflictEntries(
        new CombinedError({ graphQLErrors: [new GraphQLError('bad', { extensions: { code: 'BAD_USER_INPUT' } })] }),
      ),
    ).toBeNull();
    expect(conflictEntries(null)).toBeNull();
  });

  it('"Use their numbers" puts theirs in the form; "Keep mine" keeps what was typed on their version', () => {
    const mine = [typed(remission, { numerator: '41', denominator: '58' }), typed(courses, { value: '4' })];
    const theirs = conflictEntries(conflict)!;

    const used = withTheirNumbers(mine, theirs);
    expect(used[0].text).toMatchObject({ numerator: '40', denominator: '58' });
    expect(used[0]).toMatchObject({ version: 3, status: 'SUBMITTED' });
    expect(used[1]).toBe(mine[1]);

    const kept = keepingMine(mine, theirs);
    expect(entryNumbers(kept[0])).toEqual({ numerator: 41, denominator: 58, value: null });
    expect(toEntryInputs(kept)[0]).toEqual({
      measureId: 'm-remission',
      expectedVersion: 3,
      numerator: 41,
      denominator: 58,
      value: null,
    });
    // Their numbers were submitted, so saving mine over them is a change that needs a reason.
    expect(changesSubmitted(kept)).toBe(true);
  });
});
