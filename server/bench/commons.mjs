// Issue "The commons": search over a generated commons of 100,000 resources, through GraphQL at
// 20 concurrent clients (as-you-type prefixes included), and the same search SQL straight
// through `pg` at the same concurrency, to show what our stack adds.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import pg from 'pg';
import { databaseUrl, graphql, percentiles, startServer, withAdmin } from './lib.mjs';
import { signIn } from './measures.mjs';

const require = createRequire(import.meta.url);
const { DEMO_RESOURCES } = require('../dist/demo/demo-resource-data.js');
const { markdownText } = require('../dist/platform/markdown/markdown.js');
const { vocabularyOf } = require('../dist/search/search-engine.js');
const { PostgresSearchEngine } = require('../dist/search/postgres-search.engine.js');
const { searchFilterSchema } = require('@commons/shared');

const RESOURCES = Number(process.env.BENCH_RESOURCES ?? 100_000);
const AUTHORS = 2_000;
const SITES = 50;
const CLIENTS = 20;
const DEMO = 'demo.commons.test';
/** Requests per timed run; sessions repeat until it is reached. */
const TOTAL = Number(process.env.BENCH_SEARCH_REQUESTS ?? 3_000);
/** Turns GraphQL and SQL take at the closed-loop load. */
const ROUNDS = 3;

export const SEARCH_QUERY = `query($networkId: ID!, $query: String!, $filter: SearchFilterInput, $sort: SearchSort, $first: Int) {
  search(networkId: $networkId, query: $query, filter: $filter, sort: $sort, first: $first) {
    totalCount exactCounts
    pageInfo { hasNextPage endCursor }
    nodes {
      type id score
      title { text match }
      snippet { text match }
      resource { id kind title summary tags audiences createdAt useCount helpfulCount author { name } site { name } }
    }
    facets {
      kinds { value count label } tags { value count label } audiences { value count label }
      sites { value count label } authors { value count label }
    }
  }
}`;

// ---- The generated commons ----------------------------------------------------------------------

/** What a paediatric IBD network's resources are about: a title phrase and its tag. */
const TOPICS = [
  ['Flare', 'flare'],
  ['Exclusive enteral nutrition', 'exclusive enteral nutrition'],
  ['Transition to adult care', 'transition'],
  ['School attendance', 'school'],
  ['Steroid-free remission', 'remission'],
  ['Infliximab trough levels', 'therapeutic drug monitoring'],
  ['Adalimumab injections', 'injections'],
  ['Calprotectin home testing', 'calprotectin'],
  ['Bowel preparation for colonoscopy', 'colonoscopy'],
  ['MRI enterography', 'mri'],
  ['Iron deficiency anaemia', 'anaemia'],
  ['Growth and puberty', 'growth'],
  ['Bone health and vitamin D', 'bone health'],
  ['Vaccination before biologics', 'vaccination'],
  ['Fatigue', 'fatigue'],
  ['Anxiety and low mood', 'mental health'],
  ['Sleep', 'sleep'],
  ['Pain management', 'pain'],
  ['Perianal disease', 'perianal disease'],
  ['Acute severe colitis', 'acute severe colitis'],
  ['Pre-visit planning', 'pre-visit planning'],
  ['Population management', 'population management'],
  ['Registry data quality', 'data quality'],
  ['Shared decision making about biologics', 'shared decision making'],
  ['Self-management', 'self-management'],
  ["Diet and Crohn's disease", 'diet'],
  ['Toilet access at school', 'toilet access'],
  ['Sport and exercise', 'sport'],
  ['Travel with IBD', 'travel'],
  ['Stoma care', 'stoma'],
  ['Hospital stay', 'hospital stay'],
  ['New diagnosis', 'new diagnosis'],
  ['Peer support', 'peer support'],
  ['Psychosocial screening', 'screening'],
  ['Siblings', 'siblings'],
  ['Needle fear', 'needle fear'],
  ['Home infusions', 'infusions'],
  ['Telephone triage', 'triage'],
  ['Video visits', 'telehealth'],
  ['Control charts', 'spc charts'],
  ['Run charts', 'run charts'],
  ['PDSA cycles', 'pdsa'],
  ['Huddles', 'huddle'],
  ['Co-design with patient partners', 'co-design'],
  ['Learning sessions', 'learning session'],
  ['Patient-reported outcomes', 'patient-reported outcomes'],
  ['Quality of life', 'quality of life'],
  ['Prednisolone tapering', 'steroids'],
  ['Thiopurine monitoring', 'immunosuppression'],
  ['Methotrexate', 'medicines'],
  ['Ustekinumab', 'biologics'],
  ['Vedolizumab', 'biologics'],
  ['Ulcerative colitis', 'ulcerative colitis'],
  ["Crohn's disease exclusion diet", 'cded'],
  ['Exams and revision', 'exams'],
  ['University and moving away', 'university'],
  ['Joint adolescent clinic', 'joint clinic'],
  ['Medication adherence', 'adherence'],
  ['Urgency and accidents', 'urgency'],
  ['Blood tests', 'blood tests'],
  ['Endoscopy', 'endoscopy'],
  ['Surgery', 'surgery'],
  ['Nutrition screening', 'nutrition'],
  ['Weight and BMI monitoring', 'growth'],
  ['Readmissions', 'admissions'],
  ['Clinic scheduling', 'scheduling'],
];

