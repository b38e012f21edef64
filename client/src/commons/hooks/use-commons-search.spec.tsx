import { act, render } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { useCommonsSearch } from './use-commons-search';

function probe(initial: string) {
  const state: { hook: ReturnType<typeof useCommonsSearch> | null; search: string } = { hook: null, search: '' };
  function Probe() {
    state.hook = useCommonsSearch();
    state.search = useLocation().search;
    return null;
  }
  render(
    <MemoryRouter initialEntries={[`/n/ibd/commons${initial}`]}>
      <Probe />
    </MemoryRouter>,
  );
  return state;
}

describe('useCommonsSearch', () => {
  it('keeps every filter ticked in quick succession, before the address has caught up', () => {
    const state = probe('?q=flare');
    act(() => {
      state.hook!.toggle('kinds', 'TOOL');
      state.hook!.toggle('kinds', 'GUIDE');
      state.hook!.toggle('tags', 'school');
    });
    expect(state.search).toBe('?q=flare&kind=TOOL&kind=GUIDE&tag=school');
    expect(state.hook!.search.kinds).toEqual(['TOOL', 'GUIDE']);
  });

  it('unticks a filter and keeps the rest of the search', () => {
    const state = probe('?q=flare&kind=TOOL&kind=GUIDE&sort=NEWEST');
    act(() => state.hook!.toggle('kinds', 'TOOL'));
    expect(state.search).toBe('?q=flare&sort=NEWEST&kind=GUIDE');
  });

  it('clears the filters but keeps what was typed and the sort', () => {
    const state = probe('?q=een&kind=STORY&tag=school&from=2026-01-01&sort=MOST_USED');
    act(() => state.hook!.clearFilters());
    expect(state.search).toBe('?q=een&sort=MOST_USED');
  });
});
