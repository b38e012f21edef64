import { describe, expect, it } from 'vitest';
import i18n from '../i18n/i18n';
import { formatMonth } from '../i18n/format';
import { formatAxisTick, formatMeasureValue, fromDisplay, toDisplay, valueAxisLabel } from './format';

const en = i18n.getFixedT('en');
const sv = i18n.getFixedT('sv');
// Swedish groups and spaces numbers with no-break spaces; compare with plain ones.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMeasureValue', () => {
  it.each([
    ['PROPORTION', 0.7071, 'en-GB', '70.7%', '70,7 %'],
    ['PROPORTION', 0.8, 'en-GB', '80%', '80 %'],
    ['RATE', 0.0139, 'en-GB', '13.9 per 1,000', '13,9 per 1 000'],
    ['RATE', 0.02, 'en-GB', '20 per 1,000', '20 per 1 000'],
    ['MEAN', 12.46, 'en-GB', '12.5', '12,5'],
    ['MEAN', 1234.5, 'en-GB', '1,234.5', '1 234,5'],
    ['COUNT', 4, 'en-GB', '4', '4'],
    ['COUNT', 4.5, 'en-GB', '4.5', '4,5'],
  ] as const)('%s %d reads "%s" in English and "%s" in Swedish', (kind, value, locale, english, swedish) => {
    expect(formatMeasureValue(kind, value, locale, en)).toBe(english);
    expect(plain(formatMeasureValue(kind, value, 'sv', sv))).toBe(swedish);
  });

  it('appends the unit of means and counts when asked', () => {
    expect(formatMeasureValue('MEAN', 9.5, 'en-GB', en, 'days')).toBe('9.5 days');
    expect(formatMeasureValue('COUNT', 3, 'en-GB', en, 'courses')).toBe('3 courses');
    expect(formatMeasureValue('PROPORTION', 0.5, 'en-GB', en, '%')).toBe('50%');
  });
});

describe('display units', () => {
  it('shows proportions in percent and rates per 1,000, and reads typed values back', () => {
    expect(toDisplay('PROPORTION', 0.62)).toBeCloseTo(62);
    expect(toDisplay('RATE', 0.02)).toBeCloseTo(20);
    expect(toDisplay('MEAN', 14)).toBe(14);
    expect(fromDisplay('PROPORTION', 80)).toBeCloseTo(0.8);
    expect(fromDisplay('RATE', 20)).toBeCloseTo(0.02);
    expect(fromDisplay('COUNT', 7)).toBe(7);
  });

  it('labels axis ticks and the value axis', () => {
    expect(formatAxisTick('PROPORTION', 70, 'en-GB')).toBe('70%');
    expect(formatAxisTick('RATE', 12.5, 'en-GB')).toBe('13');
    expect(formatAxisTick('RATE', 2.5, 'sv')).toBe('2,5');
    expect(valueAxisLabel('RATE', 'per patient-month', 'en-GB', en)).toBe('Values per 1,000 (per patient-month)');
    expect(valueAxisLabel('PROPORTION', '%', 'sv', sv)).toBe('Värden i procent');
    expect(valueAxisLabel('MEAN', 'days', 'en-GB', en)).toBe('days');
  });
});

describe('formatMonth', () => {
  it('reads a month key as a localised month, whatever the time zone', () => {
    expect(formatMonth('2026-03', 'en-GB')).toBe('Mar 2026');
    expect(formatMonth('2026-03', 'sv')).toBe('mars 2026');
    expect(formatMonth('2026-12', 'en-GB', 'long')).toBe('December 2026');
    expect(formatMonth('2026-01', 'sv', 'long')).toBe('januari 2026');
  });
});
