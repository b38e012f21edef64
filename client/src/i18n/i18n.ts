import { SUPPORTED_LOCALES, type Locale } from '@commons/shared/validation/text';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { rememberLanguage } from './browser-settings';
import enUrl from './locales/en.json?url';
import svUrl from './locales/sv.json?url';

const LOCALE_STORAGE_KEY = 'commons.locale';

/**
 * Where each language's texts are: JSON files of the build (hashed, cached for good), fetched as
 * data when the language is first needed, so a visitor downloads one language, not every one.
 */
const LOCALE_URLS: Record<Locale, string> = { en: enUrl, sv: svUrl };

/** The language names as each language writes its own, for the language picker. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', sv: 'Svenska' };

/** True when `value` is a language the app is translated into. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/** The language chosen on this device, if any. */
function storedLocale(): Locale | null {
  try {
    const stored = localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(stored) ? stored : null;
  } catch {
    return null;
  }
}

const loading = new Map<Locale, Promise<void>>();

/** Fetches a language's texts once and adds them; resolves when they are there. */
export function loadLocale(locale: Locale): Promise<void> {
  if (i18n.hasResourceBundle(locale, 'translation')) return Promise.resolve();
  let pending = loading.get(locale);
  if (!pending) {
    pending = fetch(LOCALE_URLS[locale])
      .then((response) => {
        if (!response.ok) throw new Error(`${LOCALE_URLS[locale]}: ${response.status}`);
        return response.json() as Promise<Record<string, unknown>>;
      })
      .then((bundle) => addLocale(locale, bundle))
      .finally(() => loading.delete(locale));
    loading.set(locale, pending);
  }
  return pending;
}

/**
 * Adds a language's texts, whole (tests import the JSON files). A language's texts arrive in one
 * piece, so they are neither copied nor merged into what is there: copying a few thousand texts
 * was one of the longest steps of a phone's start-up.
 */
export function addLocale(locale: Locale, bundle: Record<string, unknown>): void {
  i18n.addResourceBundle(locale, 'translation', bundle, false, true, { silent: false, skipCopy: true });
}

void i18n.use(initReactI18next).init({
  resources: {},
  partialBundledLanguages: true,
  // The member's choice on this device, otherwise the browser's. Nothing is stored here:
  // applyLocale() is the one place that remembers a choice.
  lng: storedLocale() ?? browserLocale(),
  supportedLngs: [...SUPPORTED_LOCALES],
  nonExplicitSupportedLngs: true,
  load: 'languageOnly',
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

i18n.on('languageChanged', rememberLanguage);

/** Resolves once the texts of the language the app starts in are loaded (main.tsx waits for it). */
export function loadStartingLocale(): Promise<void> {
  const locale = isLocale(i18n.language) ? i18n.language : 'en';
  return loadLocale(locale).then(() => void i18n.changeLanguage(locale));
}

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
  return i18n.resolvedLanguage === next ? Promise.resolve() : loadLocale(next).then(() => i18n.changeLanguage(next));
}

export default i18n;
