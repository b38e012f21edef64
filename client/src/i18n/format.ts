import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The browser's regional variant of the app's language ("en-GB" for English in the UK), so dates
 * read the way the member is used to; the bare language otherwise.
 */
function regionalLocale(language: string): string {
  const preferred = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  return preferred.find((tag) => tag?.toLowerCase().split('-')[0] === language) ?? language;
}

/** Formats an ISO date-time as a date in the member's language ("26 Nov 2026", "26 nov. 2026"). */
export function useFormatDate(): (iso: string) => string {
  const { i18n } = useTranslation();
  const locale = regionalLocale(i18n.resolvedLanguage ?? 'en');
  return useCallback((iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso)), [locale]);
}

/** Formats an ISO date-time with its time of day, in the member's language. */
export function useFormatDateTime(): (iso: string) => string {
  const { i18n } = useTranslation();
  const locale = regionalLocale(i18n.resolvedLanguage ?? 'en');
  return useCallback(
    (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
    [locale],
  );
}
