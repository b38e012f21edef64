import { describe, expect, it } from 'vitest';
import { groupDistribution } from './role-distribution';

describe('groupDistribution', () => {
  it('lists every group in order with its count, share and bar length', () => {
    const groups = groupDistribution([
      { role: 'PATIENT_PARTNER', count: 3 },
      { role: 'FAMILY_MEMBER', count: 1 },
      { role: 'CLINICIAN', count: 2 },
      { role: 'RESEARCHER', count: 0 },
      { role: 'SITE_LEAD', count: 2 },
      { role: 'NETWORK_ADMIN', count: 0 },
    ]);
    expect(groups.map((g) => [g.group, g.count, g.share, Number(g.relative.toFixed(3))])).toEqual([
      ['PATIENTS', 3, 0.375, 1],
      ['FAMILIES', 1, 0.125, 0.333],
      ['CLINICIANS', 2, 0.25, 0.667],
      ['RESEARCHERS', 0, 0, 0],
      ['SITE_TEAMS', 2, 0.25, 0.667],
      ['NETWORK_STAFF', 0, 0, 0],
    ]);
  });

  it('shows zeros, not empty or broken bars, when nobody has endorsed yet', () => {
    expect(groupDistribution([]).map((g) => [g.count, g.share, g.relative])).toEqual(
      Array.from({ length: 6 }, () => [0, 0, 0]),
    );
  });
});
