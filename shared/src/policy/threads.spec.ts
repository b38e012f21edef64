import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../roles';
import { type Actor, can } from './policy';
import type { ThreadSubjectFacts } from './threads';

const SITE_A = 'site-a';
const SITE_B = 'site-b';
const actor = (role: Role, siteId: string | null = SITE_A): Actor => ({ userId: 'me', role, siteId, active: true });
const idea: ThreadSubjectFacts = { type: 'CHANGE_IDEA' };
const resource = (hidden: boolean, authorId = 'someone'): ThreadSubjectFacts => ({
  type: 'RESOURCE',
  hidden,
  authorId,
});
const site = (siteId: string): ThreadSubjectFacts => ({ type: 'SITE', siteId });
const group = (visibility: 'OPEN' | 'INVITE_ONLY', isMember: boolean, archived = false): ThreadSubjectFacts => ({
  type: 'GROUP',
  visibility,
  isMember,
  archived,
});

describe('can: thread.read and thread.post', () => {
  it.each(ROLES)('a %s reads and posts in the thread of any change idea and of a visible resource', (role) => {
    for (const thread of [idea, resource(false)]) {
      expect(can(actor(role), 'thread.read', { thread })).toBe(true);
      expect(can(actor(role), 'thread.post', { thread })).toBe(true);
    }
  });

  it.each(ROLES)("a %s reads a hidden resource's thread only as its author or an admin", (role) => {
    const admin = role === 'NETWORK_ADMIN';
    expect(can(actor(role), 'thread.read', { thread: resource(true) })).toBe(admin);
    expect(can(actor(role), 'thread.post', { thread: resource(true) })).toBe(admin);
    expect(can(actor(role), 'thread.read', { thread: resource(true, 'me') })).toBe(true);
  });

  it.each(ROLES)("a %s of site A reads and posts in site A's thread, site B's only as an admin", (role) => {
    const admin = role === 'NETWORK_ADMIN';
    expect(can(actor(role), 'thread.read', { thread: site(SITE_A) })).toBe(true);
    expect(can(actor(role), 'thread.post', { thread: site(SITE_A) })).toBe(true);
    expect(can(actor(role), 'thread.read', { thread: site(SITE_B) })).toBe(admin);
    expect(can(actor(role), 'thread.post', { thread: site(SITE_B) })).toBe(admin);
  });

  it("a member without a site reads no site's thread", () => {
    expect(can(actor('RESEARCHER', null), 'thread.read', { thread: site(SITE_A) })).toBe(false);
    expect(can(actor('NETWORK_ADMIN', null), 'thread.read', { thread: site(SITE_A) })).toBe(true);
  });

  it.each([
    ['OPEN', true, false, true, true],
    ['OPEN', false, false, true, false],
    ['INVITE_ONLY', true, false, true, true],
    ['INVITE_ONLY', false, false, false, false],
    ['OPEN', true, true, true, false],
    ['INVITE_ONLY', true, true, true, false],
  ] as const)(
    'a %s group, member %s, archived %s: reads %s, posts %s',
    (visibility, isMember, archived, reads, posts) => {
      for (const role of ROLES) {
        expect(can(actor(role), 'thread.read', { thread: group(visibility, isMember, archived) })).toBe(reads);
        expect(can(actor(role), 'thread.post', { thread: group(visibility, isMember, archived) })).toBe(posts);
      }
    },
  );

  it('an admin who is not in an invite-only group neither reads nor moderates its thread', () => {
    const thread = group('INVITE_ONLY', false);
    expect(can(actor('NETWORK_ADMIN'), 'thread.read', { thread })).toBe(false);
    expect(can(actor('NETWORK_ADMIN'), 'message.delete', { thread, authorId: 'someone' })).toBe(false);
  });

  it('is refused without facts about the subject, and to a deactivated member', () => {
    expect(can(actor('NETWORK_ADMIN'), 'thread.read')).toBe(false);
    expect(can({ ...actor('CLINICIAN'), active: false }, 'thread.read', { thread: idea })).toBe(false);
  });
});

describe('can: message.edit and message.delete', () => {
  it.each(ROLES)("a %s edits and deletes her own messages, not others'", (role) => {
    expect(can(actor(role), 'message.edit', { thread: idea, authorId: 'me' })).toBe(true);
    expect(can(actor(role), 'message.edit', { thread: idea, authorId: 'someone' })).toBe(false);
    expect(can(actor(role), 'message.delete', { thread: idea, authorId: 'me' })).toBe(true);
    expect(can(actor(role), 'message.delete', { thread: idea, authorId: 'someone' })).toBe(role === 'NETWORK_ADMIN');
  });

  it('an author removed from a group can no longer edit or delete there', () => {
    const left = group('OPEN', false);
    expect(can(actor('PATIENT_PARTNER'), 'message.edit', { thread: left, authorId: 'me' })).toBe(false);
    expect(can(actor('PATIENT_PARTNER'), 'message.delete', { thread: left, authorId: 'me' })).toBe(false);
  });

  it('an admin deletes any message in a thread she can read, but edits only her own', () => {
    expect(can(actor('NETWORK_ADMIN'), 'message.delete', { thread: site(SITE_B), authorId: 'someone' })).toBe(true);
    expect(can(actor('NETWORK_ADMIN'), 'message.edit', { thread: site(SITE_B), authorId: 'someone' })).toBe(false);
  });
});
