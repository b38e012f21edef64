import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordSql } from '../test-support/sql-counter';
import { TestApp, type TestMember } from '../test-support/test-app';

const SITE_COUNT = 5;
const MEMBER_COUNT = 50;

const directory = (withSite: boolean) => `query($networkId: ID!, $first: Int!) {
  members(networkId: $networkId, first: $first) { nodes { name ${withSite ? 'site { name }' : ''} } }
}`;
const sitesOf = (withCount: boolean) =>
  `query($slug: String!) { network(slug: $slug) { sites { name ${withCount ? 'memberCount' : ''} } } }`;

/**
 * The per-request DataLoaders: a list of N rows costs one query per relation, not N. Counted as
 * the SQL statements the app sends to PostgreSQL during one request (see sql-counter.ts).
 */
describe('batched loading (DataLoader)', () => {
  let app: TestApp;
  let admin: TestMember;
  let networkId: string;
  let slug: string;

  beforeAll(async () => {
    app = await TestApp.start();
    const made = await app.newNetwork(SITE_COUNT);
    ({ admin } = made);
    networkId = made.network.id;
    slug = made.network.slug;
    // The admin and 49 patient partners, spread over every site.
    for (let batch = 0; batch < MEMBER_COUNT - 1; batch += 10) {
      const size = Math.min(10, MEMBER_COUNT - 1 - batch);
      await Promise.all(
        Array.from({ length: size }, (_, i) =>
          app.newMember(admin, networkId, 'PATIENT_PARTNER', made.sites[(batch + i) % SITE_COUNT].id),
        ),
      );
    }
  });
  afterAll(async () => {
    await app?.stop();
  });

  async function statementsFor(query: string, variables: Record<string, unknown>) {
    const { result, statements } = await recordSql(() => admin.client.ok(query, variables));
    return { data: result, statements };
  }

  it(`members(first: ${MEMBER_COUNT}) with each member's site costs as many queries as members(first: 5)`, async () => {
    const few = await statementsFor(directory(true), { networkId, first: 5 });
    const many = await statementsFor(directory(true), { networkId, first: MEMBER_COUNT });

    expect(few.data.members.nodes).toHaveLength(5);
    expect(many.data.members.nodes).toHaveLength(MEMBER_COUNT);
    const siteNames = new Set(
      many.data.members.nodes.map((node: { site: { name: string } | null }) => node.site?.name).filter(Boolean),
    );
    expect(siteNames.size).toBe(SITE_COUNT);
    expect(few.statements.length).toBeGreaterThan(0);
    expect(many.statements).toHaveLength(few.statements.length);
  });

  it(`loads the sites of ${MEMBER_COUNT} members with one more query, not one per member`, async () => {
    const without = await statementsFor(directory(false), { networkId, first: MEMBER_COUNT });
    const withSites = await statementsFor(directory(true), { networkId, first: MEMBER_COUNT });

    expect(withSites.statements.length - without.statements.length).toBe(1);
    expect(withSites.statements.filter((sql) => sql.includes('"Site"'))).toHaveLength(1);
  });

  it(`counts the members of ${SITE_COUNT} sites with one more query, not one per site`, async () => {
    const without = await statementsFor(sitesOf(false), { slug });
    const withCounts = await statementsFor(sitesOf(true), { slug });

    const counts = withCounts.data.network.sites.map((site: { memberCount: number }) => site.memberCount);
    expect(counts.reduce((sum: number, count: number) => sum + count, 0)).toBe(MEMBER_COUNT - 1);
    expect(withCounts.statements.length - without.statements.length).toBe(1);
  });
});
