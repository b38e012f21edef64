import { z } from 'zod';
import { addMonths, compareMonthKeys, isMonthKey, type MonthKey } from '../spc/month-key';
import type { MeasureKind } from '../spc/types';
import { matches, safeString } from './common';
import { type FieldIssue, fieldIssue, type Problem, rule } from './issues';

export const MEASURE_KINDS = ['PROPORTION', 'RATE', 'MEAN', 'COUNT'] as const;
export const DIRECTIONS = ['UP', 'DOWN'] as const;
export const CHART_TYPES = ['RUN', 'P', 'P_PRIME', 'U', 'C', 'I'] as const;

export const monthKeySchema = safeString().refine(isMonthKey, rule('invalid_format', { format: 'month' }));

const text = (max: number) => safeString().trim().max(max);

export const measureDefinitionSchema = z.object({
  key: safeString()
    .trim()
    .refine(...matches(/^[a-z][a-z0-9_-]{1,39}$/, 'measure_key')),
  name: text(120).min(1),
  definition: text(4000),
  numeratorDefinition: text(2000),
  denominatorDefinition: text(2000),
  inclusions: text(2000),
  exclusions: text(2000),
  kind: z.enum(MEASURE_KINDS),
  direction: z.enum(DIRECTIONS),
  unit: text(40),
  target: z.number().finite().nullable(),
  defaultChart: z.enum(CHART_TYPES),
});

export type MeasureDefinitionInput = z.infer<typeof measureDefinitionSchema>;

/** One measure's numbers for one site and month, as entered. */
export interface ReportValues {
  numerator?: number | null;
  denominator?: number | null;
  value?: number | null;
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/** True when nothing was entered. */
export function isEmptyReport(values: ReportValues): boolean {
  return values.numerator == null && values.denominator == null && values.value == null;
}

/**
 * Problems with one entry given its measure kind, each naming its field under `prefix`
 * (e.g. "entries.2.numerator"). PROPORTION: whole numerator ≤ denominator; RATE: whole events
 * over a whole, positive exposure; MEAN: a number and the whole count of people it averages;
 * COUNT: a whole value. Counts are never negative.
 */
export function reportValueIssues(kind: MeasureKind, values: ReportValues, prefix: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const field = (name: string) => (prefix ? `${prefix}.${name}` : name);
  const requireCount = (name: 'numerator' | 'denominator' | 'value') => {
    const v = values[name];
    if (v == null) issues.push(fieldIssue(field(name), 'required'));
    else if (!isCount(v)) issues.push(fieldIssue(field(name), 'not_a_count'));
  };
  const forbid = (name: 'numerator' | 'denominator' | 'value') => {
    if (values[name] != null) issues.push(fieldIssue(field(name), 'not_used', { kind }));
  };
  switch (kind) {
    case 'PROPORTION':
      requireCount('numerator');
      requireCount('denominator');
      forbid('value');
      if (isCount(values.numerator) && isCount(values.denominator) && values.numerator > values.denominator) {
        issues.push(fieldIssue(field('numerator'), 'above_denominator'));
      }
      break;
    case 'RATE':
      requireCount('numerator');
      requireCount('denominator');
      forbid('value');
      break;
    case 'MEAN':
      requireCount('denominator');
      forbid('numerator');
      if (values.value == null) issues.push(fieldIssue(field('value'), 'required'));
      else if (!Number.isFinite(values.value)) issues.push(fieldIssue(field('value'), 'not_a_number'));
      else if (values.denominator === 0) issues.push(fieldIssue(field('value'), 'empty_when_nobody'));
      break;
    case 'COUNT':
      requireCount('value');
      forbid('numerator');
      forbid('denominator');
      break;
  }
  return issues;
}

/** The problem with reporting `month`, or null: not before the network began, not in the future. */
export function reportMonthIssue(month: string, networkStart: MonthKey, currentMonth: MonthKey): Problem | null {
  if (!isMonthKey(month)) return { code: 'invalid_format', params: { format: 'month' } };
  if (compareMonthKeys(month, networkStart) < 0) return { code: 'before_network', params: { start: networkStart } };
  if (compareMonthKeys(month, currentMonth) > 0) return { code: 'in_future' };
  return null;
}

/** Most days before a month ends from which a network may let its report be submitted. */
export const MAX_REPORT_GRACE_DAYS = 27;

/**
 * The moment (UTC) from which `month`'s report may be submitted: when the month has ended (00:00 UTC
 * on the 1st of the next month), or `graceDays` (0–27, a network setting) days earlier. Drafts may
 * be saved at any time.
 */
export function reportSubmissionOpensAt(month: MonthKey, graceDays = 0): Date {
  if (!Number.isInteger(graceDays) || graceDays < 0 || graceDays > MAX_REPORT_GRACE_DAYS) {
    throw new RangeError(`graceDays must be a whole number from 0 to ${MAX_REPORT_GRACE_DAYS}: ${graceDays}`);
  }
  const end = new Date(`${addMonths(month, 1)}-01T00:00:00Z`);
  return new Date(end.getTime() - graceDays * 86_400_000);
}

/** The problem with submitting `month`'s report at `now`, or null once submission has opened. */
export function reportSubmissionIssue(month: MonthKey, now: Date, graceDays = 0): Problem | null {
  const opens = reportSubmissionOpensAt(month, graceDays);
  return now.getTime() < opens.getTime()
    ? { code: 'not_open_yet', params: { date: opens.toISOString().slice(0, 10) } }
    : null;
}

/** The day of the following month by which a month's report is due. */
export const REPORT_DUE_DAY = 15;

/** The date (UTC, YYYY-MM-DD) by which `month`'s report is due. */
export function reportDueDate(month: MonthKey): string {
  return `${addMonths(month, 1)}-${String(REPORT_DUE_DAY).padStart(2, '0')}`;
}

/** Columns of the reports CSV file, in the template's order. */
export const IMPORT_COLUMNS = ['site', 'measure', 'month', 'numerator', 'denominator', 'value'] as const;

/** Example rows of the import template: a proportion, a rate, a mean and a count. */
export const IMPORT_EXAMPLE_ROWS: Record<(typeof IMPORT_COLUMNS)[number], string>[] = [
  { site: 'riverside', measure: 'remission', month: '2026-10', numerator: '41', denominator: '58', value: '' },
  { site: 'riverside', measure: 'admissions', month: '2026-10', numerator: '3', denominator: '1740', value: '' },
  { site: 'riverside', measure: 'wait-days', month: '2026-10', numerator: '', denominator: '12', value: '9.5' },
  { site: 'riverside', measure: 'steroid-courses', month: '2026-10', numerator: '', denominator: '', value: '4' },
];
