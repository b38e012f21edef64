import { closingTimeProblem } from '@commons/shared';

const pad = (n: number) => String(n).padStart(2, '0');

/** A `datetime-local` value (local time, minutes) for `date`. */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** When a new proposal closes unless its proposer says otherwise: three days from `now`, on the hour. */
export function defaultClosing(now: Date): string {
  const closes = new Date(now.getTime() + 3 * 24 * 3_600_000);
  closes.setMinutes(0, 0, 0);
  return toLocalInput(closes);
}

/** The instant a `datetime-local` value means in the browser's time zone, as ISO (UTC); '' when it is not a time. */
export function toIsoInstant(local: string): string {
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

/** The translation key of what is wrong with closing at `local` when opened at `now`, or null. */
export function closingTimeProblemKey(
  local: string,
  now: Date,
): 'proposals.form.closesTooSoon' | 'proposals.form.closesTooLate' | null {
  const iso = toIsoInstant(local);
  if (!iso) return null;
  const problem = closingTimeProblem(new Date(iso), now);
  if (!problem) return null;
  return problem.code === 'closes_too_soon' ? 'proposals.form.closesTooSoon' : 'proposals.form.closesTooLate';
}
