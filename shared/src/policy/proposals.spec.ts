import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../roles';
import { type Actor, can } from './policy';

const actor = (role: Role, userId = 'me'): Actor => ({ userId, role, siteId: 'site-a', active: true });
const IDEA = { type: 'CHANGE_IDEA' } as const;
const steward = (role: Role) => role === 'SITE_LEAD' || role === 'NETWORK_ADMIN';

describe('can: proposals', () => {
  it.each(ROLES)("a %s sees proposals and takes positions in a change idea's thread", (role) => {
    expect(can(actor(role), 'proposal.view', { thread: IDEA })).toBe(true);
    expect(can(actor(role), 'proposal.takePosition', { thread: IDEA })).toBe(true);
  });

  it.each(ROLES)("a %s opens a proposal in an idea's thread when she takes part in the idea or stewards it", (role) => {
    expect(can(actor(role), 'proposal.open', { thread: IDEA, isProposer: true })).toBe(true);
    expect(can(actor(role), 'proposal.open', { thread: IDEA, isCoDesigner: true })).toBe(true);
    expect(can(actor(role), 'proposal.open', { thread: IDEA })).toBe(steward(role));
  });

  it("proposals are opened only in change ideas' threads", () => {
    expect(can(actor('NETWORK_ADMIN'), 'proposal.open', { thread: { type: 'SITE', siteId: 'site-a' } })).toBe(false);
    expect(
      can(actor('NETWORK_ADMIN'), 'proposal.open', {
        thread: { type: 'GROUP', visibility: 'OPEN', isMember: true, archived: false },
        isProposer: true,
      }),
    ).toBe(false);
  });

  it('in a thread she may not post in, a member takes no position; where she may not read, she sees nothing', () => {
    const archivedGroup = { type: 'GROUP', visibility: 'OPEN', isMember: true, archived: true } as const;
    const closedGroup = { type: 'GROUP', visibility: 'INVITE_ONLY', isMember: false, archived: false } as const;
    expect(can(actor('CLINICIAN'), 'proposal.takePosition', { thread: archivedGroup })).toBe(false);
    expect(can(actor('CLINICIAN'), 'proposal.view', { thread: archivedGroup })).toBe(true);
    expect(can(actor('NETWORK_ADMIN'), 'proposal.view', { thread: closedGroup })).toBe(false);
    expect(can(actor('NETWORK_ADMIN'), 'proposal.view', {})).toBe(false);
  });

  it.each(ROLES)(
    'only the member who opened a proposal closes it and sees who has not taken a position (a %s)',
    (role) => {
      for (const action of ['proposal.close', 'proposal.seeWhoIsMissing'] as const) {
        expect(can(actor(role), action, { thread: IDEA, authorId: 'me' })).toBe(true);
        expect(can(actor(role), action, { thread: IDEA, authorId: 'someone else' })).toBe(false);
      }
    },
  );
});

describe('can: answering decisions', () => {
  it.each(ROLES)('a %s answers only for herself and withdraws only what she recorded', (role) => {
    expect(can(actor(role), 'changeIdea.answerDecision', { targetUserId: 'me' })).toBe(true);
    expect(can(actor(role), 'changeIdea.answerDecision', { targetUserId: 'someone else' })).toBe(false);
    expect(can(actor(role), 'changeIdea.answerDecision', {})).toBe(false);
    expect(can(actor(role), 'changeIdea.withdrawDecision', { authorId: 'me' })).toBe(true);
    expect(can(actor(role), 'changeIdea.withdrawDecision', { authorId: 'someone else' })).toBe(false);
  });

  it.each(ROLES)('network settings: a %s %s', (role) => {
    expect(can(actor(role), 'network.configure')).toBe(role === 'NETWORK_ADMIN');
  });
});
