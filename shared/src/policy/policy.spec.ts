import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../roles';
import { type Actor, can } from './policy';

const SITE_A = 'site-a';
const SITE_B = 'site-b';
const actor = (role: Role, siteId: string | null = SITE_A, active = true): Actor => ({
  userId: 'me',
  role,
  siteId,
  active,
});

describe('can: members of the network', () => {
  it.each(ROLES)('%s may view the network, its sites and its directory', (role) => {
    for (const action of ['network.view', 'site.list', 'member.list', 'member.view'] as const) {
      expect(can(actor(role), action)).toBe(true);
    }
  });

  it('denies everything to a non-member or a deactivated member', () => {
    expect(can(null, 'network.view')).toBe(false);
    expect(can(undefined, 'member.list')).toBe(false);
    expect(can(actor('NETWORK_ADMIN', null, false), 'member.invite', { targetRole: 'CLINICIAN' })).toBe(false);
  });
});

describe('can: member.invite', () => {
  it.each(ROLES)('a network admin may invite a %s to any site or none', (targetRole) => {
    expect(can(actor('NETWORK_ADMIN', null), 'member.invite', { siteId: SITE_B, targetRole })).toBe(true);
    expect(can(actor('NETWORK_ADMIN', null), 'member.invite', { siteId: null, targetRole })).toBe(true);
  });

  it.each([
    ['PATIENT_PARTNER', SITE_A, true],
    ['FAMILY_MEMBER', SITE_A, true],
    ['CLINICIAN', SITE_A, true],
    ['SITE_LEAD', SITE_A, false],
    ['NETWORK_ADMIN', SITE_A, false],
    ['RESEARCHER', SITE_A, false],
    ['CLINICIAN', SITE_B, false],
    ['CLINICIAN', null, false],
  ] as const)('a site lead of site A inviting a %s to %s: %s', (targetRole, siteId, allowed) => {
    expect(can(actor('SITE_LEAD'), 'member.invite', { siteId, targetRole })).toBe(allowed);
  });

  it.each(['PATIENT_PARTNER', 'FAMILY_MEMBER', 'CLINICIAN', 'RESEARCHER'] as const)('a %s may not invite', (role) => {
    expect(can(actor(role), 'member.invite', { siteId: SITE_A, targetRole: 'PATIENT_PARTNER' })).toBe(false);
  });
});

describe('can: role changes and deactivation', () => {
  it.each(ROLES)('only a network admin, not a %s below her, changes roles and deactivates', (role) => {
    const allowed = role === 'NETWORK_ADMIN';
    expect(can(actor(role), 'member.changeRole', { targetUserId: 'someone', siteId: SITE_A })).toBe(allowed);
    expect(can(actor(role), 'member.deactivate', { targetUserId: 'someone', siteId: SITE_A })).toBe(allowed);
  });

  it('an admin may not demote or deactivate herself', () => {
    expect(can(actor('NETWORK_ADMIN'), 'member.changeRole', { targetUserId: 'me' })).toBe(false);
    expect(can(actor('NETWORK_ADMIN'), 'member.deactivate', { targetUserId: 'me' })).toBe(false);
  });
});

describe('can: invitations list and revoke', () => {
  it.each([
    ['NETWORK_ADMIN', SITE_B, true],
    ['SITE_LEAD', SITE_A, true],
    ['SITE_LEAD', SITE_B, false],
    ['CLINICIAN', SITE_A, false],
    ['PATIENT_PARTNER', SITE_A, false],
  ] as const)('%s revoking an invitation to %s: %s', (role, siteId, allowed) => {
    expect(can(actor(role), 'invitation.revoke', { siteId })).toBe(allowed);
  });
});

describe('can: admin-only views of the directory', () => {
  it.each(ROLES)('%s: email addresses and deactivated members', (role) => {
    expect(can(actor(role), 'member.viewEmail')).toBe(role === 'NETWORK_ADMIN');
    expect(can(actor(role), 'member.listDeactivated')).toBe(role === 'NETWORK_ADMIN');
  });
});

describe('can: profile.setOwnSite (choosing a site at once) and profile.requestSite (asking to join one)', () => {
  it.each([
    // role              set to a site | leave her site | ask to join a site
    ['PATIENT_PARTNER', false, true, true],
    ['FAMILY_MEMBER', false, true, true],
    ['RESEARCHER', false, true, true],
    ['NETWORK_ADMIN', true, true, false],
    ['CLINICIAN', false, false, false],
    ['SITE_LEAD', false, false, false],
  ] as const)('%s: set %s, leave %s, ask %s', (role, set, leave, ask) => {
    expect(can(actor(role), 'profile.setOwnSite', { siteId: SITE_B })).toBe(set);
    expect(can(actor(role), 'profile.setOwnSite', { siteId: null })).toBe(leave);
    expect(can(actor(role), 'profile.requestSite', { siteId: SITE_B })).toBe(ask);
  });
});

describe('can: answering requests to join a site', () => {
  it.each([
    ['NETWORK_ADMIN', null, SITE_B, true],
    ['SITE_LEAD', SITE_A, SITE_A, true],
    ['SITE_LEAD', SITE_A, SITE_B, false],
    ['SITE_LEAD', null, SITE_A, false],
    ['CLINICIAN', SITE_A, SITE_A, false],
    ['RESEARCHER', SITE_A, SITE_A, false],
    ['PATIENT_PARTNER', SITE_A, SITE_A, false],
    ['FAMILY_MEMBER', SITE_A, SITE_A, false],
  ] as const)('a %s of site %s answering a request to join %s: %s', (role, ownSite, requested, allowed) => {
    expect(can(actor(role, ownSite), 'siteRequest.answer', { siteId: requested })).toBe(allowed);
  });

  it.each(ROLES)('%s may list the requests she can answer: site leads and admins only', (role) => {
    expect(can(actor(role), 'siteRequest.list')).toBe(role === 'SITE_LEAD' || role === 'NETWORK_ADMIN');
  });
});

