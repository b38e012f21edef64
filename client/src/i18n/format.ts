import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { dateTimeFormat, setDefaultTimeZone } from './intl-cache';

/** What the server knows of her browser while it draws a page (entry-server.tsx): none in the browser. */
let serverDrawing: { languages: readonly string[] } | null = null;

/**
 * Formats as her browser would while the server draws a page for it: `languages` as the browser
 * lists them (its Accept-Language), dates in `timeZone` (the one the app last saw, or UTC). Null
 * when done. Drawing is synchronous, so one page's settings never reach another's.
 */
export function formatForBrowser(browser: { languages: readonly string[]; timeZone: string } | null): void {
  serverDrawing = browser;
  setDefaultTimeZone(browser?.timeZone);
}

/**
 * The browser's regional variant of the app's language ("en-GB" for English in the UK), so dates
 * read the way the member is used to; the bare language otherwise.
 */
export function regionalLocale(language: string): string {
  const preferred =
    serverDrawing?.languages ?? (typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]));
  return preferred.find((tag) => tag?.toLowerCase().split('-')[0] === language) ?? language;
}

/** Formats an ISO date-time as a date in the member's language ("26 Nov 2026", "26 nov. 2026"). */
export function useFormatDate(): (iso: string) => string {
  const { i18n } = useTranslation();
  const locale = regionalLocale(i18n.resolvedLanguage ?? 'en');
  return useCallback((iso: string) => dateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso)), [locale]);
}

/** Formats an ISO date-time with its time of day, in the member's language. */
export function useFormatDateTime(): (iso: string) => string {
  const { i18n } = useTranslation();
  const locale = regionalLocale(i18n.resolvedLanguage ?? 'en');
  return useCallback(
    (iso: string) => dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
    [locale],
  );
}

/** A month key ("2026-03") as the member reads it: "Mar 2026" (short) or "March 2026" (long). */
export function formatMonth(month: string, locale: string, style: 'short' | 'long' = 'short'): string {
  const [year, monthNumber] = month.split('-').map(Number);
  if (!year || !monthNumber) return month;
  return dateTimeFormat(locale, { month: style, year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(year, monthNumber - 1, 1),
  );
}

/** The member's locale, regional variant included, for Intl formatting. */
export function useLocale(): string {
  const { i18n } = useTranslation();
  return regionalLocale(i18n.resolvedLanguage ?? 'en');
}

/** Formats a month key in the member's language ("Mar 2026", "mars 2026"). */
export function useFormatMonth(style: 'short' | 'long' = 'short'): (month: string) => string {
  const locale = useLocale();
  return useCallback((month: string) => formatMonth(month, locale, style), [locale, style]);
}

/** Formats a YYYY-MM-DD date (no time of day, no time zone shift) in the member's language. */
export function useFormatDay(): (day: string) => string {
  const locale = useLocale();
  return useCallback(
    (day: string) =>
      dateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
        new Date(`${day.slice(0, 10)}T00:00:00Z`),
      ),
    [locale],
  );
}
