import { useMeasureFormat } from '../../measures/format';
import type { ShownCountData } from '../chart-data';

/** How a count reads: the number, the label that replaces a withheld one ("<11"), or a dash for none. */
export function shownCountText(
  count: ShownCountData | null | undefined,
  formatNumber: (value: number) => string,
): string {
  if (!count) return '—';
  if (count.label) return count.label;
  return count.value === null ? '—' : formatNumber(count.value);
}

/** `shownCountText` in the member's number format. */
export function useShownCount() {
  const { number } = useMeasureFormat();
  return (count: ShownCountData | null | undefined) => shownCountText(count, (value) => number(value, 2));
}
