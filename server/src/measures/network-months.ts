import { type MonthKey, monthKeyFromParts } from '@commons/shared';

/** The month a date falls in, in UTC. */
export function monthOf(date: Date): MonthKey {
  return monthKeyFromParts(date.getUTCFullYear(), date.getUTCMonth() + 1);
}

/** The current month (UTC). */
export const currentMonth = (): MonthKey => monthOf(new Date());
