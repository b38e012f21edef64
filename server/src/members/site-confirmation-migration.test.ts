import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseBeforeMigration, databaseBeforeMigration } from '../test-support/migration-database';

const THIS_MIGRATION = '20261205200000_site_confirmation';

/**
 * What the migration that makes joining a site a request does to the memberships already there:
 * sites chosen by an admin or a lead through an accepted invitation stay confirmed; other sites of
 * patients, families and researchers (which they could set themselves) become pending requests.
 */
describe(`migration ${THIS_MIGRATION} on a database with members`, () => {
  let migration: DatabaseBeforeMigration;
  let db: pg.Client;

  beforeAll(async () => {
    migration = await databaseBeforeMigration(THIS_MIGRATION);
    db = migration.db;
  });
  afterAll(() => migration?.drop());

  it('keeps invited and care-team sites, and turns self-chosen sites of patients, families and researchers into pending requests', async () => {
    const network = (
      await db.query(
        `INSERT INTO "Network" (id, slug, name, "startedOn") VALUES (gen_random_uuid(), 'n', 'N', '2024-01-01') RETURNING id`,
      )
    ).rows[0].id;
    const site = async (slug: string) =>
      (
        await db.query(
          `INSERT INTO "Site" (id, "networkId", slug, name) VALUES (gen_random_uuid(), $1, $2, $2) RETURNING id`,
          [network, slug],
        )
      ).rows[0].id;
    const [a, b] = [await site('a'), await site('b')];
    const user = async (email: string) =>
      (
        await db.query(
          `INSERT INTO "User" (id, email, "passwordHash", name, "updatedAt") VALUES (gen_random_uuid(), $1, 'x', $1, now()) RETURNING id`,
          [email],
        )
      ).rows[0].id;
    const member = async (email: string, role: string, siteId: string | null, invitedTo?: string | null) => {
      const id = await user(email);
      await db.query(
        `INSERT INTO "Membership" (id, "userId", "networkId", "siteId", role) VALUES (gen_random_uuid(), $1, $2, $3, $4)`,
        [id, network, siteId, role],
      );
      if (invitedTo !== undefined) {
        await db.query(
          `INSERT INTO "Invitation" (id, "networkId", email, role, "siteId", "tokenHash", "invitedById", "expiresAt", "acceptedAt", "acceptedById")
           VALUES (gen_random_uuid(), $1, $2, $3, $4, $2, $5, now() + interval '1 day', now(), $5)`,
          [network, email, role, invitedTo, id],
        );
      }
      return id;
    };
    const invitedToA = await member('invited@x', 'PATIENT_PARTNER', a, a);
    const invitedToAMovedToB = await member('moved@x', 'FAMILY_MEMBER', b, a);
    const invitedWithoutSite = await member('chose@x', 'RESEARCHER', a, null);
    const seededOrAssigned = await member('assigned@x', 'PATIENT_PARTNER', b);
    const noSite = await member('none@x', 'FAMILY_MEMBER', null);
    const clinician = await member('clinician@x', 'CLINICIAN', a);
    const lead = await member('lead@x', 'SITE_LEAD', b);

    expect(await migration.applyIt()).toEqual([THIS_MIGRATION]);

    const sites = new Map(
      (await db.query(`SELECT "userId", "siteId" FROM "Membership"`)).rows.map((row) => [row.userId, row.siteId]),
    );
    expect(
      Object.fromEntries(
        [invitedToA, invitedToAMovedToB, invitedWithoutSite, seededOrAssigned, noSite, clinician, lead].map((id) => [
          id,
          sites.get(id),
        ]),
      ),
    ).toEqual({
      [invitedToA]: a,
      [invitedToAMovedToB]: null,
      [invitedWithoutSite]: null,
      [seededOrAssigned]: null,
      [noSite]: null,
      [clinician]: a,
      [lead]: b,
    });
    const requests = (
      await db.query(`SELECT "userId", "siteId", status::text, "answeredById" FROM "SiteRequest" ORDER BY "userId"`)
    ).rows;
    expect(requests).toEqual(
      expect.arrayContaining([
        { userId: invitedToAMovedToB, siteId: b, status: 'PENDING', answeredById: null },
        { userId: invitedWithoutSite, siteId: a, status: 'PENDING', answeredById: null },
        { userId: seededOrAssigned, siteId: b, status: 'PENDING', answeredById: null },
      ]),
    );
    expect(requests).toHaveLength(3);
  });

  it('allows one pending request per member and network', async () => {
    const { rows } = await db.query(
      `SELECT "networkId", "siteId", "userId" FROM "SiteRequest" WHERE status = 'PENDING' LIMIT 1`,
    );
    const [pending] = rows;
    await expect(
      db.query(
        `INSERT INTO "SiteRequest" (id, "networkId", "siteId", "userId") VALUES (gen_random_uuid(), $1, $2, $3)`,
        [pending.networkId, pending.siteId, pending.userId],
      ),
    ).rejects.toThrow(/SiteRequest_one_pending_per_member/);
    await db.query(
      `INSERT INTO "SiteRequest" (id, "networkId", "siteId", "userId", status) VALUES (gen_random_uuid(), $1, $2, $3, 'DECLINED')`,
      [pending.networkId, pending.siteId, pending.userId],
    );
  });
});
