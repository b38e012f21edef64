/**
 * A calendar month as `YYYY-MM` (e.g. `2026-03`). Branded so a plain string or a `Date`
 * cannot be passed by mistake; make one with `parseMonthKey` or `monthKeyFromParts`.
 * All arithmetic here works on year and month integers, so time zones cannot matter.
 */
export type MonthKey = string & { readonly __brand: 'MonthKey' };

const MONTH_KEY_PATTERN = /^(\d{4})-(\d{2})$/;
const FIRST_YEAR = 1;
const LAST_YEAR = 9999;

/** True when `value` is a string `YYYY-MM` with a year 0001–9999 and a month 01–12. */
export function isMonthKey(value: unknown): value is MonthKey {
  if (typeof value !== 'string') return false;
  const match = MONTH_KEY_PATTERN.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  return year >= FIRST_YEAR && month >= 1 && month <= 12;
}

/** Returns `text` as a MonthKey; throws a RangeError when it is not a valid `YYYY-MM`. */
export function parseMonthKey(text: string): MonthKey {
  if (!isMonthKey(text)) throw new RangeError(`Not a month key (YYYY-MM): ${JSON.stringify(text)}`);
  return text;
}

/** Returns the MonthKey for a year (1–9999) and a month (1–12); throws a RangeError otherwise. */
export function monthKeyFromParts(year: number, month: number): MonthKey {
  const validYear = Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR;
  const validMonth = Number.isInteger(month) && month >= 1 && month <= 12;
  if (!validYear || !validMonth) throw new RangeError(`No such month: year ${year}, month ${month}`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}` as MonthKey;
}

/** Returns the year and the month (1–12) of a MonthKey. */
export function monthKeyParts(key: MonthKey): { year: number; month: number } {
  return { year: Number(key.slice(0, 4)), month: Number(key.slice(5, 7)) };
}

/** Months since January of year 0: a single integer that orders and subtracts months. */
function monthIndex(key: MonthKey): number {
  const { year, month } = monthKeyParts(key);
  return year * 12 + (month - 1);
}

function monthKeyFromIndex(index: number): MonthKey {
  return monthKeyFromParts(Math.floor(index / 12), (index % 12) + 1);
}

/** Returns the month `count` months after `key` (before it when negative); `count` is a whole number. */
export function addMonths(key: MonthKey, count: number): MonthKey {
  if (!Number.isInteger(count)) throw new RangeError(`Month count must be a whole number: ${count}`);
  return monthKeyFromIndex(monthIndex(key) + count);
}

/** Returns a negative number, 0 or a positive number as `a` is before, equal to or after `b` (a sort comparator). */
export function compareMonthKeys(a: MonthKey, b: MonthKey): number {
  return monthIndex(a) - monthIndex(b);
}

/** Returns the number of months from `from` to `to` (negative when `to` is earlier). */
export function monthsBetween(from: MonthKey, to: MonthKey): number {
  return monthIndex(to) - monthIndex(from);
}

/** Returns every month from `from` to `to`, both included, in order; empty when `to` is before `from`. */
export function monthRange(from: MonthKey, to: MonthKey): MonthKey[] {
  const months: MonthKey[] = [];
  for (let index = monthIndex(from); index <= monthIndex(to); index++) months.push(monthKeyFromIndex(index));
  return months;
}
