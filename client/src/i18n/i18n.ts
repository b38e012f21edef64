import { SUPPORTED_LOCALES, type Locale } from '@commons/shared';
import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import sv from './locales/sv.json';

const LOCALE_STORAGE_KEY = 'commons.locale';

export const resources = { en: { translation: en }, sv: { translation: sv } } as const;

/** The language names as each language writes its own, for the language picker. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', sv: 'Svenska' };

/** True when `value` is a language the app is translated into. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

// With initAsync: false, init() has finished when it returns; its promise carries nothing more.
void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
    supportedLngs: [...SUPPORTED_LOCALES],
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    fallbackLng: 'en',
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes
    // The member's profile decides; without one, the browser does. Nothing is cached here:
    // applyLocale() is the one place that remembers a choice.
    detection: { order: ['localStorage', 'navigator'], lookupLocalStorage: LOCALE_STORAGE_KEY, caches: [] },
    returnNull: false,
  });

function syncDocumentLanguage(language: string) {
  if (typeof document !== 'undefined') document.documentElement.lang = language.split('-')[0];
}
syncDocumentLanguage(i18n.resolvedLanguage ?? 'en');
i18n.on('languageChanged', () => syncDocumentLanguage(i18n.resolvedLanguage ?? i18n.language));

/** The browser's preferred supported language, ignoring any stored choice. */
export function browserLocale(): Locale {
  const preferred = typeof navigator === 'undefined' ? [] : [...(navigator.languages ?? []), navigator.language];
  for (const tag of preferred) {
    const base = tag?.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

/**
 * Applies the member's language: her profile's choice when set (remembered on this device, so the
 * sign-in page speaks it too), otherwise the browser's.
 */
export function applyLocale(locale: string | null | undefined): Promise<unknown> {
  const chosen = isLocale(locale) ? locale : null;
  try {
    if (chosen) localStorage.setItem(LOCALE_STORAGE_KEY, chosen);
    else localStorage.removeItem(LOCALE_STORAGE_KEY);
  } catch {
    // Storage can be unavailable (private mode); the language still applies for this visit.
  }
  const next = chosen ?? browserLocale();
  return i18n.resolvedLanguage === next ? Promise.resolve() : i18n.changeLanguage(next);
}

export default i18n;
