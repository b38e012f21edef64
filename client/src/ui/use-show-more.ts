import { useState } from 'react';

/**
 * The state of a list paged with "Show more": the cursor of every page asked for, the total the
 * first page reported, and how many items the pages loaded so far hold.
 */
export function useShowMore() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [total, setTotal] = useState<number | null>(null);
  const [counts, setCounts] = useState<Record<number, number>>({});
  return {
    cursors,
    total,
    shown: Object.values(counts).reduce((sum, count) => sum + count, 0),
    /** What page `index` reports once it has loaded. */
    loaded: (index: number) => (count: number, totalCount: number) => {
      if (index === 0) setTotal(totalCount);
      setCounts((before) => (before[index] === count ? before : { ...before, [index]: count }));
    },
    more: (cursor: string) => setCursors((list) => [...list, cursor]),
  };
}
