import { LOCALE_COOKIE, TIME_ZONE_COOKIE } from '@commons/shared/web/start-data';

const YEAR_S = 365 * 24 * 60 * 60;

/** Keeps `value` in a cookie the server reads as it draws her pages (server/src/web/page-drawing.ts). */
function remember(name: string, value: string): void {
  if (typeof document === 'undefined') return;
  document.cookie = `${name}=${encodeURIComponent(value)}; path=/; max-age=${YEAR_S}; samesite=lax`;
}

/** The language the app is in, so the server draws her next page in it too. */
export function rememberLanguage(language: string): void {
  remember(LOCALE_COOKIE, language);
}

/** The browser's time zone, so the server writes dates and times on her pages as the app does. */
export function rememberTimeZone(): void {
  const { timeZone } = Intl.DateTimeFormat().resolvedOptions();
  if (timeZone) remember(TIME_ZONE_COOKIE, timeZone);
}
