import type { ProposalChangedPayload } from '@commons/shared';
import { describe, expect, it } from 'vitest';
import { keepNewest, withLiveTally } from './live-tally';

const counts = (agree: number) => [
  { group: 'PATIENTS_AND_FAMILIES' as const, agree, abstain: 0, disagree: 0, block: 0 },
];
const payload = (revision: number, agree: number, open = true): ProposalChangedPayload => ({
  proposalId: 'p1',
  threadId: 't1',
  kind: 'CONSENT',
  revision,
  open,
  voters: agree,
  positions: counts(agree),
  dots: null,
});
const loaded = { id: 'p1', revision: 2, open: true, voters: 2, positionTally: counts(2), dotTally: [] };

describe('live tallies', () => {
  it('keep the highest revision whatever order they arrive in', () => {
    let live = keepNewest(new Map(), payload(4, 4));
    live = keepNewest(live, payload(3, 3));
    expect(live.get('p1')!.revision).toBe(4);
    expect(keepNewest(live, payload(5, 5)).get('p1')!.revision).toBe(5);
  });

  it('replace the loaded tally only when newer', () => {
    expect(withLiveTally(loaded, payload(3, 3, false))).toMatchObject({
      revision: 3,
      voters: 3,
      open: false,
      positionTally: counts(3),
    });
    expect(withLiveTally(loaded, payload(2, 9))).toBe(loaded);
    expect(withLiveTally(loaded, undefined)).toBe(loaded);
  });
});