/** Title forms per kind; %s is the topic. */
const TITLE_FORMS = {
  TOOL: [
    '%s action plan',
    '%s checklist',
    '%s tracker',
    '%s decision aid',
    '%s symptom diary',
    '%s question prompt list',
    '%s screening tool',
    '%s dashboard',
    '%s calculator',
  ],
  TEMPLATE: [
    '%s letter template',
    '%s care plan template',
    '%s huddle agenda',
    '%s order set',
    '%s clinic note template',
    '%s referral letter',
    '%s consent form',
  ],
  GUIDE: [
    '%s: a guide for families',
    '%s explained for teenagers',
    'Understanding %s',
    '%s: what to expect',
    '%s for school nurses',
    '%s: a practical guide',
  ],
  STORY: ['Our story: %s', 'What helped us with %s', 'Living with %s', '%s, in my own words', "A parent's diary: %s"],
  CHANGE_PACKAGE: ['%s change package', '%s bundle', '%s key driver diagram and changes', 'Spreading %s across sites'],
  DATASET_DESCRIPTION: [
    '%s data dictionary',
    '%s registry extract',
    '%s measures and definitions',
    '%s dataset description',
  ],
};
const KINDS = Object.keys(TITLE_FORMS);
/** Most titles have no qualifier. */
const QUALIFIERS = [
  '',
  '',
  '',
  '',
  '',
  '',
  ' for teenagers',
  ' for parents',
  ' for the clinic team',
  " (St Brigid's adaptation)",
  ' – version 2',
  ' in Swedish',
  ' for under-tens',
  ' for newly diagnosed families',
  ' (Riverside)',
  ' for small sites',
  ' with printable cards',
  ' for night shifts',
];
const FREE_TAGS = [
  'family tips',
  'teenagers',
  'parents',
  'checklist',
  'template',
  'letter',
  'printable',
  'swedish',
  'pilot',
  'qi methods',
  'coproduction',
  'patient story',
  'families',
  'nursing',
  'protocol',
  'pathway',
  'measures',
  'reporting',
  'spreadsheet',
  'video',
  'plain language',
  'youth panel',
];
const ROLES = ['PATIENT_PARTNER', 'FAMILY_MEMBER', 'CLINICIAN', 'RESEARCHER', 'SITE_LEAD', 'NETWORK_ADMIN'];
/** Syllables of the names of people, clinics and places that make a real vocabulary long-tailed. */
const SYLLABLES = [
  'ka',
  'lo',
  'mar',
  'ri',
  'ven',
  'sa',
  'to',
  'bel',
  'ni',
  'dor',
  'ha',
  'lin',
  'ste',
  'vik',
  'an',
  'el',
  'mo',
  'ra',
  'tus',
  'gre',
  'fa',
  'jo',
  'hen',
  'ul',
  'is',
  'brek',
  'sund',
  'ham',
  'ford',
  'quin',
  'zel',
  'ov',
  'ash',
  'wyn',
  'per',
  'ro',
  'ma',
  'li',
  'ber',
  'ta',
];

/** Plain-text lines of the demo commons, written by patients, clinicians and QI teams. */
function demoLines() {
  return [
    ...new Set(DEMO_RESOURCES.flatMap((r) => markdownText(r.body).split('\n')).filter((line) => line.length > 20)),
  ];
}

