import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RoleDistribution } from './role-distribution';

describe('RoleDistribution', () => {
  it('reads as a list of groups with their numbers in words', () => {
    render(
      <RoleDistribution
        label="Endorsements by group"
        unit="endorsements"
        byRole={[
          { role: 'PATIENT_PARTNER', count: 3 },
          { role: 'FAMILY_MEMBER', count: 1 },
          { role: 'CLINICIAN', count: 0 },
          { role: 'RESEARCHER', count: 0 },
          { role: 'SITE_LEAD', count: 2 },
          { role: 'NETWORK_ADMIN', count: 0 },
        ]}
      />,
    );
    const items = within(screen.getByRole('list', { name: 'Endorsements by group' })).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Patients3 endorsements',
      'Families1 endorsement',
      'Clinicians0 endorsements',
      'Researchers0 endorsements',
      'Site teams2 endorsements',
      'Network staff0 endorsements',
    ]);
  });
});
