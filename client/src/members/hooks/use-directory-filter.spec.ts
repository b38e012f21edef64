import { describe, expect, it } from 'vitest';
import { readDirectoryParams, toDirectoryFilter } from './use-directory-filter';

describe('directory filters in the address', () => {
  it('reads every filter and ignores an unknown role', () => {
    const params = readDirectoryParams(new URLSearchParams('role=KING&site=s1&interest=nutrition&q=ann&likeMe=1'));
    expect(params).toEqual({ role: '', site: 's1', interest: 'nutrition', q: 'ann', likeMe: true, deactivated: false });
  });

  it('turns empty filters into nulls for the API', () => {
    expect(toDirectoryFilter(readDirectoryParams(new URLSearchParams('role=CLINICIAN&q=%20%20')))).toEqual({
      role: 'CLINICIAN',
      siteId: null,
      interest: null,
      search: null,
      likeMe: null,
      includeDeactivated: null,
    });
  });
});
