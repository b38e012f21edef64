import { z } from 'zod';
import { addMonths, compareMonthKeys, isMonthKey, type MonthKey } from '../spc/month-key';
import type { MeasureKind } from '../spc/types';
import { type FieldIssue, safeString } from './common';

export const MEASURE_KINDS = ['PROPORTION', 'RATE', 'MEAN', 'COUNT'] as const;
export const DIRECTIONS = ['UP', 'DOWN'] as const;
export const CHART_TYPES = ['RUN', 'P', 'P_PRIME', 'U', 'C', 'I'] as const;

export const monthKeySchema = safeString().refine(isMonthKey, { message: 'must be a month like 2026-03' });

const text = (max: number) => safeString().trim().max(max, { message: `must be at most ${max} characters` });

export const measureDefinitionSchema = z.object({
  key: safeString()
    .trim()
    .regex(/^[a-z][a-z0-9_-]{1,39}$/, { message: 'must be 2-40 lowercase letters, digits, - or _, starting with a letter' }),
  name: text(120).min(1, { message: 'is required' }),
  definition: text(4000),
  numeratorDefinition: text(2000),
  denominatorDefinition: text(2000),
  inclusions: text(2000),
  exclusions: text(2000),
  kind: z.enum(MEASURE_KINDS, { message: 'must be PROPORTION, RATE, MEAN or COUNT' }),
  direction: z.enum(DIRECTIONS, { message: 'must be UP or DOWN' }),
  unit: text(40),
  target: z.number().finite().nullable(),
  defaultChart: z.enum(CHART_TYPES, { message: 'must be a chart type' }),
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
    if (v == null) issues.push({ field: field(name), message: 'is required' });
    else if (!isCount(v)) issues.push({ field: field(name), message: 'must be a whole number, 0 or more' });
  };
  const forbid = (name: 'numerator' | 'denominator' | 'value') => {
    if (values[name] != null) issues.push({ field: field(name), message: `is not used by a ${kind.toLowerCase()} measure` });
  };
  switch (kind) {
    case 'PROPORTION':
      requireCount('numerator');
      requireCount('denominator');
      forbid('value');
      if (isCount(values.numerator) && isCount(values.denominator) && values.numerator > values.denominator) {
        issues.push({ field: field('numerator'), message: 'cannot be more than the denominator' });
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
      if (values.value == null) issues.push({ field: field('value'), message: 'is required' });
      else if (!Number.isFinite(values.value)) issues.push({ field: field('value'), message: 'must be a number' });
      else if (values.denominator === 0) issues.push({ field: field('value'), message: 'must be empty when nobody was measured' });
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
export function reportMonthIssue(month: string, networkStart: MonthKey, currentMonth: MonthKey): string | null {
  if (!isMonthKey(month)) return 'must be a month like 2026-03';
  if (compareMonthKeys(month, networkStart) < 0) return `cannot be before the network started (${networkStart})`;
  if (compareMonthKeys(month, currentMonth) > 0) return 'cannot be in the future';
  return null;
}

/** Rates are shown and stated per this many units of exposure (0.012 per patient-month is "12 per 1,000"). */
export const RATE_DISPLAY_PER = 1000;

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
export function reportSubmissionIssue(month: MonthKey, now: Date, graceDays = 0): string | null {
  const opens = reportSubmissionOpensAt(month, graceDays);
  return now.getTime() < opens.getTime() ? `can be submitted from ${opens.toISOString().slice(0, 10)}, once the month has ended` : null;
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
