// Issue "Shared aim, monthly measures and SPC charts": chart data for one measure across
// 50 sites × 36 months, and the month submission round trip.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { databaseUrl, graphql, measure, report, startServer, withAdmin } from './lib.mjs';

const SITES = 50;
const MONTHS = 36;
const DEMO = 'demo.commons.test';

// The client's selection (client/src/charts/pages/measure-chart-page.tsx): the network and the
// selected site in full, every site's small multiple lean, the funnels.
export const CHARTS_QUERY = `query($measureId: ID!, $siteId: ID!, $withSite: Boolean!) {
  measureCharts(measureId: $measureId) {
    measure { id key name definition kind direction unit target defaultChart }
    suppressionThreshold
    network { ...series }
    selectedSite: site(siteId: $siteId) @include(if: $withSite) { ...series }
    sites {
      fullyVisible site { id name }
      points { month value excluded phase centre lower upper beyondLimits inLongRun }
      signals { key assessment }
    }
    funnels {
      months fromMonth toMonth target sitesLeftOut
      sites { site { id name } value denominator position95 position998 assessment }
      curve { denominator lower95 upper95 lower998 upper998 }
    }
  }
}
fragment series on SeriesChart {
  site { id name }
  fullyVisible chartType
  points {
    month value excluded numerator { value label } denominator { value label }
    phase inBaseline centre lower upper beyondLimits inLongRun
  }
  signals { key phase side length fromMonth toMonth month crossings expectedAtLeast months centre assessment reason }
}`;

const SAVE_QUERY = `mutation($input: SaveMonthReportInput!) {
  saveMonthReport(input: $input) {
    month dueDate
    entries { measure { id kind } numerator denominator value status version updatedAt updatedByName
      history { version numerator denominator value status reason changedByName changedAt } }
  }
}`;