/**
 * Adds AUTHORS members and SITES sites, then RESOURCES resources in one INSERT … SELECT over
 * generate_series, their first versions, and the search vocabulary. The weighted search vectors
 * are generated columns, so PostgreSQL fills them exactly as for a member's post; the vocabulary
 * is what `addToVocabulary` writes for each post (words of 3-40 letters or digits, lower-cased),
 * computed in SQL and checked against `vocabularyOf` on a sample.
 */
export async function generateCommons(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const {
      rows: [network],
    } = await client.query(`SELECT id FROM "Network" WHERE slug = 'northstar-ibd'`);
    const {
      rows: [admin],
    } = await client.query(`SELECT id, "passwordHash" FROM "User" WHERE email = $1`, [`admin@${DEMO}`]);
    await client.query(
      `INSERT INTO "Site" (id, "networkId", slug, name, city)
       SELECT gen_random_uuid(), $1::uuid, 'bench-site-' || i, 'Bench Children''s Hospital ' || lpad(i::text, 2, '0'), 'Benchville'
       FROM generate_series(1, $2::int) AS i`,
      [network.id, SITES - 8],
    );
    const { rows: siteRows } = await client.query(`SELECT id FROM "Site" WHERE "networkId" = $1 ORDER BY name`, [
      network.id,
    ]);
    await client.query(
      `WITH u AS (
         INSERT INTO "User" (id, email, "passwordHash", name, interests, "updatedAt")
         SELECT gen_random_uuid(), 'bench-' || i || '@bench.test', $2, 'Bench Member ' || lpad(i::text, 4, '0'), ARRAY[]::text[], now()
         FROM generate_series(1, $3::int) AS i
         RETURNING id, email)
       INSERT INTO "Membership" (id, "userId", "networkId", "siteId", role)
       SELECT gen_random_uuid(), u.id, $1::uuid, ($4::uuid[])[1 + (substring(u.email from '[0-9]+')::int % $5::int)],
         ($6::"Role"[])[1 + (substring(u.email from '[0-9]+')::int % 5)]
       FROM u`,
      [network.id, admin.passwordHash, AUTHORS, siteRows.map((s) => s.id), siteRows.length, ROLES.slice(0, 5)],
    );
    const { rows: authorRows } = await client.query(
      `SELECT "userId" AS id FROM "Membership" WHERE "networkId" = $1 ORDER BY "userId"`,
      [network.id],
    );

    // The seeded demo resources are in the vocabulary already.
    const { rows: seeded } = await client.query(`SELECT id FROM "Resource" WHERE "networkId" = $1`, [network.id]);
    const started = performance.now();
    await client.query('SELECT setseed(0.4242)');
    // Authors and sites are drawn with a skew (power of a uniform number): a few post a lot.
    await client.query(
      `INSERT INTO "Resource" (id, "networkId", kind, title, summary, body, "bodyText", tags, audiences, "siteId", "authorId",
         version, "hiddenAt", "hiddenById", "hiddenReason", "helpfulCount", "useCount", "viewCount", "downloadCount", "createdAt", "updatedAt")
       SELECT gen_random_uuid(), $1::uuid, g.kind::"ResourceKind", g.title, g.summary,
         array_to_string(b.lines, E'\\n\\n'), array_to_string(b.lines, E'\\n'),
         ARRAY(SELECT DISTINCT t FROM unnest(ARRAY[g.topic_tag] || ARRAY(
           SELECT ($6::text[])[1 + floor(random() * cardinality($6::text[]))::int] FROM generate_series(1, g.i % 4))) AS t),
         ARRAY(SELECT r FROM unnest($7::"Role"[]) AS r WHERE random() < 0.3 + 0 * g.i),
         CASE WHEN g.i % 10 = 0 THEN NULL ELSE ($8::uuid[])[1 + floor(power(random(), 1.6) * cardinality($8::uuid[]))::int] END,
         ($9::uuid[])[1 + floor(power(random(), 2.5) * cardinality($9::uuid[]))::int],
         1,
         CASE WHEN g.i % 200 = 7 THEN g.created + interval '1 day' END, CASE WHEN g.i % 200 = 7 THEN $10::uuid END,
         CASE WHEN g.i % 200 = 7 THEN 'Under review' END,
         floor(-ln(1 - random()) * 2)::int, floor(-ln(1 - random()) * 1.2)::int, floor(-ln(1 - random()) * 40)::int, floor(-ln(1 - random()) * 8)::int,
         g.created, g.created
       FROM (
         SELECT i, k.kind, t.topic_tag,
           format((($3::jsonb) -> k.kind ->> floor(random() * jsonb_array_length(($3::jsonb) -> k.kind))::int), t.topic)
             || ($4::text[])[1 + floor(random() * cardinality($4::text[]))::int] AS title,
           CASE WHEN random() < 0.4 THEN ($5::text[])[1 + floor(random() * cardinality($5::text[]))::int]
             ELSE format('%s for %s: %s', initcap(replace(lower(k.kind), '_', ' ')), lower(t.topic),
               ($11::text[])[1 + floor(random() * cardinality($11::text[]))::int]) END AS summary,
           now() - random() * interval '2000 days' AS created
         FROM generate_series(1, $12::int) AS i,
           LATERAL (SELECT ($2::text[])[1 + floor(power(random(), 1.3) * cardinality($2::text[]))::int + 0 * i] AS kind) k,
           LATERAL (SELECT x.topic, x.topic_tag FROM jsonb_to_recordset($13::jsonb) AS x(topic text, topic_tag text)
                    OFFSET floor(random() * jsonb_array_length($13::jsonb))::int + 0 * i LIMIT 1) t
       ) g,
       LATERAL (SELECT ARRAY(
         SELECT ($11::text[])[1 + floor(random() * cardinality($11::text[]))::int] FROM generate_series(1, 4 + g.i % 13)
       ) || format('Written with the %s family and the team at %s clinic; ask %s if you want to adapt it.',
              initcap(($14::text[])[1 + floor(random() * 40)::int] || ($14::text[])[1 + floor(random() * 40)::int] || ($14::text[])[1 + floor(random() * 40)::int]),
              initcap(($14::text[])[1 + floor(random() * 40)::int] || ($14::text[])[1 + floor(random() * 40)::int]),
              initcap(($14::text[])[1 + floor(random() * 40)::int] || ($14::text[])[1 + floor(random() * 40)::int])) AS lines) b`,
      [
        network.id,
        KINDS,
        JSON.stringify(TITLE_FORMS),
        QUALIFIERS,
        DEMO_RESOURCES.map((r) => r.summary),
        FREE_TAGS,
        ROLES,
        siteRows.map((s) => s.id),
        authorRows.map((a) => a.id),
        admin.id,
        demoLines(),
        RESOURCES,
        JSON.stringify(TOPICS.map(([topic, topic_tag]) => ({ topic, topic_tag }))),
        SYLLABLES,
      ],
    );
    const insertedMs = performance.now() - started;
    await client.query(
      `INSERT INTO "ResourceVersion" (id, "resourceId", version, kind, title, summary, body, tags, audiences, "siteId", license, "changeNote", "editedById", "editedAt")
       SELECT gen_random_uuid(), r.id, 1, r.kind, r.title, r.summary, r.body, r.tags, r.audiences, r."siteId", r.license, '', r."authorId", r."createdAt"
       FROM "Resource" r WHERE r."networkId" = $1 AND NOT EXISTS (SELECT 1 FROM "ResourceVersion" v WHERE v."resourceId" = r.id)`,
      [network.id],
    );
    await client.query(
      `INSERT INTO "SearchWord" ("networkId", word, documents)
       SELECT r."networkId", w, count(DISTINCT r.id)
       FROM "Resource" r,
         regexp_split_to_table(lower(concat_ws(' ', r.title, array_to_string(r.tags, ' '), r.summary, r."bodyText")), '[^[:alnum:]]+') AS w
       WHERE r."networkId" = $1 AND NOT (r.id = ANY($2::uuid[])) AND length(w) BETWEEN 3 AND 40
       GROUP BY 1, 2
       ON CONFLICT ("networkId", word) DO UPDATE SET documents = "SearchWord".documents + EXCLUDED.documents`,
      [network.id, seeded.map((r) => r.id)],
    );
    const generatedMs = performance.now() - started;
    await client.query('VACUUM ANALYZE');
    const { rows: sample } = await client.query(
      `SELECT title, tags, summary, "bodyText" FROM "Resource" WHERE "networkId" = $1 ORDER BY random() LIMIT 500`,
      [network.id],
    );
    const expected = [
      ...new Set(sample.flatMap((r) => vocabularyOf(r.title, r.tags.join(' '), r.summary, r.bodyText))),
    ];
    const {
      rows: [{ missing }],
    } = await client.query(
      `SELECT count(*)::int AS missing FROM unnest($2::text[]) AS w WHERE NOT EXISTS (SELECT 1 FROM "SearchWord" s WHERE s."networkId" = $1 AND s.word = w)`,
      [network.id, expected],
    );
    if (missing > 0)
      throw new Error(
        `${missing} of ${expected.length} words of a sample are not in the vocabulary as addToVocabulary would write them`,
      );
    const {
      rows: [stats],
    } = await client.query(
      `SELECT (SELECT count(*)::int FROM "Resource" WHERE "networkId" = $1) AS resources,
              (SELECT count(*)::int FROM "SearchWord" WHERE "networkId" = $1) AS words,
              (SELECT avg(length("bodyText"))::int FROM "Resource" WHERE "networkId" = $1) AS body,
              pg_size_pretty(pg_total_relation_size('"Resource"')) AS size,
              (SELECT json_object_agg(indexrelname, pg_size_pretty(pg_relation_size(indexrelid))) FROM pg_stat_user_indexes WHERE relname IN ('Resource', 'SearchWord')) AS indexes`,
      [network.id],
    );
    return { networkId: network.id, insertedMs, generatedMs, ...stats };
  } finally {
    await client.end();
  }
}

