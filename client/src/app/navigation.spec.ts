import type { Actor, Role } from '@commons/shared';
import { describe, expect, it } from 'vitest';
import { navItemsFor } from './navigation';

const actor = (role: Role): Actor => ({ userId: 'u1', role, siteId: 's1', active: true });
const keys = (role: Role) => navItemsFor(actor(role)).map((item) => item.key);

describe('navItemsFor', () => {
  it('gives every member the network sections', () => {
    expect(keys('PATIENT_PARTNER')).toEqual(['home', 'aim', 'commons', 'ideas', 'groups', 'members', 'sites']);
  });

  it('adds invitations for admins and site leads only', () => {
    expect(keys('NETWORK_ADMIN')).toContain('invitations');
    expect(keys('SITE_LEAD')).toContain('invitations');
    expect(keys('CLINICIAN')).not.toContain('invitations');
    expect(keys('RESEARCHER')).not.toContain('invitations');
  });

  it('hides policy-guarded entries from someone who is not an active member', () => {
    expect(navItemsFor(null).map((item) => item.key)).toEqual(['home', 'aim', 'commons', 'ideas', 'groups']);
  });
});
