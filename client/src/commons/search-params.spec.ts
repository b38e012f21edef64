import { describe, expect, it } from 'vitest';
import {
  EMPTY_SEARCH,
  effectiveQuery,
  effectiveTypes,
  endOfDay,
  isBrowsing,
  onlyResources,
  readCommonsSearch,
  searchesResources,
  shownCount,
  startOfDay,
  toSearchVariables,
  toggleValue,
  writeCommonsSearch,
} from './search-params';

const SITE = '6f1c1a43-08d4-4a52-9a55-3f54d8d8d001';
const AUTHOR = '7a2d2b54-19e5-4b63-8b66-4f65e9e9e002';

describe('a commons search in the address', () => {
  it('reads every filter, lists as repeated parameters', () => {
    const search = readCommonsSearch(
      new URLSearchParams(
        `q=remision&type=RESOURCE&kind=TOOL&kind=GUIDE&tag=school&tag=%23Flare&audience=CLINICIAN&site=${SITE}&author=${AUTHOR}&from=2026-01-01&to=2026-03-31&sort=MOST_USED`,
      ),
    );
    expect(search).toEqual({
      q: 'remision',
      types: ['RESOURCE'],
      kinds: ['TOOL', 'GUIDE'],
      tags: ['school', 'flare'],
      audiences: ['CLINICIAN'],
      sites: [SITE],
      authors: [AUTHOR],
      from: '2026-01-01',
      to: '2026-03-31',
      sort: 'MOST_USED',
    });
  });

  it('leaves out what the server would refuse, so an edited link still opens a search', () => {
    const search = readCommonsSearch(
      new URLSearchParams(
        'kind=VIDEO&kind=TOOL&kind=TOOL&tag=x&tag=%3Cscript%3E&audience=KING&site=riverside&from=2026-02-30&to=yesterday&sort=RANDOM&type=PERSON',
      ),
    );
    expect(search).toEqual({ ...EMPTY_SEARCH, kinds: ['TOOL'] });
  });

  it('writes lists as repeated parameters and leaves empty values and the default sort out', () => {
    const written = writeCommonsSearch(new URLSearchParams('q=old&keep=1&kind=STORY'), {
      q: 'een',
      kinds: ['TOOL', 'GUIDE'],
      tags: [],
      sort: 'RELEVANCE',
      from: '',
    });
    expect(written.toString()).toBe('q=een&keep=1&kind=TOOL&kind=GUIDE');
  });

  it('round-trips: what is written reads back the same', () => {
    const search = {
      ...EMPTY_SEARCH,
      q: 'school letter',
      tags: ['school', 'transition'],
      sites: [SITE],
      sort: 'NEWEST' as const,
      from: '2025-09-01',
    };
    expect(readCommonsSearch(writeCommonsSearch(new URLSearchParams(), search))).toEqual(search);
  });

  it('toggles one value of a list filter on and off', () => {
    const search = { ...EMPTY_SEARCH, kinds: ['TOOL' as const] };
    expect(toggleValue(search, 'kinds', 'GUIDE')).toEqual(['TOOL', 'GUIDE']);
    expect(toggleValue(search, 'kinds', 'TOOL')).toEqual([]);
  });
});

describe('the search sent to the server', () => {
  it('sends no words until two characters are typed, and browses meanwhile', () => {
    expect(effectiveQuery(' r ')).toBe('');
    expect(effectiveQuery(' re ')).toBe('re');
    expect(isBrowsing({ ...EMPTY_SEARCH, q: 'r' })).toBe(true);
    expect(isBrowsing({ ...EMPTY_SEARCH, q: 're' })).toBe(false);
    expect(isBrowsing({ ...EMPTY_SEARCH, tags: ['school'] })).toBe(false);
  });

  it('asks for the newest first when nothing is typed and relevance is chosen', () => {
    expect(toSearchVariables({ ...EMPTY_SEARCH, q: 'x' }, 'n1')).toEqual({
      networkId: 'n1',
      query: '',
      filter: null,
      sort: 'NEWEST',
      types: ['RESOURCE'],
    });
    expect(toSearchVariables({ ...EMPTY_SEARCH, q: 'flare plan' }, 'n1').sort).toBe('RELEVANCE');
    expect(toSearchVariables({ ...EMPTY_SEARCH, sort: 'MOST_USED' }, 'n1').sort).toBe('MOST_USED');
  });

  it('turns the chosen filters into the API filter, a date range as whole local days', () => {
    const variables = toSearchVariables(
      { ...EMPTY_SEARCH, kinds: ['STORY'], audiences: ['PATIENT_PARTNER'], from: '2026-01-01', to: '2026-01-31' },
      'n1',
    );
    expect(variables.filter).toEqual({
      kinds: ['STORY'],
      tags: null,
      audiences: ['PATIENT_PARTNER'],
      siteIds: null,
      authorIds: null,
      createdFrom: new Date(2026, 0, 1, 0, 0, 0, 0).toISOString(),
      createdTo: new Date(2026, 0, 31, 23, 59, 59, 999).toISOString(),
    });
  });

  it('reads a date range typed the wrong way round the right way round', () => {
    const filter = toSearchVariables({ ...EMPTY_SEARCH, from: '2026-05-01', to: '2026-04-01' }, 'n1').filter;
    expect([filter?.createdFrom, filter?.createdTo]).toEqual([startOfDay('2026-04-01'), endOfDay('2026-05-01')]);
  });
});

describe('what a search covers and how its count shows', () => {
  it('searches every type for typed words with Everything, resources while browsing, and the chosen types otherwise', () => {
    expect(effectiveTypes({ types: [], q: 'flare' })).toEqual(['RESOURCE', 'CHANGE_IDEA', 'GROUP']);
    expect(effectiveTypes({ types: [], q: '' })).toEqual(['RESOURCE']);
    expect(effectiveTypes({ types: ['GROUP'], q: '' })).toEqual(['GROUP']);
    expect(onlyResources({ types: [], q: 'flare' })).toBe(false);
    expect(searchesResources({ types: ['CHANGE_IDEA'] })).toBe(false);
  });

  it('shows a lower-bound count with a plus', () => {
    expect(shownCount(200, false)).toBe('200+');
    expect(shownCount(3, true)).toBe('3');
  });
});