// ---- The query mix ------------------------------------------------------------------------------

/** The requests of one member typing `text` into the search box: each keystroke from the 2nd character. */
function typed(text) {
  const requests = [];
  const words = text.split(' ');
  for (let w = 0; w < words.length; w += 1) {
    const before = words.slice(0, w).join(' ');
    const word = words[w];
    for (let n = w === 0 ? 2 : 1; n <= word.length; n += 1) {
      // Typists pause after a few letters and when a word is done, not after every key: as-you-type
      // requests are the prefixes of 2-5 characters and each finished word.
      if (n > 5 && n < word.length) continue;
      const query = `${before ? `${before} ` : ''}${word.slice(0, n)}`;
      requests.push({
        query,
        category: n < word.length ? 'prefix' : words.length === 1 || w === 0 ? 'word' : 'two words',
      });
    }
  }
  return requests;
}

/** What members look for: what they type, and sometimes the filter or sort they pick next. */
const SESSIONS = [
  { text: 'remission' },
  { text: 'flare plan', then: { filter: { kinds: ['TOOL'] } } },
  { text: 'transition checklist' },
  { text: 'school letter', then: { filter: { audiences: ['FAMILY_MEMBER'] } } },
  { text: 'calprotectin' },
  { text: 'infliximab trough' },
  { text: 'remision', typo: true },
  { text: 'calprotectn', typo: true },
  { text: 'colonsocopy', typo: true },
  { text: 'transitoin', typo: true },
  { text: 'nutriton', typo: true },
  { text: 'vacination', typo: true },
  { text: 'anxeity', typo: true },
  { text: 'fatigue', then: { sort: 'NEWEST' } },
  { text: 'bowel preparation' },
  { text: 'iron deficiency', then: { filter: { kinds: ['GUIDE'] } } },
  { text: 'exclusive enteral' },
  { text: 'pdsa', then: { filter: { kinds: ['CHANGE_PACKAGE'] } } },
  { text: 'control charts' },
  { text: 'huddle agenda' },
  { text: 'needle fear', then: { filter: { audiences: ['PATIENT_PARTNER'] } } },
  { text: 'data dictionary', then: { filter: { kinds: ['DATASET_DESCRIPTION'] } } },
  { text: 'sleep' },
  { text: 'perianal', then: { sort: 'MOST_USED' } },
  { text: 'vaccination biologics' },
  { text: 'peer support', then: { filter: { tags: ['teenagers'] } } },
  { text: 'steroid free' },
  { text: 'growth puberty' },
  { text: 'diet', then: { filter: { site: true } } },
  { text: 'toilet access' },
];

