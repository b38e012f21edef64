import type { ResourceLicense } from '@commons/shared';
import { useCallback } from 'react';
import { useLocale } from '../i18n/format';
import { numberFormat } from '../i18n/intl-cache';

/**
 * A file size as the member reads it: "0.6 kB", "12 kB", "1.4 MB". Counted in 1024s, as the
 * server's limit is (20 MB is 20 × 1024 × 1024 bytes), so a file at the limit reads as the limit.
 */
export function formatBytes(bytes: number, locale: string): string {
  // Never in bytes: "0.6 kB" reads more easily than "604 byte" next to "1.2 MB".
  const [value, unit] =
    bytes < 1024 * 1024 ? [Math.max(bytes / 1024, 0.1), 'kilobyte'] : [bytes / (1024 * 1024), 'megabyte'];
  return numberFormat(locale, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}

/** Formats file sizes in the member's language. */
export function useFormatBytes(): (bytes: number) => string {
  const locale = useLocale();
  return useCallback((bytes: number) => formatBytes(bytes, locale), [locale]);
}

/** Each licence's translation key (SPDX ids hold dots, which i18next reads as nesting) and its deed. */
export const LICENSE_INFO: Record<
  ResourceLicense,
  { key: 'ccBy' | 'ccBySa' | 'ccByNc' | 'ccByNcSa' | 'cc0' | 'allRightsReserved'; url: string | null }
> = {
  'CC-BY-4.0': { key: 'ccBy', url: 'https://creativecommons.org/licenses/by/4.0/' },
  'CC-BY-SA-4.0': { key: 'ccBySa', url: 'https://creativecommons.org/licenses/by-sa/4.0/' },
  'CC-BY-NC-4.0': { key: 'ccByNc', url: 'https://creativecommons.org/licenses/by-nc/4.0/' },
  'CC-BY-NC-SA-4.0': { key: 'ccByNcSa', url: 'https://creativecommons.org/licenses/by-nc-sa/4.0/' },
  'CC0-1.0': { key: 'cc0', url: 'https://creativecommons.org/publicdomain/zero/1.0/' },
  'ALL-RIGHTS-RESERVED': { key: 'allRightsReserved', url: null },
};

/** The licence's details, or null for an identifier this client does not know. */
export function licenseInfo(license: string) {
  return (LICENSE_INFO as Record<string, (typeof LICENSE_INFO)[ResourceLicense] | undefined>)[license] ?? null;
}

const FILE_KINDS: [RegExp, 'pdf' | 'image' | 'document' | 'spreadsheet' | 'presentation'][] = [
  [/^application\/pdf$/, 'pdf'],
  [/^image\//, 'image'],
  [/(wordprocessingml|opendocument\.text|msword)/, 'document'],
  [/(spreadsheetml|opendocument\.spreadsheet|ms-excel)/, 'spreadsheet'],
  [/(presentationml|opendocument\.presentation|ms-powerpoint)/, 'presentation'],
];

/** What kind of file a content type is, for a short label ("PDF", "Spreadsheet"); null when unknown. */
export function fileKind(contentType: string): (typeof FILE_KINDS)[number][1] | null {
  return FILE_KINDS.find(([pattern]) => pattern.test(contentType))?.[1] ?? null;
}
