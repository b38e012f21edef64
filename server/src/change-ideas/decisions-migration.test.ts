import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseBeforeMigration, databaseBeforeMigration } from '../test-support/migration-database';

const THIS_MIGRATION = '20261205500000_decisions';

/**
 * What the migration that makes decisions wait for confirmations does to the decisions already
 * recorded: they took effect, their recorder confirmed them, and the others named in them were
 * never asked (NAMED, not CONFIRMED). Then the database itself allows one pending decision per idea.
 */
describe(`migration ${THIS_MIGRATION} on a database with decisions`, () => {
  let migration: DatabaseBeforeMigration;
  let db: pg.Client;
  let ideaId: string;

  beforeAll(async () => {
    migration = await databaseBeforeMigration(THIS_MIGRATION);
    db = migration.db;
  });
  afterAll(() => migration?.drop());

  it('keeps recorded decisions as taken, confirmed by their recorder and NAMED for everyone else', async () => {
    const network = (
      await db.query(
        `INSERT INTO "Network" (id, slug, name, "startedOn") VALUES (gen_random_uuid(), 'n', 'N', '2024-01-01') RETURNING id`,
      )
    ).rows[0].id;
    const user = async (email: string) =>
      (
        await db.query(
          `INSERT INTO "User" (id, email, "passwordHash", name, "updatedAt") VALUES (gen_random_uuid(), $1, 'x', $1, now()) RETURNING id`,
          [email],
        )
      ).rows[0].id;
    const [recorder, named] = [await user('recorder@x'), await user('named@x')];
    ideaId = (
      await db.query(
        `INSERT INTO "ChangeIdea" (id, "networkId", title, "proposerId", status) VALUES (gen_random_uuid(), $1, 'Idea', $2, 'CO_DESIGN') RETURNING id`,
        [network, recorder],
      )
    ).rows[0].id;
    const decidedAt = new Date('2025-06-01T10:00:00Z');
    const decision = (
      await db.query(
        `INSERT INTO "ChangeIdeaDecision" (id, "ideaId", "fromStatus", "toStatus", decision, "decidedById", "decidedAt") VALUES (gen_random_uuid(), $1, 'PROPOSED', 'CO_DESIGN', 'Go', $2, $3) RETURNING id`,
        [ideaId, recorder, decidedAt],
      )
    ).rows[0].id;
    await db.query(
      `INSERT INTO "ChangeIdeaDecisionParticipant" ("decisionId", "userId", role, "coDesigner") VALUES ($1, $2, 'PATIENT_PARTNER', true), ($1, $3, 'SITE_LEAD', false)`,
      [decision, recorder, named],
    );

    expect(await migration.applyIt()).toEqual([THIS_MIGRATION]);

    const { rows: decisions } = await db.query(
      `SELECT status::text, "proposedAt", "decidedAt", "closedAt", "expiresAt" FROM "ChangeIdeaDecision"`,
    );
    expect(decisions).toEqual([
      { status: 'TAKEN', proposedAt: decidedAt, decidedAt, closedAt: decidedAt, expiresAt: null },
    ]);
    const { rows: answers } = await db.query(
      `SELECT "userId", answer::text, "answeredAt" FROM "ChangeIdeaDecisionParticipant" ORDER BY answer`,
    );
    expect(answers).toEqual([
      { userId: recorder, answer: 'CONFIRMED', answeredAt: decidedAt },
      { userId: named, answer: 'NAMED', answeredAt: null },
    ]);
  });

  it('allows one pending decision per idea, and a pending decision must know when it expires', async () => {
    const { rows } = await db.query(`SELECT "decidedById" FROM "ChangeIdeaDecision" LIMIT 1`);
    const pending = (by: string) =>
      db.query(
        `INSERT INTO "ChangeIdeaDecision" (id, "ideaId", "fromStatus", "toStatus", decision, "decidedById", "expiresAt") VALUES (gen_random_uuid(), $1, 'CO_DESIGN', 'TESTING', 'Test', $2, now() + interval '1 day')`,
        [ideaId, by],
      );
    await pending(rows[0].decidedById);
    await expect(pending(rows[0].decidedById)).rejects.toThrow(/ChangeIdeaDecision_one_pending_per_idea/);
    await expect(
      db.query(
        `INSERT INTO "ChangeIdeaDecision" (id, "ideaId", "fromStatus", "toStatus", decision, "decidedById", status) VALUES (gen_random_uuid(), $1, 'CO_DESIGN', 'TESTING', 'x', $2, 'DECLINED')`,
        [ideaId, rows[0].decidedById],
      ),
    ).resolves.toBeTruthy();
    await expect(
      db.query(
        `INSERT INTO "ChangeIdeaDecision" (id, "ideaId", "fromStatus", "toStatus", decision, "decidedById") VALUES (gen_random_uuid(), $1, 'CO_DESIGN', 'TESTING', 'x', $2)`,
        [ideaId, rows[0].decidedById],
      ),
    ).rejects.toThrow(/ChangeIdeaDecision_pending_expires/);
  });
});