/** Every request of the mix in order, with its category; filters refer to real ids. */
export function queryMix(siteId) {
  const requests = [];
  for (const [index, session] of SESSIONS.entries()) {
    const steps = typed(session.text).map((step) => ({
      ...step,
      category: session.typo && step.category !== 'prefix' ? 'typo' : step.category,
    }));
    requests.push(
      ...steps.map((step) => ({
        session: index,
        query: step.query,
        category: step.category,
        filter: null,
        sort: 'RELEVANCE',
      })),
    );
    if (session.then) {
      const filter = session.then.filter?.site ? { siteIds: [siteId] } : (session.then.filter ?? null);
      requests.push({
        session: index,
        query: session.text,
        category: filter ? 'filtered' : 'sorted',
        filter,
        sort: session.then.sort ?? 'RELEVANCE',
      });
    }
  }
  return requests.map((request, position) => ({ ...request, position }));
}

// ---- Load ---------------------------------------------------------------------------------------

// Idle sockets are dropped before the server's 5 s keep-alive timeout would close them under a request.
const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS, timeout: 4_000 });

/**
 * A GraphQL POST on a kept-alive connection, as lean as a load generator sharing the server's two
 * cores can make it: the whole body is read, and an error anywhere in it fails the run.
 */
export async function post(url, query, variables, cookie) {
  try {
    return await postOnce(url, query, variables, cookie);
  } catch (error) {
    // A kept-alive socket the server closed just as it was reused: the search is sent again.
    if (error.code !== 'ECONNRESET') throw error;
    return postOnce(url, query, variables, cookie);
  }
}

