// Issue "Foundation": cold start of the embedded default, and `me` / directory latency over 1,000 members.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { databaseUrl, graphql, measure, report, startServer, withAdmin } from './lib.mjs';

const INTERESTS = [
  'nutrition',
  'school support',
  'biologics',
  'qi methods',
  'mental health',
  'transition to adult care',
  'peer support',
  'data quality',
];
const ROLES = ['PATIENT_PARTNER', 'FAMILY_MEMBER', 'CLINICIAN', 'RESEARCHER', 'SITE_LEAD'];

/**
 * `npm run bench -- start`: the embedded default as a newcomer meets it. Cold start (empty
 * DATA_DIR: initdb, migrations, demo seed) and warm restart, to /readyz, several runs each; then
 * the directory and a resource page from 20 concurrent clients on that embedded database.
 */
export async function benchStart() {
  const runs = Number(process.env.BENCH_START_RUNS ?? 5);
  const cold = [];
  const warm = [];
  const folders = [];
  let server = null;
  try {
    for (let run = 0; run < runs; run += 1) {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'commons-bench-'));
      folders.push(dataDir);
      const first = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '' });
      cold.push(first.readyMs);
      await first.stop();
      // One member asks for thousands of pages below: each is to come with its answers and drawn,
      // as a member's page does at a person's pace (ANSWERED_PAGES_PER_MINUTE).
      server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '', ANSWERED_PAGES_PER_MINUTE: '1000000' });
      warm.push(server.readyMs);
      if (run < runs - 1) await server.stop();
    }
    report(`start to /readyz, embedded, cold (${runs} runs)`, spread(cold));
    report(`start to /readyz, embedded, warm (${runs} runs)`, spread(warm));
    await embeddedPages(server.url);
  } finally {
    await server?.stop();
    for (const folder of folders) await rm(folder, { recursive: true, force: true });
  }
}

const spread = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0], median: sorted[Math.floor(sorted.length / 2)], max: sorted.at(-1) };
};

/** The directory and a resource page, 20 clients at once; every answer must be data. */
async function embeddedPages(url) {
  const { cookie } = await graphql(
    url,
    `
      mutation {
        signIn(input: { email: "clinician@demo.commons.test", password: "demo-password" }) {
          id
        }
      }
    `,
  );
  const { body } = await graphql(
    url,
    `
      {
        me {
          memberships {
            network {
              id
              slug
            }
          }
        }
      }
    `,
    {},
    cookie,
  );
  const { id: networkId, slug } = body.data.me.memberships[0].network;
  const found = await graphql(
    url,
    `
      query ($n: ID!) {
        search(networkId: $n, query: "", first: 20) {
          nodes {
            id
          }
        }
      }
    `,
    { n: networkId },
    cookie,
  );
  const resources = found.body.data.search.nodes.map((node) => node.id);
  const directory = `query($n: ID!) { members(networkId: $n, first: 25) { totalCount nodes { userId name role interests site { name } } pageInfo { hasNextPage endCursor } } }`;
  const lineage = 'id parentId depth title kind useCount site { id name } author { userId name }';
  const page = `query($id: ID!) { resource(id: $id) { id title bodyHtml viewerCanEdit useCount attachments { id } uses { site { id } }
    lineage { ancestors { ${lineage} } descendants { ${lineage} } } history { version editedAt } } }`;
  // A signed-in page as the browser first asks for it: the app's HTML with the answers to its
  // start-up queries inside (server/src/web/start-data.ts), and the page drawn with them when the
  // client's build for the server is there (server/src/web/page-drawing.ts); a resource's adds its
  // own first query, her home the queries of her cards.
  const html = (address) => async () => {
    const response = await fetch(`${url}${address}`, { headers: { cookie, accept: 'text/html' } });
    const text = await response.text();
    if (!response.ok) throw new Error(`${address}: ${response.status}`);
    if (!text.includes('id="commons-start-data"')) throw new Error(`${address}: without its answers`);
  };
  let i = 0;
  for (const [name, request] of [
    ['signed-in page HTML, the commons (who she is, the network)', html(`/n/${slug}/commons`)],
    ['signed-in page HTML, her home (and the queries of her cards)', html(`/n/${slug}`)],
    [
      "signed-in page HTML, a resource (and the resource's own query)",
      () => html(`/n/${slug}/commons/${resources[i++ % resources.length]}`)(),
    ],
    ['directory, first page of 25', () => graphql(url, directory, { n: networkId }, cookie)],
    [
      'resource page with lineage and history',
      () => graphql(url, page, { id: resources[i++ % resources.length] }, cookie),
    ],
  ]) {
    let errors = 0;
    const counted = () => request().catch(() => (errors += 1));
    report(`${name}, embedded (20 clients)`, {
      ...(await measure({ total: 2000, concurrency: 20, request: counted })),
      errors,
    });
  }
  // One member opening pages with pauses, as on a quiet network: pg used to close connections idle
  // for 10 s, so each page after a pause waited for new ones.
  const quietRuns = Number(process.env.BENCH_QUIET_RUNS ?? 5);
  for (const [name, pauseMs] of [
    ['a resource page right after another', 0],
    ['a resource page after a quiet spell of 11 s', 11_000],
  ]) {
    const latencies = [];
    for (let run = 0; run < quietRuns; run += 1) {
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
      const t0 = performance.now();
      await html(`/n/${slug}/commons/${resources[i++ % resources.length]}`)();
      latencies.push(performance.now() - t0);
    }
    report(`${name}, embedded (one member)`, spread(latencies));
  }
}

