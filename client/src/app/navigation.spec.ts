import type { Actor, Role } from '@commons/shared';
import { describe, expect, it } from 'vitest';
import { aimSectionItemsFor, NAV_ITEMS, navCurrent, navItemsFor } from './navigation';

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

describe('the Aim & measures section', () => {
  it('marks its menu entry on every page of the section', () => {
    const aim = NAV_ITEMS.find((item) => item.key === 'aim')!;
    expect(navCurrent(aim, '/n/ibd/aim', 'ibd')).toBe('page');
    expect(navCurrent(aim, '/n/ibd/measures/m1', 'ibd')).toBe('true');
    expect(navCurrent(aim, '/n/ibd/report/import', 'ibd')).toBe('true');
    expect(navCurrent(aim, '/n/ibd/completeness', 'ibd')).toBe('true');
    expect(navCurrent(aim, '/n/ibd/members', 'ibd')).toBeUndefined();
    expect(navCurrent(aim, '/n/ibd/aimless', 'ibd')).toBeUndefined();
    const home = NAV_ITEMS.find((item) => item.key === 'home')!;
    expect(navCurrent(home, '/n/ibd', 'ibd')).toBe('page');
    expect(navCurrent(home, '/n/ibd/aim', 'ibd')).toBeUndefined();
  });

  it('shows "Report a month" to the site team and admins only', () => {
    const sub = (role: Role, siteId: string | null = 's1') =>
      aimSectionItemsFor({ userId: 'u1', role, siteId, active: true }).map((item) => item.key);
    expect(sub('SITE_LEAD')).toEqual(['aim', 'measures', 'report', 'completeness']);
    expect(sub('CLINICIAN')).toContain('report');
    expect(sub('NETWORK_ADMIN', null)).toContain('report');
    expect(sub('CLINICIAN', null)).not.toContain('report');
    expect(sub('PATIENT_PARTNER')).toEqual(['aim', 'measures', 'completeness']);
    expect(sub('RESEARCHER', null)).not.toContain('report');
  });
});