function postOnce(url, query, variables, cookie) {
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const request = http.request(`${url}/graphql`, {
      method: 'POST',
      agent,
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        'x-commons-csrf': '1',
        cookie,
      },
    });
    request.on('response', (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        if (response.statusCode !== 200 || text.includes('"errors":'))
          reject(new Error(`${response.statusCode} ${text.slice(0, 500)}`));
        else resolve();
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** CPU seconds (user + system) a process has used so far, from /proc. */
export async function cpuSeconds(pid) {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

async function rssMb(pid) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

/**
 * CPU seconds the database's backends have used, per pid; with `since`, the total used after it
 * (backends that connected meanwhile count in full).
 */
async function backendCpu(url, since) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    const used = new Map();
    for (const { pid } of rows) used.set(pid, await cpuSeconds(pid));
    if (!since) return used;
    let total = 0;
    for (const [pid, seconds] of used) total += seconds - (since.get(pid) ?? 0);
    return { total };
  } finally {
    await client.end();
  }
}

/**
 * Runs `total` requests from CLIENTS clients, each walking the mix from its own starting point.
 * Closed loop (thinkMs 0): a client sends its next request as soon as the last one answered.
 * Typists (thinkMs > 0): a client waits thinkMs between keystrokes and pauseMs between searches.
 */
export async function load({ mix, total, send, thinkMs = 0, pauseMs = 0, clients = CLIENTS }) {
  const latencies = [];
  const byCategory = new Map();
  let sent = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      let i = Math.floor((client * mix.length) / clients);
      while (sent < total) {
        sent += 1;
        const request = mix[i % mix.length];
        const t0 = performance.now();
        await send(request, client);
        const ms = performance.now() - t0;
        latencies.push(ms);
        if (!byCategory.has(request.category)) byCategory.set(request.category, []);
        byCategory.get(request.category).push(ms);
        const next = mix[(i + 1) % mix.length];
        i += 1;
        const wait = thinkMs && (next.session === request.session ? thinkMs : pauseMs);
        if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }),
  );
  return summary([{ latencies, byCategory, seconds: (performance.now() - started) / 1000 }]);
}

/** Percentiles, throughput and per-category percentiles of one run or of several merged. */
function summary(runs) {
  const latencies = runs.flatMap((run) => run.latencies);
  const byCategory = new Map();
  for (const run of runs)
    for (const [category, values] of run.byCategory)
      byCategory.set(category, [...(byCategory.get(category) ?? []), ...values]);
  return {
    ...percentiles(latencies),
    perSecond: latencies.length / runs.reduce((total, run) => total + run.seconds, 0),
    categories: [...byCategory].map(([category, values]) => [category, percentiles(values)]),
    runs,
  };
}

export function line(name, f) {
  console.log(
    `  ${name.padEnd(46)} p50=${f.p50.toFixed(1)}  p95=${f.p95.toFixed(1)}  p99=${f.p99.toFixed(1)}  max=${f.max.toFixed(0)} ms  ${f.perSecond ? `${f.perSecond.toFixed(0)} req/s` : ''}`,
  );
}

