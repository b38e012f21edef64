// Issue "Email that brings people back": the daily digest for 10,000 members with 20 unread
// notifications each. The built server sends through a local SMTP server (smtp-server, in this
// process); the digest job is queued with pg-boss as its daily schedule would. Reports the time
// to build and queue every digest (all EmailMessage rows written) and the delivery rate.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { SMTPServer } from 'smtp-server';
import { databaseUrl, report, startServer, withAdmin } from './lib.mjs';

const MEMBERS = Number(process.env.BENCH_DIGEST_MEMBERS ?? 10_000);
const PER_MEMBER = Number(process.env.BENCH_DIGEST_NOTIFICATIONS ?? 20);
const CONCURRENCY = process.env.BENCH_MAIL_CONCURRENCY ?? '8';
const KINDS = ['MENTION', 'REPLY', 'IDEA_DECISION', 'PDSA_AT_SITE', 'PROPOSAL_OPENED'];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function seed(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const {
      rows: [network],
    } = await client.query(`SELECT id FROM "Network" WHERE slug = 'northstar-ibd'`);
    const { rows: sites } = await client.query(`SELECT id FROM "Site" WHERE "networkId" = $1`, [network.id]);
    const {
      rows: [hash],
    } = await client.query(`SELECT "passwordHash" FROM "User" LIMIT 1`);
    const ideas = Array.from({ length: 40 }, (_, i) => ({
      id: randomUUID(),
      title: `Change idea ${i + 1}: pre-visit planning, variant ${i}`,
    }));
    const resources = Array.from({ length: 20 }, (_, i) => ({
      id: randomUUID(),
      title: `Resource ${i + 1}: transition checklist`,
    }));
    for (let start = 0; start < MEMBERS; start += 1000) {
      const people = Array.from({ length: Math.min(1000, MEMBERS - start) }, (_, j) => {
        const i = start + j;
        return {
          id: randomUUID(),
          email: `digest-${i}@bench.test`,
          name: `Digest Member ${i}`,
          site: sites[i % sites.length].id,
          locale: i % 3 === 0 ? 'sv' : 'en',
        };
      });
      const json = JSON.stringify(people);
      await client.query(
        `INSERT INTO "User" (id, email, "passwordHash", name, locale, "updatedAt")
         SELECT p.id::uuid, p.email, $2, p.name, p.locale, now() FROM json_to_recordset($1::json) AS p(id text, email text, name text, locale text)`,
        [json, hash.passwordHash],
      );
      await client.query(
        `INSERT INTO "Membership" (id, "userId", "networkId", "siteId", role)
         SELECT gen_random_uuid(), p.id::uuid, $2::uuid, p.site::uuid, 'CLINICIAN' FROM json_to_recordset($1::json) AS p(id text, site text)`,
        [json, network.id],
      );
      await client.query(
        `INSERT INTO "NotificationPreference" ("userId", kind, "inApp", email, "emailFrequency")
         SELECT p.id::uuid, k.kind::"NotificationKind", true, true, 'DAILY' FROM json_to_recordset($1::json) AS p(id text), unnest($2::text[]) AS k(kind)`,
        [json, KINDS],
      );
      const notifications = [];
      for (const person of people) {
        for (let n = 0; n < PER_MEMBER; n += 1) {
          const idea = ideas[(n * 7 + person.email.length) % ideas.length];
          const resource = resources[n % resources.length];
          const kind = KINDS[n % KINDS.length];
          const onResource = kind === 'REPLY';
          const subjectType =
            kind === 'MENTION' || kind === 'REPLY' ? 'MESSAGE' : kind === 'PDSA_AT_SITE' ? 'PDSA_CYCLE' : 'CHANGE_IDEA';
          const payload =
            subjectType === 'MESSAGE'
              ? {
                  threadSubjectType: onResource ? 'RESOURCE' : 'CHANGE_IDEA',
                  threadSubjectId: onResource ? resource.id : idea.id,
                  subjectTitle: onResource ? resource.title : idea.title,
                  messageId: randomUUID(),
                  excerpt: 'Could we try this at our clinic next month?',
                  actorName: 'Lena Lead',
                }
              : {
                  ideaId: idea.id,
                  ideaTitle: idea.title,
                  decision: 'Move to testing',
                  title: 'Cycle 2',
                  actorName: 'Lena Lead',
                };
          notifications.push({
            userId: person.id,
            kind,
            subjectType,
            subjectId: subjectType === 'MESSAGE' ? payload.messageId : idea.id,
            payload,
          });
        }
      }
      await client.query(
        `INSERT INTO "Notification" (id, "userId", "networkId", kind, "subjectType", "subjectId", payload)
         SELECT gen_random_uuid(), n."userId"::uuid, $2::uuid, n.kind::"NotificationKind", n."subjectType"::"NotificationSubjectType", n."subjectId"::uuid, n.payload
         FROM json_to_recordset($1::json) AS n("userId" text, kind text, "subjectType" text, "subjectId" text, payload json)`,
        [JSON.stringify(notifications), network.id],
      );
    }
  } finally {
    await client.end();
  }
}

