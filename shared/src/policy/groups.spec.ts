import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../roles';
import type { GroupStanding, GroupVisibility } from './groups';
import { type Actor, can } from './policy';

const actor = (role: Role, active = true): Actor => ({ userId: 'me', role, siteId: 'site-a', active });
const scope = (groupVisibility: GroupVisibility, groupStanding: GroupStanding | null) => ({
  groupVisibility,
  groupStanding,
});
const MEMBER_ROLES = ROLES.filter((role) => role !== 'NETWORK_ADMIN');

describe('can: seeing and joining working groups', () => {
  it.each(ROLES)('a %s sees every open group, starts groups and lists them', (role) => {
    expect(can(actor(role), 'group.view', scope('OPEN', null))).toBe(true);
    expect(can(actor(role), 'group.start')).toBe(true);
    expect(can(actor(role), 'group.list')).toBe(true);
  });

  it.each(MEMBER_ROLES)('a %s sees an invite-only group only as its member or invitee', (role) => {
    expect(can(actor(role), 'group.view', scope('INVITE_ONLY', null))).toBe(false);
    for (const standing of ['OWNER', 'MEMBER', 'INVITED'] as const)
      expect(can(actor(role), 'group.view', scope('INVITE_ONLY', standing))).toBe(true);
  });

  it('a network admin sees invite-only groups but joins one only by invitation, like everyone', () => {
    expect(can(actor('NETWORK_ADMIN'), 'group.view', scope('INVITE_ONLY', null))).toBe(true);
    expect(can(actor('NETWORK_ADMIN'), 'group.join', scope('INVITE_ONLY', null))).toBe(false);
    expect(can(actor('NETWORK_ADMIN'), 'group.join', scope('OPEN', null))).toBe(true);
  });

  it.each([
    ['OPEN', null, true],
    ['OPEN', 'MEMBER', false],
    ['INVITE_ONLY', null, false],
    ['INVITE_ONLY', 'INVITED', false],
  ] as const)('joining a %s group with standing %s: %s', (visibility, standing, allowed) => {
    expect(can(actor('PATIENT_PARTNER'), 'group.join', scope(visibility, standing))).toBe(allowed);
  });

  it('only the invitee answers her invitation', () => {
    expect(
      can(actor('CLINICIAN'), 'group.respondToInvitation', { ...scope('INVITE_ONLY', 'INVITED'), targetUserId: 'me' }),
    ).toBe(true);
    expect(
      can(actor('NETWORK_ADMIN'), 'group.respondToInvitation', {
        ...scope('INVITE_ONLY', null),
        targetUserId: 'someone',
      }),
    ).toBe(false);
  });

  it('a deactivated member may do nothing with groups', () => {
    expect(can(actor('NETWORK_ADMIN', false), 'group.view', scope('OPEN', 'OWNER'))).toBe(false);
    expect(can(actor('PATIENT_PARTNER', false), 'group.leave', scope('OPEN', 'OWNER'))).toBe(false);
  });
});

describe('can: running working groups', () => {
  const RUNNING = ['group.edit', 'group.archive', 'group.removeMember', 'group.setMemberRole'] as const;

  it.each(MEMBER_ROLES)('a %s runs a group she owns, not one she is a member of', (role) => {
    for (const action of RUNNING) {
      expect(can(actor(role), action, scope('INVITE_ONLY', 'OWNER'))).toBe(true);
      expect(can(actor(role), action, scope('OPEN', 'MEMBER'))).toBe(false);
    }
  });

  it('a network admin runs any group', () => {
    for (const action of RUNNING) expect(can(actor('NETWORK_ADMIN'), action, scope('INVITE_ONLY', null))).toBe(true);
  });

  it.each([
    ['OPEN', 'MEMBER', true],
    ['OPEN', 'OWNER', true],
    ['OPEN', null, false],
    ['OPEN', 'INVITED', false],
    ['INVITE_ONLY', 'MEMBER', false],
    ['INVITE_ONLY', 'OWNER', true],
  ] as const)('a patient partner inviting to a %s group as %s: %s', (visibility, standing, allowed) => {
    expect(can(actor('PATIENT_PARTNER'), 'group.invite', scope(visibility, standing))).toBe(allowed);
  });

  it('members shelve; admins may also take a resource off a shelf; invitees and outsiders may not', () => {
    expect(can(actor('FAMILY_MEMBER'), 'group.shelve', scope('OPEN', 'MEMBER'))).toBe(true);
    expect(can(actor('FAMILY_MEMBER'), 'group.shelve', scope('OPEN', 'INVITED'))).toBe(false);
    expect(can(actor('NETWORK_ADMIN'), 'group.shelve', scope('OPEN', null))).toBe(false);
    expect(can(actor('NETWORK_ADMIN'), 'group.unshelve', scope('OPEN', null))).toBe(true);
    expect(can(actor('RESEARCHER'), 'group.unshelve', scope('OPEN', null))).toBe(false);
  });

  it('leaving needs a place in the group', () => {
    expect(can(actor('RESEARCHER'), 'group.leave', scope('OPEN', 'MEMBER'))).toBe(true);
    expect(can(actor('RESEARCHER'), 'group.leave', scope('OPEN', 'INVITED'))).toBe(false);
    expect(can(actor('RESEARCHER'), 'group.leave', scope('OPEN', null))).toBe(false);
  });
});

describe('can: notifications', () => {
  it.each(ROLES)('a %s reads and marks her own notifications only', (role) => {
    expect(can(actor(role), 'notification.list')).toBe(true);
    expect(can(actor(role), 'notification.markRead', { targetUserId: 'me' })).toBe(true);
    expect(can(actor(role), 'notification.markRead', { targetUserId: 'someone else' })).toBe(false);
  });
});
