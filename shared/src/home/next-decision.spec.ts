import { describe, expect, it } from 'vitest';
import { nextDecisionDue, type NextDecisionFacts } from './next-decision';

const TODAY = '2026-03-15';
const cycle = (id: string, endOn: string | null, act: 'ADOPT' | null = null) => ({
  id,
  stage: act ? ('ACT' as const) : ('DO' as const),
  act,
  endOn,
});
const facts = (overrides: Partial<NextDecisionFacts>): NextDecisionFacts => ({
  status: 'TESTING',
  nextDecisionOn: null,
  cycles: [],
  ...overrides,
});

describe('nextDecisionDue', () => {
  it.each([
    [
      'an agreed date alone',
      facts({ status: 'CO_DESIGN', nextDecisionOn: '2026-04-01' }),
      { dueOn: '2026-04-01', basis: 'AGREED_DATE', cycleId: null, overdue: false },
    ],
    [
      'an open cycle ending before the agreed date',
      facts({ nextDecisionOn: '2026-04-01', cycles: [cycle('c1', '2026-03-20')] }),
      { dueOn: '2026-03-20', basis: 'PDSA_CYCLE_END', cycleId: 'c1', overdue: false },
    ],
    [
      'the earliest of several open cycles',
      facts({ cycles: [cycle('c1', '2026-03-20'), cycle('c2', '2026-03-10')] }),
      { dueOn: '2026-03-10', basis: 'PDSA_CYCLE_END', cycleId: 'c2', overdue: true },
    ],
    [
      'cycles already acted on do not count',
      facts({ cycles: [cycle('c1', '2026-03-01', 'ADOPT')] }),
      { dueOn: null, basis: 'UNSCHEDULED', cycleId: null, overdue: false },
    ],
    [
      'cycles without an end date do not count',
      facts({ cycles: [cycle('c1', null)] }),
      { dueOn: null, basis: 'UNSCHEDULED', cycleId: null, overdue: false },
    ],
    [
      'a tie favours the agreed date',
      facts({ nextDecisionOn: '2026-03-20', cycles: [cycle('c1', '2026-03-20')] }),
      { dueOn: '2026-03-20', basis: 'AGREED_DATE', cycleId: null, overdue: false },
    ],
    [
      'cycles only count while the idea is testing',
      facts({ status: 'CO_DESIGN', cycles: [cycle('c1', '2026-03-20')] }),
      { dueOn: null, basis: 'UNSCHEDULED', cycleId: null, overdue: false },
    ],
    [
      'a concluded idea with a date agreed to revisit it',
      facts({ status: 'ABANDONED', nextDecisionOn: '2026-06-01' }),
      { dueOn: '2026-06-01', basis: 'AGREED_DATE', cycleId: null, overdue: false },
    ],
  ] as const)('%s', (_, input, expected) => {
    expect(nextDecisionDue(input, TODAY)).toEqual(expected);
  });

  it('has none for a concluded idea without an agreed date', () => {
    for (const status of ['ADOPTED', 'ADAPTED', 'ABANDONED'] as const)
      expect(nextDecisionDue(facts({ status }), TODAY)).toBeNull();
  });

  it('is overdue only strictly before today', () => {
    expect(nextDecisionDue(facts({ nextDecisionOn: TODAY }), TODAY)!.overdue).toBe(false);
    expect(nextDecisionDue(facts({ nextDecisionOn: '2026-03-14' }), TODAY)!.overdue).toBe(true);
  });
});
