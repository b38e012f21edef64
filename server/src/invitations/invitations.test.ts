import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf } from '../test-support/graphql-client';
import { TEST_PASSWORD, TestApp, type TestMember } from '../test-support/test-app';

const INVITE = `mutation($networkId: ID!, $input: InvitationInput!) {
  inviteMember(networkId: $networkId, input: $input) {
    link emailed
    invitation { id email role siteId siteName invitedByName status createdAt expiresAt }
  }
}`;
const PREVIEW = `query($token: String!) { invitationPreview(token: $token) { networkName networkSlug email role siteName status expiresAt } }`;
const INVITATIONS = `query($networkId: ID!, $first: Int!, $after: String) {
  invitations(networkId: $networkId, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id email } }
}`;
const REVOKE = `mutation($id: ID!) { revokeInvitation(invitationId: $id) { id status } }`;
const ACCEPT = `mutation($token: String!) { acceptInvitation(token: $token) }`;
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { id } }`;

const DAY_MS = 86_400_000;

describe('invitations', () => {
  let app: TestApp;
  let networkId: string;
  let networkSlug: string;
  let networkName: string;
  let siteIds: string[];
  let admin: TestMember;
  let otherNetwork: Awaited<ReturnType<TestApp['newNetwork']>>;

  beforeAll(async () => {
    app = await TestApp.start();
    const made = await app.newNetwork(2);
    networkId = made.network.id;
    networkSlug = made.network.slug;
    networkName = made.network.name;
    siteIds = made.sites.map((site) => site.id);
    admin = made.admin;
    otherNetwork = await app.newNetwork(1);
  });
  afterAll(async () => {
    await app?.stop();
  });

  const preview = async (token: string) => (await app.client().ok(PREVIEW, { token })).invitationPreview;

  describe('inviteMember', () => {
    it('returns a one-time link and the pending invitation, which expires after INVITATION_TTL_DAYS', async () => {
      const result = await admin.client.ok(INVITE, {
        networkId,
        input: { email: ' New.Person@Example.ORG ', role: 'CLINICIAN', siteId: siteIds[0] },
      });

      const { link, emailed, invitation } = result.inviteMember;
      expect(link).toMatch(new RegExp(`^${app.url}/invite/[A-Za-z0-9_-]{40,}$`));
      expect(emailed).toBe(false);
      expect(invitation).toMatchObject({
        email: 'new.person@example.org',
        role: 'CLINICIAN',
        siteId: siteIds[0],
        siteName: 'Site A',
        invitedByName: admin.name,
        status: 'PENDING',
      });
      // INVITATION_TTL_DAYS defaults to 14.
      expect(Math.abs(new Date(invitation.expiresAt).getTime() - (Date.now() + 14 * DAY_MS))).toBeLessThan(60_000);
      // Only a hash of the token is stored.
      const token = link.split('/invite/')[1];
      const stored = await app.prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
      expect(stored.tokenHash).not.toContain(token);
      expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('refuses to invite someone who is already a member, with CONFLICT on input.email', async () => {
      const member = await app.newMember(admin, networkId, 'RESEARCHER', null);

      const result = await admin.client.gql(INVITE, {
        networkId,
        input: { email: member.email.toUpperCase(), role: 'RESEARCHER', siteId: null },
      });

      expect(errorOf(result)).toEqual({ code: 'CONFLICT', field: 'input.email' });
      expect(await app.prisma.invitation.count({ where: { email: member.email } })).toBe(1);
    });

    it.each<[string, string, () => Record<string, unknown>]>([
      ['a malformed email', 'input.email', () => ({ email: 'not an email', role: 'RESEARCHER', siteId: null })],
      [
        'a site of another network',
        'input.siteId',
        () => ({ email: 'valid@example.org', role: 'CLINICIAN', siteId: otherNetwork.sites[0].id }),
      ],
      [
        'a care-team role without a site',
        'input.siteId',
        () => ({ email: 'valid@example.org', role: 'SITE_LEAD', siteId: null }),
      ],
    ])('refuses %s with BAD_USER_INPUT on %s and stores nothing', async (_, field, input) => {
      const before = await app.prisma.invitation.count();

      const result = await admin.client.gql(INVITE, { networkId, input: input() });

      expect(errorOf(result)).toEqual({ code: 'BAD_USER_INPUT', field });
      expect(await app.prisma.invitation.count()).toBe(before);
    });
  });

  describe('invitationPreview', () => {
    it('shows anyone holding the link what it offers', async () => {
      const invitation = await app.newInvitation(admin, networkId, { role: 'FAMILY_MEMBER', siteId: siteIds[1] });

      expect(await preview(invitation.token)).toMatchObject({
        networkName,
        networkSlug,
        email: invitation.email,
        role: 'FAMILY_MEMBER',
        siteName: 'Site B',
        status: 'PENDING',
      });
    });

    it('reports an accepted, a revoked and an expired invitation as such', async () => {
      const [accepted, revoked, expired] = await Promise.all(
        [0, 1, 2].map(() => app.newInvitation(admin, networkId, { role: 'PATIENT_PARTNER', siteId: null })),
      );
      await app.client().ok(REGISTER, {
        input: { token: accepted.token, email: accepted.email, name: 'Accepting Person', password: TEST_PASSWORD },
      });
      await admin.client.ok(REVOKE, { id: revoked.id });
      await app.prisma.invitation.update({
        where: { id: expired.id },
        data: { expiresAt: new Date(Date.now() - 1000) },
      });

      const statuses = await Promise.all(
        [accepted, revoked, expired].map(async (invitation) => (await preview(invitation.token)).status),
      );

      expect(statuses).toEqual(['ACCEPTED', 'REVOKED', 'EXPIRED']);
    });

    it('answers NOT_FOUND for a token no invitation has', async () => {
      expect(errorOf(await app.client().gql(PREVIEW, { token: 'no-such-token-at-all-anywhere' })).code).toBe(
        'NOT_FOUND',
      );
    });
  });

  describe('the invitations list', () => {
    it('lists the newest first, page by page', async () => {
      const made = [];
      for (let i = 0; i < 3; i += 1)
        made.push(
          await app.newInvitation(otherNetwork.admin, otherNetwork.network.id, { role: 'RESEARCHER', siteId: null }),
        );
      const newestFirst = made.reverse().map((invitation) => invitation.email);

      const first = (await otherNetwork.admin.client.ok(INVITATIONS, { networkId: otherNetwork.network.id, first: 2 }))
        .invitations;
      const second = (
        await otherNetwork.admin.client.ok(INVITATIONS, {
          networkId: otherNetwork.network.id,
          first: 2,
          after: first.pageInfo.endCursor,
        })
      ).invitations;

      expect(first.totalCount).toBe(3);
      expect(first.pageInfo.hasNextPage).toBe(true);
      expect(second.pageInfo.hasNextPage).toBe(false);
      expect([...first.nodes, ...second.nodes].map((node: { email: string }) => node.email)).toEqual(newestFirst);
    });
  });

  describe('revokeInvitation', () => {
    it('refuses an invitation that was already used or revoked, with CONFLICT', async () => {
      const used = await app.newInvitation(admin, networkId, { role: 'PATIENT_PARTNER', siteId: null });
      await app.client().ok(REGISTER, {
        input: { token: used.token, email: used.email, name: 'Used Invitation', password: TEST_PASSWORD },
      });
      const revoked = await app.newInvitation(admin, networkId, { role: 'PATIENT_PARTNER', siteId: null });
      await admin.client.ok(REVOKE, { id: revoked.id });

      expect(errorOf(await admin.client.gql(REVOKE, { id: used.id })).code).toBe('CONFLICT');
      expect(errorOf(await admin.client.gql(REVOKE, { id: revoked.id })).code).toBe('CONFLICT');
      expect((await app.prisma.invitation.findUniqueOrThrow({ where: { id: used.id } })).revokedAt).toBeNull();
    });

    it('answers NOT_FOUND for an id no invitation has', async () => {
      expect(errorOf(await admin.client.gql(REVOKE, { id: '00000000-0000-4000-8000-000000000000' })).code).toBe(
        'NOT_FOUND',
      );
    });
  });

  describe('registering twice at once with one invitation', () => {
    // A double-submitted form: both requests pass the checks before either commits. Several
    // pairs, because which one wins, and where the other is stopped, depends on timing.
    it('lets exactly one registration through and refuses the other with a clear error, every time', async () => {
      const outcomes: string[] = [];
      for (let pair = 0; pair < 6; pair += 1) {
        const invitation = await app.newInvitation(admin, networkId, { role: 'PATIENT_PARTNER', siteId: null });
        const attempt = (name: string) =>
          app.client().gql(REGISTER, {
            input: { token: invitation.token, email: invitation.email, name, password: TEST_PASSWORD },
          });

        const results = await Promise.all([attempt('First Racer'), attempt('Second Racer')]);

        outcomes.push(
          ...results
            .filter((result) => result.errors)
            .map((result) => `${errorOf(result).code} ${errorOf(result).field}`),
        );
        expect(results.filter((result) => !result.errors)).toHaveLength(1);
        expect(await app.prisma.user.count({ where: { email: invitation.email } })).toBe(1);
      }
      expect(outcomes).toHaveLength(6);
      for (const outcome of outcomes)
        expect(['BAD_USER_INPUT input.token', 'CONFLICT input.token', 'CONFLICT input.email']).toContain(outcome);
    });
  });

  describe('acceptInvitation', () => {
    it('lets a signed-in person from another network join with the role and site the invitation offers', async () => {
      const person = await app.newMember(otherNetwork.admin, otherNetwork.network.id, 'RESEARCHER', null);
      const invitation = await app.newInvitation(admin, networkId, {
        role: 'CLINICIAN',
        siteId: siteIds[1],
        email: person.email,
      });

      const result = await person.client.gql(ACCEPT, { token: invitation.token });

      expect(result.data).toEqual({ acceptInvitation: networkSlug });
      const { me } = await person.client.ok(`{ me { memberships { role network { id } site { id } } } }`);
      expect(me.memberships).toEqual(
        expect.arrayContaining([
          { role: 'RESEARCHER', network: { id: otherNetwork.network.id }, site: null },
          { role: 'CLINICIAN', network: { id: networkId }, site: { id: siteIds[1] } },
        ]),
      );
      expect((await preview(invitation.token)).status).toBe('ACCEPTED');
    });

    it('refuses an invitation sent to someone else, and the invitation stays usable', async () => {
      const person = await app.newMember(otherNetwork.admin, otherNetwork.network.id, 'RESEARCHER', null);
      const invitation = await app.newInvitation(admin, networkId, {
        role: 'NETWORK_ADMIN',
        siteId: null,
        email: app.newEmail(),
      });

      const result = await person.client.gql(ACCEPT, { token: invitation.token });

      expect(errorOf(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'token' });
      expect((await preview(invitation.token)).status).toBe('PENDING');
    });

    it('lets a double-clicked accept through once and refuses the other with a clear error, every time', async () => {
      const outcomes: string[] = [];
      for (let pair = 0; pair < 6; pair += 1) {
        const person = await app.newMember(otherNetwork.admin, otherNetwork.network.id, 'RESEARCHER', null);
        const invitation = await app.newInvitation(admin, networkId, {
          role: 'RESEARCHER',
          siteId: null,
          email: person.email,
        });

        const results = await Promise.all([0, 1].map(() => person.client.gql(ACCEPT, { token: invitation.token })));

        outcomes.push(
          ...results
            .filter((result) => result.errors)
            .map((result) => `${errorOf(result).code} ${errorOf(result).field}`),
        );
        expect(results.filter((result) => !result.errors)).toHaveLength(1);
        expect(await app.prisma.membership.count({ where: { userId: person.userId, networkId } })).toBe(1);
      }
      expect(outcomes).toHaveLength(6);
      for (const outcome of outcomes)
        expect(['BAD_USER_INPUT token', 'CONFLICT token', 'CONFLICT undefined']).toContain(outcome);
    });

    it('refuses a token that was already used, with BAD_USER_INPUT on token', async () => {
      const person = await app.newMember(otherNetwork.admin, otherNetwork.network.id, 'RESEARCHER', null);
      const invitation = await app.newInvitation(admin, networkId, {
        role: 'RESEARCHER',
        siteId: null,
        email: person.email,
      });
      await person.client.ok(ACCEPT, { token: invitation.token });

      const result = await person.client.gql(ACCEPT, { token: invitation.token });

      expect(errorOf(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'token' });
    });

    it('refuses a token no invitation has, with BAD_USER_INPUT on token', async () => {
      const result = await admin.client.gql(ACCEPT, { token: 'x'.repeat(43) });

      expect(errorOf(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'token' });
    });

    it('refuses someone who is already an active member with CONFLICT, and leaves the invitation pending', async () => {
      // Two invitations to one address; the person registers with the first.
      const first = await app.newInvitation(admin, networkId, { role: 'PATIENT_PARTNER', siteId: null });
      const second = await app.newInvitation(admin, networkId, {
        role: 'SITE_LEAD',
        siteId: siteIds[0],
        email: first.email,
      });
      const client = app.client();
      await client.ok(REGISTER, {
        input: { token: first.token, email: first.email, name: 'Twice Invited', password: TEST_PASSWORD },
      });

      const result = await client.gql(ACCEPT, { token: second.token });

      expect(errorOf(result).code).toBe('CONFLICT');
      expect((await preview(second.token)).status).toBe('PENDING');
      const user = await app.prisma.user.findUniqueOrThrow({ where: { email: first.email } });
      expect(
        await app.prisma.membership.findUniqueOrThrow({ where: { userId_networkId: { userId: user.id, networkId } } }),
      ).toMatchObject({
        role: 'PATIENT_PARTNER',
        siteId: null,
      });
    });
  });
});
