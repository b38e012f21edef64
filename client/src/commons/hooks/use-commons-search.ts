import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useSearchUpdate } from '../../app/hooks/use-search-update';
import {
  type CommonsSearch,
  EMPTY_SEARCH,
  type ListFilter,
  readCommonsSearch,
  toggleValue,
  writeCommonsSearch,
} from '../search-params';

/** The commons search of the current address, and ways to change it (each change replaces the address). */
export function useCommonsSearch() {
  const [searchParams] = useSearchParams();
  const updateSearch = useSearchUpdate();
  const search = useMemo(() => readCommonsSearch(searchParams), [searchParams]);

  const update = useCallback(
    (changes: Partial<CommonsSearch>) => updateSearch((current) => writeCommonsSearch(current, changes)),
    [updateSearch],
  );

  /** Adds a value to a list filter, or takes it out; built on the address last written, so quick clicks all count. */
  const toggle = useCallback(
    <K extends ListFilter>(key: K, value: CommonsSearch[K][number]) =>
      updateSearch((current) =>
        writeCommonsSearch(current, { [key]: toggleValue(readCommonsSearch(current), key, value) }),
      ),
    [updateSearch],
  );

  /** Clears every filter, keeping what was typed and the sort. */
  const clearFilters = useCallback(() => {
    const { q: _q, sort: _sort, types: _types, ...filters } = EMPTY_SEARCH;
    update(filters);
  }, [update]);

  return { search, update, toggle, clearFilters };
}