const monthKey = (date) => `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
const addMonths = (key, n) => {
  const [y, m] = key.split('-').map(Number);
  return monthKey(new Date(Date.UTC(y, m - 1 + n, 1)));
};

/**
 * Grows the seeded demo network to 50 sites with 36 submitted months of its remission measure
 * (bulk SQL): the network starts 36 months ago; site sizes range from 6 to 120 patients a month,
 * so other sites' small counts are suppressed for a patient partner.
 */
export async function growDemoNetwork(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const {
      rows: [network],
    } = await client.query(`SELECT id FROM "Network" WHERE slug = 'northstar-ibd'`);
    const {
      rows: [remission],
    } = await client.query(`SELECT id FROM "Measure" WHERE "networkId" = $1 AND key = 'remission'`, [network.id]);
    const {
      rows: [admin],
    } = await client.query(`SELECT id FROM "User" WHERE email = $1`, [`admin@${DEMO}`]);
    const current = monthKey(new Date());
    const first = addMonths(current, -MONTHS);
    await client.query(`UPDATE "Network" SET "startedOn" = $2::date WHERE id = $1`, [network.id, `${first}-01`]);
    const extra = Array.from({ length: SITES - 8 }, (_, i) => ({
      id: randomUUID(),
      slug: `bench-site-${i}`,
      name: `Bench Site ${String(i).padStart(2, '0')}`,
    }));
    await client.query(
      `INSERT INTO "Site" (id, "networkId", slug, name, city)
       SELECT s.id::uuid, $1::uuid, s.slug, s.name, 'Benchville' FROM json_to_recordset($2::json) AS s(id text, slug text, name text)`,
      [network.id, JSON.stringify(extra)],
    );
    const { rows: sites } = await client.query(`SELECT id FROM "Site" WHERE "networkId" = $1 ORDER BY name`, [
      network.id,
    ]);
    await client.query(`DELETE FROM "MeasureReport" WHERE "measureId" = $1`, [remission.id]);
    const reports = [];
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    sites.forEach((site, s) => {
      const size = 6 + ((s * 37) % 115);
      for (let m = 0; m < MONTHS; m += 1) {
        const denominator = Math.max(1, Math.round(size * (0.8 + rand() * 0.4)));
        const p = 0.55 + (s % 5) * 0.03 + (s % 4 === 0 && m >= 18 ? 0.15 : 0);
        const numerator = Math.min(denominator, Math.round(denominator * (p + (rand() - 0.5) * 0.1)));
        reports.push({ id: randomUUID(), siteId: site.id, month: addMonths(first, m), numerator, denominator });
      }
    });
    await client.query(
      `INSERT INTO "MeasureReport" (id, "networkId", "siteId", "measureId", month, numerator, denominator, status, version, "submittedAt", "updatedAt", "updatedById")
       SELECT r.id::uuid, $1::uuid, r."siteId"::uuid, $2::uuid, r.month, r.numerator, r.denominator, 'SUBMITTED', 1, now(), now(), $3::uuid
       FROM json_to_recordset($4::json) AS r(id text, "siteId" text, month text, numerator int, denominator int)`,
      [network.id, remission.id, admin.id, JSON.stringify(reports)],
    );
    await client.query(
      `INSERT INTO "MeasureReportRevision" (id, "reportId", version, numerator, denominator, status, "changedById", "changedAt")
       SELECT gen_random_uuid(), id, 1, numerator, denominator, status, "updatedById", now() FROM "MeasureReport" WHERE "measureId" = $1`,
      [remission.id],
    );
    await client.query('ANALYZE');
    const {
      rows: [partner],
    } = await client.query(
      `SELECT m."siteId" FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE u.email = $1 AND m."networkId" = $2`,
      [`patient@${DEMO}`, network.id],
    );
    return { networkId: network.id, measureId: remission.id, reports: reports.length, partnerSiteId: partner.siteId };
  } finally {
    await client.end();
  }
}

export async function signIn(url, email) {
  const { cookie } = await graphql(
    url,
    `
      mutation ($email: String!) {
        signIn(input: { email: $email, password: "demo-password" }) {
          id
        }
      }
    `,
    { email },
  );
  return cookie;
}

/** `npm run bench charts`: measureCharts for one measure, 50 sites × 36 months, full selection. */
export async function benchCharts() {
  await withGrownDemo(async ({ server, databaseUrl: url, networkId, measureId, reports, partnerSiteId }) => {
    const admin = await signIn(server.url, `admin@${DEMO}`);
    const partner = await signIn(server.url, `patient@${DEMO}`);
    // As the page asks: an admin (no own site) sees the network; a partner also gets her own site in full.
    const variablesFor = {
      admin: { measureId, siteId: '', withSite: false },
      partner: { measureId, siteId: partnerSiteId, withSite: true },
    };
    const sample = await graphql(server.url, CHARTS_QUERY, variablesFor.partner, partner);
    const bytes = JSON.stringify(sample.body).length;
    const suppressed = sample.body.data.measureCharts.sites
      .flatMap((s) => s.points)
      .filter((p) => p.excluded === 'SUPPRESSED').length;
    console.log(
      `  ${SITES} sites × ${MONTHS} months (${reports} reports); response ${(bytes / 1024).toFixed(0)} KB; ${suppressed} points suppressed for the patient partner; network ${networkId}`,
    );
    for (const [who, cookie, variables] of [
      ['admin, no suppression', admin, variablesFor.admin],
      ['patient partner, suppressed', partner, variablesFor.partner],
    ]) {
      for (const concurrency of [1, 4]) {
        const figures = await measure({
          total: 300,
          concurrency,
          warmup: 30,
          request: () => graphql(server.url, CHARTS_QUERY, variables, cookie),
        });
        report(`measureCharts, ${who}, ${concurrency} client${concurrency > 1 ? 's' : ''}`, figures);
      }
    }
    // The same after every request's data changed: each request first touches a report, so the
    // server recomputes (the figures include that UPDATE, about a millisecond).
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      const touch = () =>
        db.query(
          `UPDATE "MeasureReport" SET "updatedAt" = now() WHERE id = (SELECT id FROM "MeasureReport" WHERE "measureId" = $1 LIMIT 1)`,
          [measureId],
        );
      for (const [who, cookie, variables] of [
        ['admin', admin, variablesFor.admin],
        ['patient partner', partner, variablesFor.partner],
      ]) {
        const figures = await measure({
          total: 200,
          concurrency: 1,
          warmup: 20,
          request: async () => (await touch(), graphql(server.url, CHARTS_QUERY, variables, cookie)),
        });
        report(`measureCharts, ${who}, 1 client, recomputed (a report changed before each)`, figures);
      }
    } finally {
      await db.end();
    }
  });
}

/** `npm run bench report`: saveMonthReport of all 6 measures for one site and month, each save a change. */
export async function benchReport() {
  await withGrownDemo(async ({ server, networkId }) => {
    const lead = await signIn(server.url, `sitelead@${DEMO}`);
    const { body: me } = await graphql(
      server.url,
      `
        {
          me {
            memberships {
              site {
                id
              }
              network {
                id
              }
            }
          }
        }
      `,
      {},
      lead,
    );
    const siteId = me.data.me.memberships.find((m) => m.network.id === networkId).site.id;
    const month = addMonths(monthKey(new Date()), -2);
    const { body: form } = await graphql(
      server.url,
      `
        query ($n: ID!, $s: ID!, $m: String!) {
          monthReport(networkId: $n, siteId: $s, month: $m) {
            entries {
              measure {
                id
                kind
              }
              version
            }
          }
        }
      `,
      { n: networkId, s: siteId, m: month },
      lead,
    );
    let entries = form.data.monthReport.entries;
    let turn = 0;
    const values = (kind, odd) => {
      const bump = odd ? 1 : 0;
      if (kind === 'PROPORTION') return { numerator: 30 + bump, denominator: 60 };
      if (kind === 'RATE') return { numerator: 2 + bump, denominator: 240 };
      if (kind === 'MEAN') return { denominator: 9, value: 14.5 + bump };
      return { value: 5 + bump };
    };
    const save = async () => {
      turn += 1;
      const input = {
        networkId,
        siteId,
        month,
        submit: true,
        reason: `Benchmark correction ${turn}`,
        entries: entries.map((e) => ({
          measureId: e.measure.id,
          expectedVersion: e.version,
          ...values(e.measure.kind, turn % 2 === 1),
        })),
      };
      const { body } = await graphql(server.url, SAVE_QUERY, { input }, lead);
      entries = body.data.saveMonthReport.entries;
    };
    report(
      `saveMonthReport, 6 measures, each save a revision`,
      await measure({ total: 300, concurrency: 1, warmup: 20, request: save }),
    );
    // The form's response carries every revision: this month now has hundreds of them.
    report(
      `  the next 100 saves (${turn}+ revisions per measure)`,
      await measure({ total: 100, concurrency: 1, warmup: 0, request: save }),
    );
  });
}

export async function withGrownDemo(work) {
  const name = `commons_bench_measures_${Date.now()}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
  // As the Docker image runs it: graphql-js checks every type in development mode.
  const server = await startServer({
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl(name),
    DATABASE_POOL_SIZE: '10',
    SEED_DEMO: 'true',
  });
  try {
    const grown = await growDemoNetwork(databaseUrl(name));
    await work({ server, databaseUrl: databaseUrl(name), ...grown });
  } finally {
    await server.stop();
    await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
}