describe('can: measures', () => {
  it.each([
    ['SITE_LEAD', SITE_A, true],
    ['CLINICIAN', SITE_A, true],
    ['SITE_LEAD', SITE_B, false],
    ['CLINICIAN', SITE_B, false],
    ['PATIENT_PARTNER', SITE_A, false],
    ['FAMILY_MEMBER', SITE_A, false],
    ['RESEARCHER', SITE_A, false],
    ['NETWORK_ADMIN', SITE_B, true],
  ] as const)('%s reporting a month for %s: %s', (role, siteId, allowed) => {
    expect(can(actor(role), 'measure.report', { siteId })).toBe(allowed);
  });

  it.each([
    ['PATIENT_PARTNER', SITE_A, true],
    ['PATIENT_PARTNER', SITE_B, false],
    ['RESEARCHER', SITE_B, false],
    ['CLINICIAN', SITE_B, false],
    ['NETWORK_ADMIN', SITE_B, true],
  ] as const)("%s sees %s's numbers unsuppressed: %s", (role, siteId, allowed) => {
    expect(can(actor(role), 'measure.viewUnsuppressed', { siteId })).toBe(allowed);
  });

  it('a member without a site never sees a site unsuppressed unless admin', () => {
    expect(can(actor('RESEARCHER', null), 'measure.viewUnsuppressed', { siteId: null })).toBe(false);
  });

  it.each(ROLES)('%s: aim and measure definitions are edited by admins only', (role) => {
    expect(can(actor(role), 'aim.edit')).toBe(role === 'NETWORK_ADMIN');
    expect(can(actor(role), 'measure.define')).toBe(role === 'NETWORK_ADMIN');
    expect(can(actor(role), 'aim.view')).toBe(true);
  });
});

describe('can: the commons (resources)', () => {
  it.each(ROLES)('%s may read, mark helpful and bookmark any resource', (role) => {
    for (const action of ['resource.view', 'resource.markHelpful', 'resource.bookmark'] as const) {
      expect(can(actor(role), action, { authorId: 'someone' })).toBe(true);
    }
  });

  it.each([
    ['PATIENT_PARTNER', null, true],
    ['PATIENT_PARTNER', SITE_A, true],
    ['PATIENT_PARTNER', SITE_B, false],
    ['CLINICIAN', SITE_A, true],
    ['CLINICIAN', SITE_B, false],
    ['RESEARCHER', null, true],
    ['SITE_LEAD', SITE_B, false],
    ['NETWORK_ADMIN', SITE_B, true],
  ] as const)('%s of site A posting or adapting a resource for %s: %s', (role, siteId, allowed) => {
    expect(can(actor(role), 'resource.post', { siteId })).toBe(allowed);
    expect(can(actor(role), 'resource.adapt', { siteId })).toBe(allowed);
  });

  it('a member without a site may post only for no site', () => {
    expect(can(actor('RESEARCHER', null), 'resource.post', { siteId: null })).toBe(true);
    expect(can(actor('RESEARCHER', null), 'resource.post', { siteId: SITE_A })).toBe(false);
  });

  it.each(ROLES)('%s edits and sees hidden her own resources; only an admin those of others', (role) => {
    const admin = role === 'NETWORK_ADMIN';
    expect(can(actor(role), 'resource.edit', { authorId: 'me' })).toBe(true);
    expect(can(actor(role), 'resource.viewHidden', { authorId: 'me' })).toBe(true);
    expect(can(actor(role), 'resource.edit', { authorId: 'someone' })).toBe(admin);
    expect(can(actor(role), 'resource.viewHidden', { authorId: 'someone' })).toBe(admin);
    expect(can(actor(role), 'resource.edit')).toBe(admin);
  });

  it.each(ROLES)('%s: only admins hide resources and curate tags, even their own', (role) => {
    expect(can(actor(role), 'resource.hide', { authorId: 'me' })).toBe(role === 'NETWORK_ADMIN');
    expect(can(actor(role), 'tag.curate')).toBe(role === 'NETWORK_ADMIN');
  });

  it.each([
    ['PATIENT_PARTNER', SITE_A, true],
    ['CLINICIAN', SITE_A, true],
    ['CLINICIAN', SITE_B, false],
    ['SITE_LEAD', SITE_B, false],
    ['NETWORK_ADMIN', SITE_B, true],
  ] as const)('%s of site A saying "we used this" for %s: %s', (role, siteId, allowed) => {
    expect(can(actor(role), 'resource.markUsed', { siteId })).toBe(allowed);
  });

  it('a member without a site cannot speak for a site', () => {
    expect(can(actor('RESEARCHER', null), 'resource.markUsed', { siteId: SITE_A })).toBe(false);
    expect(can(actor('RESEARCHER', null), 'resource.markUsed', { siteId: null })).toBe(false);
  });

  it('a deactivated author may do nothing with her resource', () => {
    expect(can(actor('CLINICIAN', SITE_A, false), 'resource.edit', { authorId: 'me' })).toBe(false);
  });
});