export async function benchDigest() {
  let received = 0;
  let firstAt = 0;
  let lastAt = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        received += 1;
        lastAt = performance.now();
        firstAt ||= lastAt;
        callback();
      });
    },
  });
  await new Promise((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const smtpPort = smtp.server.address().port;
  const name = `commons_bench_digest_${Date.now().toString(36)}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = databaseUrl(name);
  const server = await startServer({
    DATABASE_URL: url,
    SEED_DEMO: 'true',
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}?pool=true&maxConnections=${CONCURRENCY}`,
    MAIL_CONCURRENCY: CONCURRENCY,
    MAIL_POLL_SECONDS: '0.5',
  });
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const boss = new PgBoss({ connectionString: url, schema: 'pgboss', max: 2 });
  try {
    const seeded = performance.now();
    await seed(url);
    console.log(
      `digest: seeded ${MEMBERS} members × ${PER_MEMBER} unread notifications in ${((performance.now() - seeded) / 1000).toFixed(1)} s (load ${os.loadavg()[0].toFixed(2)})`,
    );
    const before = Number((await db.query(`SELECT count(*) FROM "EmailMessage"`)).rows[0].count);
    const sentBefore = received;
    await boss.start();
    const started = performance.now();
    await boss.send('mail-digest-daily', {});
    let queuedMs = null;
    for (;;) {
      const {
        rows: [row],
      } = await db.query(`SELECT count(*) FILTER (WHERE kind = 'DIGEST_DAILY') AS queued FROM "EmailMessage"`);
      if (queuedMs === null && Number(row.queued) >= MEMBERS) queuedMs = performance.now() - started;
      if (received - sentBefore >= MEMBERS) break;
      if (performance.now() - started > 30 * 60_000)
        throw new Error(`only ${received - sentBefore} of ${MEMBERS} digests arrived in 30 min`);
      await sleep(200);
    }
    const deliveredMs = lastAt - started;
    report('digest: build + queue 10,000 daily digests', {
      members: MEMBERS,
      notifications: MEMBERS * PER_MEMBER,
      seconds: queuedMs / 1000,
      perSecond: MEMBERS / (queuedMs / 1000),
    });
    report('digest: delivered to the local SMTP server', {
      messages: received - sentBefore,
      secondsFromJob: deliveredMs / 1000,
      perSecondOverall: (received - sentBefore) / (deliveredMs / 1000),
      perSecondWhileSending: (received - sentBefore) / ((lastAt - firstAt) / 1000),
      concurrency: Number(CONCURRENCY),
    });
    const { rows: statuses } = await db.query(
      `SELECT status, count(*)::int AS n FROM "EmailMessage" WHERE kind = 'DIGEST_DAILY' GROUP BY status`,
    );
    console.log(
      `digest: rows by status ${statuses.map((s) => `${s.status}=${s.n}`).join(' ')}; emails before ${before}; machine load ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    await boss.stop({ graceful: false, wait: false }).catch(() => {});
    await db.end();
    await server.stop();
    await new Promise((resolve) => smtp.close(resolve));
    await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
}