function categoryLines(figures) {
  for (const [category, f] of figures.categories) {
    console.log(
      `    ${category.padEnd(12)} n=${String(f.count).padStart(5)}  p50=${f.p50.toFixed(1)}  p95=${f.p95.toFixed(1)}  p99=${f.p99.toFixed(1)} ms`,
    );
  }
}

/**
 * The engine's SQL for each request of the mix, recorded by running the built PostgresSearchEngine
 * over a recorder: the same statements, prepared under the same names, with the same parameters,
 * in the same order, each one run after the previous answered (as the engine does).
 */
async function recordEngineSql(pool, mix, networkId, viewerId) {
  let statements = [];
  const recorder = {
    async read(text, values) {
      const statement = {
        name: `q_${createHash('sha1').update(text).digest('base64url')}`,
        text,
        values: values.map((v) => (v instanceof Date ? v.toISOString() : v)),
      };
      statements.push(statement);
      return (await pool.query(statement)).rows;
    },
  };
  const engine = new PostgresSearchEngine(recorder);
  const recorded = [];
  for (const request of mix) {
    statements = [];
    await engine.search({
      networkId,
      text: request.query,
      types: ['RESOURCE'],
      filters: searchFilterSchema.parse(request.filter ?? {}),
      sort: request.sort,
      hidden: { all: false, authorId: viewerId },
      offset: 0,
      limit: 20,
    });
    recorded.push(statements);
  }
  return recorded;
}

