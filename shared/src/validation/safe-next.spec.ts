import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next';

describe('safeNextPath', () => {
  it.each([
    ['/n/northstar-ibd/members?role=CLINICIAN', '/n/northstar-ibd/members?role=CLINICIAN'],
    ['/n/northstar-ibd/ideas/abc#thread', '/n/northstar-ibd/ideas/abc#thread'],
    [null, '/'],
    [undefined, '/'],
    ['', '/'],
    ['n/relative', '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['/\t/evil.example', '/'],
    ['/\n/evil.example', '/'],
    ['\t//evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
  ])('%j → %j', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  it('gives the fallback asked for', () => {
    expect(safeNextPath('//evil.example', '/n/ibd')).toBe('/n/ibd');
  });
});
