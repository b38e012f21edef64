import type { Actor } from '@commons/shared';
import { describe, expect, it } from 'vitest';
import { invitableRoles, invitableSites } from './invitable';

const sites = ['s1', 's2'];

describe('invitableRoles and invitableSites', () => {
  it('lets an admin invite every role, anywhere', () => {
    const admin: Actor = { userId: 'a', role: 'NETWORK_ADMIN', siteId: null, active: true };
    expect(invitableRoles(admin, sites)).toHaveLength(6);
    expect(invitableSites(admin, 'CLINICIAN', sites)).toEqual([null, 's1', 's2']);
  });

  it('lets a site lead invite patients, families and clinicians to her own site only', () => {
    const lead: Actor = { userId: 'l', role: 'SITE_LEAD', siteId: 's2', active: true };
    expect(invitableRoles(lead, sites)).toEqual(['PATIENT_PARTNER', 'FAMILY_MEMBER', 'CLINICIAN']);
    expect(invitableSites(lead, 'CLINICIAN', sites)).toEqual(['s2']);
    expect(invitableSites(lead, 'SITE_LEAD', sites)).toEqual([]);
  });

  it('lets a site lead without a site invite nobody', () => {
    expect(invitableRoles({ userId: 'l', role: 'SITE_LEAD', siteId: null, active: true }, sites)).toEqual([]);
  });
});
