import { describe, expect, it } from 'vitest';
import { lifecycleSteps, statusesReached } from './lifecycle-steps';

const states = (...args: Parameters<typeof lifecycleSteps>) =>
  lifecycleSteps(...args).map((step) => `${step.key}:${step.state}${step.outcome ? `:${step.outcome}` : ''}`);

describe('lifecycleSteps', () => {
  it('shows a new proposal at its first step with everything ahead', () => {
    expect(states('PROPOSED')).toEqual([
      'PROPOSED:current',
      'CO_DESIGN:upcoming',
      'TESTING:upcoming',
      'OUTCOME:upcoming',
    ]);
  });

  it('marks the steps behind an idea in testing as done', () => {
    expect(states('TESTING', ['PROPOSED', 'CO_DESIGN', 'TESTING'])).toEqual([
      'PROPOSED:done',
      'CO_DESIGN:done',
      'TESTING:current',
      'OUTCOME:upcoming',
    ]);
  });

  it('names the outcome once reached', () => {
    expect(states('ADOPTED', ['PROPOSED', 'CO_DESIGN', 'TESTING', 'ADOPTED'])).toEqual([
      'PROPOSED:done',
      'CO_DESIGN:done',
      'TESTING:done',
      'OUTCOME:current:ADOPTED',
    ]);
  });

  it('shows the stages an abandoned proposal never went through as skipped', () => {
    expect(states('ABANDONED', ['PROPOSED', 'ABANDONED'])).toEqual([
      'PROPOSED:done',
      'CO_DESIGN:skipped',
      'TESTING:skipped',
      'OUTCOME:current:ABANDONED',
    ]);
  });

  it('shows testing as ahead again for an idea sent back to co-design', () => {
    expect(states('CO_DESIGN', ['PROPOSED', 'CO_DESIGN', 'TESTING'])).toEqual([
      'PROPOSED:done',
      'CO_DESIGN:current',
      'TESTING:upcoming',
      'OUTCOME:upcoming',
    ]);
  });
});

describe('statusesReached', () => {
  it('collects every status of the decisions, in lifecycle order', () => {
    expect(
      statusesReached([
        { fromStatus: 'CO_DESIGN', toStatus: 'TESTING' },
        { fromStatus: 'PROPOSED', toStatus: 'CO_DESIGN' },
      ]),
    ).toEqual(['PROPOSED', 'CO_DESIGN', 'TESTING']);
  });
});
