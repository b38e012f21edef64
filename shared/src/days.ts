/** The calendar day of an instant in UTC, as `YYYY-MM-DD` (how date-only columns are sent). */
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/** The instant a `YYYY-MM-DD` day starts in UTC (how date-only columns are stored). */
export const dayOf = (day: string): Date => new Date(`${day}T00:00:00Z`);