/** Adds `count` more members (bulk SQL) to the seeded demo network. */
async function addMembers(url, count) {
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
    const users = [];
    const memberships = [];
    for (let i = 0; i < count; i += 1) {
      const id = randomUUID();
      users.push([
        id,
        `bench-${i}@bench.test`,
        hash.passwordHash,
        `Bench Member ${String(i).padStart(4, '0')}`,
        [INTERESTS[i % 8], INTERESTS[(i * 3 + 1) % 8]],
      ]);
      memberships.push([randomUUID(), id, network.id, sites[i % sites.length].id, ROLES[i % ROLES.length]]);
    }
    await client.query(
      `INSERT INTO "User" (id, email, "passwordHash", name, interests, "updatedAt")
       SELECT u.id::uuid, u.email, u.hash, u.name, ARRAY(SELECT json_array_elements_text(u.interests)), now()
       FROM json_to_recordset($1::json) AS u(id text, email text, hash text, name text, interests json)`,
      [
        JSON.stringify(
          users.map(([id, email, hash2, name, interests]) => ({ id, email, hash: hash2, name, interests })),
        ),
      ],
    );
    await client.query(
      `INSERT INTO "Membership" (id, "userId", "networkId", "siteId", role)
       SELECT m.id::uuid, m.uid::uuid, m.nid::uuid, m.sid::uuid, m.role::"Role"
       FROM json_to_recordset($1::json) AS m(id text, uid text, nid text, sid text, role text)`,
      [JSON.stringify(memberships.map(([id, uid, nid, sid, role]) => ({ id, uid, nid, sid, role })))],
    );
    return network.id;
  } finally {
    await client.end();
  }
}

export async function benchDirectory() {
  const name = `commons_bench_${Date.now()}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
  const server = await startServer({ DATABASE_URL: databaseUrl(name), DATABASE_POOL_SIZE: '10' });
  try {
    const networkId = await addMembers(databaseUrl(name), 940);
    const { cookie } = await graphql(
      server.url,
      `
        mutation {
          signIn(input: { email: "patient@demo.commons.test", password: "demo-password" }) {
            id
          }
        }
      `,
    );
    const total = await graphql(
      server.url,
      `
        query ($n: ID!) {
          members(networkId: $n) {
            totalCount
          }
        }
      `,
      { n: networkId },
      cookie,
    );
    const members = total.body.data.members.totalCount;
    const me = `{ me { id name interests memberships { role network { slug name } site { name } } } }`;
    const directory = `query($n: ID!, $f: DirectoryFilter) { members(networkId: $n, first: 25, filter: $f) {
      totalCount nodes { userId name pronouns role interests sharedInterests site { name } } pageInfo { hasNextPage endCursor } } }`;
    let i = 0;
    const filters = [{ role: 'CLINICIAN' }, { interest: 'nutrition' }, { search: 'member 04' }, { likeMe: true }];
    for (const concurrency of [1, 10]) {
      const opts = { total: concurrency === 1 ? 500 : 2000, concurrency };
      const clients = `${concurrency} client${concurrency > 1 ? 's' : ''}`;
      report(
        `me query (${members} members, ${clients})`,
        await measure({ ...opts, request: () => graphql(server.url, me, {}, cookie) }),
      );
      report(
        `directory, first page of 25 (${clients})`,
        await measure({ ...opts, request: () => graphql(server.url, directory, { n: networkId }, cookie) }),
      );
      report(
        `directory, filtered (${clients})`,
        await measure({
          ...opts,
          request: () => graphql(server.url, directory, { n: networkId, f: filters[i++ % 4] }, cookie),
        }),
      );
    }
  } finally {
    await server.stop();
    await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
}
