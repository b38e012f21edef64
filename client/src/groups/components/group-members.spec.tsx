import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GroupPageFieldsFragment } from '../../gql/graphql';
import { renderInNetwork, testViewer } from '../../test-support/network-scope';
import { GroupMembers } from './group-members';

const VIEWER = testViewer('SITE_LEAD', { id: 'owner', name: 'Oskar Nyberg', email: 'oskar@example.org' });

const member = (userId: string, name: string, role: 'OWNER' | 'MEMBER', status: 'ACTIVE' | 'INVITED' = 'ACTIVE') => ({
  userId,
  name,
  networkRole: 'PATIENT_PARTNER' as const,
  role,
  status,
  since: '2026-11-01T10:00:00Z',
});

function group(can: { removeMembers: boolean; setMemberRoles: boolean }): GroupPageFieldsFragment {
  return {
    id: 'g1',
    networkId: 'n1',
    name: 'Peer support evenings',
    purpose: 'Evenings together.',
    visibility: 'OPEN',
    archived: false,
    memberCount: 2,
    createdAt: '2026-11-01T10:00:00Z',
    archivedAt: null,
    createdBy: { userId: 'owner', name: 'Oskar Nyberg' },
    viewerMembership: { role: 'OWNER', status: 'ACTIVE', invitedBy: null },
    viewerCanArchive: false,
    viewerCanEdit: false,
    viewerCanInvite: false,
    viewerCanJoin: false,
    viewerCanLeave: true,
    viewerCanRemoveMembers: can.removeMembers,
    viewerCanSetMemberRoles: can.setMemberRoles,
    viewerCanShelve: true,
    viewerCanUnshelve: true,
    members: [
      member('owner', 'Oskar Nyberg', 'OWNER'),
      member('elin', 'Elin Sandberg', 'MEMBER'),
      member('grace', 'Grace Byrne', 'MEMBER', 'INVITED'),
    ],
    shelf: [],
  };
}

const renderMembers = (shown: GroupPageFieldsFragment) =>
  renderInNetwork(<GroupMembers group={shown} />, {
    page: 'groups/g1',
    viewer: VIEWER,
    answer: (operation) => {
      throw new Error(`unexpected ${operation}`);
    },
  });

afterEach(() => vi.unstubAllGlobals());

describe('GroupMembers', () => {
  it("offers removing and role changes as the group's viewer fields allow, never on her own row", async () => {
    renderMembers(group({ removeMembers: true, setMemberRoles: true }));

    expect(await screen.findByRole('button', { name: 'Make owner: Elin Sandberg' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove: Elin Sandberg' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Withdraw invitation: Grace Byrne' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Oskar Nyberg/ })).not.toBeInTheDocument();
  });

  it('tells removing from changing roles: each button only where its own field says so', async () => {
    renderMembers(group({ removeMembers: true, setMemberRoles: false }));

    expect(await screen.findByRole('button', { name: 'Remove: Elin Sandberg' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Make owner/ })).not.toBeInTheDocument();
  });

  it('offers nothing to manage when the fields say she may not', async () => {
    renderMembers(group({ removeMembers: false, setMemberRoles: false }));

    expect(await screen.findByRole('link', { name: 'Elin Sandberg' })).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