export async function benchSearch() {
  const name = `commons_bench_search_${Date.now()}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = databaseUrl(name);
  const poolSize = 10;
  const server = await startServer({
    NODE_ENV: 'production',
    DATABASE_URL: url,
    DATABASE_POOL_SIZE: String(poolSize),
    SEED_DEMO: 'true',
  });
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  try {
    const made = await generateCommons(url);
    console.log(
      `  generated ${made.resources} resources in ${(made.insertedMs / 1000).toFixed(1)} s (with versions and vocabulary ${(made.generatedMs / 1000).toFixed(1)} s);` +
        ` ${made.words} vocabulary words; body ${made.body} characters on average; Resource ${made.size}`,
    );
    console.log(
      `  indexes: ${Object.entries(made.indexes)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );

    const { rows: members } = await pool.query(
      `SELECT u.id, u.email FROM "User" u JOIN "Membership" m ON m."userId" = u.id
       WHERE m."networkId" = $1 AND m.role <> 'NETWORK_ADMIN' AND u.email LIKE 'bench-%' ORDER BY u.email LIMIT $2`,
      [made.networkId, CLIENTS],
    );
    const cookies = [];
    for (const member of members) cookies.push(await signIn(server.url, member.email));
    const {
      rows: [site],
    } = await pool.query(`SELECT id FROM "Site" WHERE "networkId" = $1 ORDER BY name LIMIT 1`, [made.networkId]);
    const mix = queryMix(site.id);
    const counts = Object.entries(mix.reduce((n, r) => ({ ...n, [r.category]: (n[r.category] ?? 0) + 1 }), {}))
      .map(([k, v]) => `${v} ${k}`)
      .join(', ');
    console.log(
      `  query mix: ${mix.length} requests from ${SESSIONS.length} searches typed as you type (${counts}); each asks for the first 20 hits,`,
    );
    console.log(
      `  the resource card, highlighted title and snippet, and every facet with counts (as the search page will)`,
    );

    const sendGraphql = (request, client) =>
      post(
        server.url,
        SEARCH_QUERY,
        { networkId: made.networkId, query: request.query, filter: request.filter, sort: request.sort, first: 20 },
        cookies[client],
      );
    const sample = await graphql(
      server.url,
      SEARCH_QUERY,
      { networkId: made.networkId, query: 'remission', first: 20 },
      cookies[0],
    );
    const { totalCount, exactCounts } = sample.body.data.search;
    console.log(
      `  "remission": ${totalCount}${exactCounts ? '' : '+'} results (exactCounts ${exactCounts}); response ${(JSON.stringify(sample.body).length / 1024).toFixed(1)} KB`,
    );

    for (const request of mix.slice(0, 40)) await sendGraphql(request, 0);
    const viewers = members.map((m) => m.id);
    const recorded = await recordEngineSql(pool, mix, made.networkId, viewers[0]);
    const statementsPerRequest = recorded.reduce((a, st) => a + st.length, 0) / recorded.length;
    const sendSql = async (request, client) => {
      for (const statement of recorded[request.position]) {
        const values = statement.values.map((v) => (v === viewers[0] ? viewers[client] : v));
        await pool.query({ ...statement, values });
      }
    };
    for (const request of mix.slice(0, 40)) await sendSql(request, 0);

    // The machine is shared: GraphQL and SQL take turns, so a change in the load around them
    // weighs on both alike.
    const perRound = Math.round(TOTAL / ROUNDS);
    console.log(
      `  load model A, closed loop: ${CLIENTS} clients, each sends its next request as soon as the last one answered (no think time); ` +
        `${ROUNDS} rounds of ${perRound} requests through GraphQL, each followed by the same through SQL; server pool ${poolSize} connections; load average ${os.loadavg()[0].toFixed(2)}`,
    );
    console.log(
      `  SQL: the engine's statements straight through pg (pool of ${poolSize}), recorded from the built engine, ${statementsPerRequest.toFixed(2)} per search on average ` +
        `(GraphQL adds the session and membership reads)`,
    );
    const cpu = { graphql: { node: 0, pg: 0, bench: 0 }, sql: { pg: 0, bench: 0 } };
    const runs = { graphql: [], sql: [] };
    for (let round = 0; round < ROUNDS; round += 1) {
      let before = { node: await cpuSeconds(server.pid), pg: await backendCpu(url), bench: process.cpuUsage() };
      runs.graphql.push(...(await load({ mix, total: perRound, send: sendGraphql })).runs);
      let pgUsed = await backendCpu(url, before.pg);
      let benchUsed = process.cpuUsage(before.bench);
      cpu.graphql.node += (await cpuSeconds(server.pid)) - before.node;
      cpu.graphql.pg += pgUsed.total;
      cpu.graphql.bench += (benchUsed.user + benchUsed.system) / 1e6;
      before = { pg: await backendCpu(url), bench: process.cpuUsage() };
      runs.sql.push(...(await load({ mix, total: perRound, send: sendSql })).runs);
      pgUsed = await backendCpu(url, before.pg);
      benchUsed = process.cpuUsage(before.bench);
      cpu.sql.pg += pgUsed.total;
      cpu.sql.bench += (benchUsed.user + benchUsed.system) / 1e6;
    }
    const closed = summary(runs.graphql);
    const sql = summary(runs.sql);
    const perRequest = (seconds) => ((seconds * 1000) / (perRound * ROUNDS)).toFixed(2);
    line(`GraphQL search, ${CLIENTS} clients, closed loop`, closed);
    categoryLines(closed);
    console.log(
      `  CPU per request: node server ${perRequest(cpu.graphql.node)} ms, PostgreSQL ${perRequest(cpu.graphql.pg)} ms, ` +
        `this load generator ${perRequest(cpu.graphql.bench)} ms (${os.cpus().length} cores, shared); server RSS ${(await rssMb(server.pid)).toFixed(0)} MB`,
    );
    line(`SQL search, ${CLIENTS} clients, closed loop`, sql);
    categoryLines(sql);
    console.log(
      `  CPU per request: PostgreSQL ${perRequest(cpu.sql.pg)} ms, this load generator ${perRequest(cpu.sql.bench)} ms`,
    );
    console.log(
      `  GraphQL / SQL: p50 ${(closed.p50 / sql.p50).toFixed(2)}x, p95 ${(closed.p95 / sql.p95).toFixed(2)}x, throughput ${(sql.perSecond / closed.perSecond).toFixed(2)}x; ` +
        `per-round p95 ${closed.runs.map((run, i) => `${percentiles(run.latencies).p95.toFixed(0)}/${percentiles(runs.sql[i].latencies).p95.toFixed(0)}`).join(', ')} ms`,
    );

    console.log(
      `  load model B, typists: ${CLIENTS} members typing, 250 ms between keystrokes (after the answer), 1.5 s reading between searches; load average ${os.loadavg()[0].toFixed(2)}`,
    );
    const typists = await load({ mix, total: Math.min(TOTAL, 1_500), send: sendGraphql, thinkMs: 250, pauseMs: 1_500 });
    line(`GraphQL search, ${CLIENTS} typists`, typists);
    categoryLines(typists);
  } finally {
    await pool.end();
    await server.stop();
    await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
}
