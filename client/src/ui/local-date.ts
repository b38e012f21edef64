/** The member's calendar date where she is (her device's time zone) as YYYY-MM-DD: what "today" means in a date field. */
export function localIsoDate(at = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}
