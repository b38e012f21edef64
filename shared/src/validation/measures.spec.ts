import { describe, expect, it } from 'vitest';
import { parseMonthKey } from '../spc/month-key';
import {
  isEmptyReport,
  reportDueDate,
  reportMonthIssue,
  reportSubmissionIssue,
  reportSubmissionOpensAt,
  reportValueIssues,
} from './measures';

const fields = (issues: { field: string }[]) => issues.map((issue) => issue.field);

describe('reportValueIssues', () => {
  it.each([
    ['PROPORTION', { numerator: 12, denominator: 40 }, []],
    ['PROPORTION', { numerator: 41, denominator: 40 }, ['e.numerator']],
    ['PROPORTION', { numerator: -1, denominator: 40 }, ['e.numerator']],
    ['PROPORTION', { numerator: 1.5, denominator: 40 }, ['e.numerator']],
    ['PROPORTION', { numerator: 3 }, ['e.denominator']],
    ['PROPORTION', { numerator: 3, denominator: 4, value: 0.75 }, ['e.value']],
    ['RATE', { numerator: 7, denominator: 1200 }, []],
    ['RATE', { numerator: 7 }, ['e.denominator']],
    ['MEAN', { value: 4.2, denominator: 30 }, []],
    ['MEAN', { value: 4.2 }, ['e.denominator']],
    ['MEAN', { value: 4.2, denominator: 0 }, ['e.value']],
    ['MEAN', { numerator: 3, value: 1, denominator: 3 }, ['e.numerator']],
    ['COUNT', { value: 3 }, []],
    ['COUNT', { value: 2.5 }, ['e.value']],
    ['COUNT', { numerator: 3 }, ['e.value', 'e.numerator']],
  ] as const)('%s %j → %j', (kind, values, expected) => {
    expect(fields(reportValueIssues(kind, values, 'e'))).toEqual(expected);
  });

  it('treats a report with nothing entered as empty', () => {
    expect(isEmptyReport({})).toBe(true);
    expect(isEmptyReport({ numerator: 0 })).toBe(false);
  });
});

describe('reportMonthIssue', () => {
  const start = parseMonthKey('2024-11');
  const now = parseMonthKey('2026-11');
  it.each([
    ['2024-11', null],
    ['2026-11', null],
    ['2024-10', { code: 'before_network', params: { start: '2024-11' } }],
    ['2026-12', { code: 'in_future' }],
    ['2026-13', { code: 'invalid_format', params: { format: 'month' } }],
    ['26-01', { code: 'invalid_format', params: { format: 'month' } }],
  ])('%s → %o', (month, expected) => {
    expect(reportMonthIssue(month, start, now)).toEqual(expected);
  });
});

describe('reportDueDate', () => {
  it('is the 15th of the following month, across a year boundary too', () => {
    expect(reportDueDate(parseMonthKey('2026-03'))).toBe('2026-04-15');
    expect(reportDueDate(parseMonthKey('2026-12'))).toBe('2027-01-15');
  });
});

describe('reportSubmissionIssue', () => {
  const november = parseMonthKey('2026-11');
  it.each([
    ['2026-11-05T10:00:00Z', 0, { code: 'not_open_yet', params: { date: '2026-12-01' } }],
    ['2026-11-30T23:59:59Z', 0, { code: 'not_open_yet', params: { date: '2026-12-01' } }],
    ['2026-12-01T00:00:00Z', 0, null],
    ['2027-03-01T00:00:00Z', 0, null],
    ['2026-11-27T12:00:00Z', 3, { code: 'not_open_yet', params: { date: '2026-11-28' } }],
    ['2026-11-28T00:00:00Z', 3, null],
  ])('at %s with %s grace days → %o', (now, grace, expected) => {
    expect(reportSubmissionIssue(november, new Date(now), grace)).toEqual(expected);
  });

  it('opens February on 1 March, leap year or not, whatever the time zone of the caller', () => {
    expect(reportSubmissionOpensAt(parseMonthKey('2028-02')).toISOString()).toBe('2028-03-01T00:00:00.000Z');
    expect(reportSubmissionOpensAt(parseMonthKey('2026-12'), 27).toISOString()).toBe('2026-12-05T00:00:00.000Z');
  });

  it('rejects a grace that is not 0 to 27 whole days', () => {
    expect(() => reportSubmissionOpensAt(november, 28)).toThrow(RangeError);
    expect(() => reportSubmissionOpensAt(november, -1)).toThrow(/graceDays/);
    expect(() => reportSubmissionOpensAt(november, 1.5)).toThrow(RangeError);
  });
});
