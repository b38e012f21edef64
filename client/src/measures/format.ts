import { type MeasureKind, RATE_DISPLAY_PER } from '@commons/shared';
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/format';
import { numberFormat } from '../i18n/intl-cache';

/** Rates are shown per this many units of exposure (a rate of 0.012 per patient-month reads "12 per 1,000"). */
export const RATE_PER = RATE_DISPLAY_PER;

/**
 * What one unit of a measure's stored value is worth on screen: proportions (0–1) are shown as
 * percentages, rates per 1,000, means and counts as they are.
 */
export function displayScale(kind: MeasureKind): number {
  if (kind === 'PROPORTION') return 100;
  if (kind === 'RATE') return RATE_PER;
  return 1;
}

/** A stored value in the unit it is shown in (percent, per 1,000, or as is). */
export function toDisplay(kind: MeasureKind, value: number): number {
  return value * displayScale(kind);
}

/** A value typed in the unit it is shown in, back to the stored unit. */
export function fromDisplay(kind: MeasureKind, shown: number): number {
  return shown / displayScale(kind);
}

function fractionDigits(kind: MeasureKind, value: number): number {
  if (kind === 'COUNT') return Number.isInteger(value) ? 0 : 1;
  return 1;
}

/** A number in the member's locale, with at most `digits` decimals. */
export function formatNumber(value: number, locale: string, digits = 1): string {
  return numberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

/**
 * A measure's value as a reader says it: "70.7%" for a proportion, "12 per 1,000" for a rate,
 * "12.5" for a mean, "4" for a count (in Swedish "70,7 %", "12 per 1 000"). `unit` is appended
 * to means and counts when given ("12.5 days").
 */
export function formatMeasureValue(
  kind: MeasureKind,
  value: number,
  locale: string,
  t: TFunction,
  unit?: string,
): string {
  switch (kind) {
    case 'PROPORTION':
      return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
    case 'RATE':
      return t('measureFormat.rate', {
        value: formatNumber(toDisplay(kind, value), locale, 1),
        per: formatNumber(RATE_PER, locale),
      });
    case 'MEAN':
    case 'COUNT': {
      const text = formatNumber(value, locale, fractionDigits(kind, value));
      return unit ? `${text} ${unit}` : text;
    }
  }
}

/** A short axis tick for a value already in the shown unit: "70%" for proportions, the number otherwise. */
export function formatAxisTick(kind: MeasureKind, shown: number, locale: string): string {
  const digits = Math.abs(shown) >= 10 || Number.isInteger(shown) ? 0 : 1;
  const text = formatNumber(shown, locale, digits);
  return kind === 'PROPORTION' ? `${text}%` : text;
}

/** What the numbers on a chart's value axis mean, e.g. "Percent" or "Per 1,000 per patient-month". */
export function valueAxisLabel(kind: MeasureKind, unit: string, locale: string, t: TFunction): string {
  switch (kind) {
    case 'PROPORTION':
      return t('measureFormat.axis.percent');
    case 'RATE':
      return t('measureFormat.axis.rate', { per: formatNumber(RATE_PER, locale), unit });
    default:
      return unit || t('measureFormat.axis.value');
  }
}

/** The unit a measure's target is entered in: "%", "per 1,000", or the measure's own unit. */
export function inputUnitLabel(kind: MeasureKind, unit: string, locale: string, t: TFunction): string {
  if (kind === 'PROPORTION') return '%';
  if (kind === 'RATE') return t('measureFormat.perThousand', { per: formatNumber(RATE_PER, locale) });
  return unit;
}

/** `formatMeasureValue` bound to the member's language. */
export function useMeasureFormat() {
  const { t } = useTranslation();
  const locale = useLocale();
  const format = useCallback(
    (kind: MeasureKind, value: number, unit?: string) => formatMeasureValue(kind, value, locale, t, unit),
    [locale, t],
  );
  const tick = useCallback((kind: MeasureKind, shown: number) => formatAxisTick(kind, shown, locale), [locale]);
  const number = useCallback((value: number, digits = 1) => formatNumber(value, locale, digits), [locale]);
  return { format, tick, number, locale };
}
