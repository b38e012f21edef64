import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf } from '../test-support/graphql-client';
import { TEST_PASSWORD, TestApp, type TestMember } from '../test-support/test-app';

const NETWORK = `query($slug: String!) {
  network(slug: $slug) { id slug name description startedOn suppressionThreshold sites { id slug name city memberCount } }
}`;
const MY_NETWORKS = `{ me { memberships { role active network { id slug name } site { id name } } } }`;
const ACCEPT = `mutation($token: String!) { acceptInvitation(token: $token) }`;
const DEACTIVATE = `mutation($networkId: ID!, $userId: ID!) { deactivateMember(networkId: $networkId, userId: $userId) { active } }`;

describe('networks', () => {
  let app: TestApp;
  let network: { id: string; slug: string; name: string };
  let sites: { id: string }[];
  let admin: TestMember;
  let clinician: TestMember;

  beforeAll(async () => {
    app = await TestApp.start();
    ({ network, sites, admin } = await app.newNetwork(3));
    // Site C ends up with two active members and one deactivated; site B with none.
    clinician = await app.newMember(admin, network.id, 'CLINICIAN', sites[2].id);
    await app.newMember(admin, network.id, 'PATIENT_PARTNER', sites[2].id);
    const leaving = await app.newMember(admin, network.id, 'FAMILY_MEMBER', sites[2].id);
    await app.newMember(admin, network.id, 'SITE_LEAD', sites[0].id);
    await admin.client.ok(DEACTIVATE, { networkId: network.id, userId: leaving.userId });
  });
  afterAll(async () => {
    await app?.stop();
  });

  describe('network(slug)', () => {
    it('describes the network and its sites by name, counting only active members per site', async () => {
      const { network: found } = await clinician.client.ok(NETWORK, { slug: network.slug });

      expect(found).toMatchObject({
        id: network.id,
        slug: network.slug,
        name: network.name,
        startedOn: '2024-01-01',
        suppressionThreshold: 10,
      });
      expect(found.sites.map((site: { name: string; memberCount: number }) => [site.name, site.memberCount])).toEqual([
        ['Site A', 1],
        ['Site B', 0],
        ['Site C', 2],
      ]);
    });

    it('answers NOT_FOUND for a slug no network has', async () => {
      expect(errorOf(await clinician.client.gql(NETWORK, { slug: 'no-such-network' })).code).toBe('NOT_FOUND');
    });

    it("answers NOT_FOUND, not FORBIDDEN, for another network's slug", async () => {
      const other = await app.newNetwork(1);

      expect(errorOf(await clinician.client.gql(NETWORK, { slug: other.network.slug })).code).toBe('NOT_FOUND');
    });
  });

  describe("the viewer's memberships", () => {
    it('name each network and site the member belongs to, with her role', async () => {
      const { me } = await clinician.client.ok(MY_NETWORKS);

      expect(me.memberships).toEqual([
        {
          role: 'CLINICIAN',
          active: true,
          network: { id: network.id, slug: network.slug, name: network.name },
          site: { id: sites[2].id, name: 'Site C' },
        },
      ]);
    });

    // The web app asks for exactly this shape on every page load (the Viewer query).
    it('still answer, with every network, after the member was deactivated in one of them', async () => {
      const other = await app.newNetwork(2);
      const person = await app.newMember(other.admin, other.network.id, 'RESEARCHER', null);
      const invitation = await app.newInvitation(admin, network.id, {
        role: 'PATIENT_PARTNER',
        siteId: null,
        email: person.email,
      });
      await person.client.ok(ACCEPT, { token: invitation.token });
      await admin.client.ok(DEACTIVATE, { networkId: network.id, userId: person.userId });
      const client = app.client();
      expect((await client.signIn(person.email, TEST_PASSWORD)).errors).toBeUndefined();

      const result = await client.gql(`{ me { id memberships { active network { slug sites { name } } } } }`);

      expect(result.errors).toBeUndefined();
      expect(result.data.me).toEqual({
        id: person.userId,
        memberships: [
          { active: true, network: { slug: other.network.slug, sites: [{ name: 'Site A' }, { name: 'Site B' }] } },
          // No longer a member: the network's sites are not shown.
          { active: false, network: { slug: network.slug, sites: [] } },
        ],
      });
    });
  });
});
