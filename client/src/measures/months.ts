import {
  addMonths,
  compareMonthKeys,
  isMonthKey,
  type MonthKey,
  monthKeyFromParts,
  monthRange,
  parseMonthKey,
  reportDueDate,
} from '@commons/shared';

/** The current month in UTC, as the server counts months. */
export function currentMonthKey(now: Date = new Date()): MonthKey {
  return monthKeyFromParts(now.getUTCFullYear(), now.getUTCMonth() + 1);
}

/** The month a network began, from its start date ("2024-05-01" → "2024-05"). */
export function startMonth(startedOn: string): MonthKey {
  return parseMonthKey(startedOn.slice(0, 7));
}

/** Every month a network can report, oldest first: from the month it began to the current month. */
export function networkMonths(startedOn: string, now: Date = new Date()): MonthKey[] {
  return monthRange(startMonth(startedOn), currentMonthKey(now));
}

/** The month a report form opens on: last month (whose report is due), or the first month of a brand-new network. */
export function defaultReportMonth(startedOn: string, now: Date = new Date()): MonthKey {
  const last = addMonths(currentMonthKey(now), -1);
  const start = startMonth(startedOn);
  return compareMonthKeys(last, start) < 0 ? start : last;
}

/** True once a month's report is due (the 15th of the next month, UTC), so a gap before then is not missing data. */
export function isReportDue(month: string, now: Date = new Date()): boolean {
  return isMonthKey(month) && reportDueDate(month) <= now.toISOString().slice(0, 10);
}
