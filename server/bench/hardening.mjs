// Issue "Hardening the API": how fast a GraphQL bomb is refused, and what a stream of them costs
// another member. The bomb is the outside client's: 1,000 aliases of a 50 KB resource's bodyHtml.
import http from 'node:http';
import os from 'node:os';
import { databaseUrl, graphql, measure, percentiles, report, startServer, withAdmin } from './lib.mjs';
import { signIn } from './measures.mjs';

const DEMO = 'demo.commons.test';
const SMALL = `{ me { id name } }`;
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** POSTs a GraphQL body; resolves with status, body size and time to the last byte (ms). */
function post(url, body, cookie) {
  const started = performance.now();
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
      response.on('end', () =>
        resolve({
          status: response.statusCode,
          text: Buffer.concat(chunks).toString(),
          ms: performance.now() - started,
        }),
      );
    });
    request.on('error', reject);
    request.end(body);
  });
}

const aliases = (count, field) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

function longBody(chars) {
  let text = '';
  for (let i = 0; text.length < chars; i += 1)
    text += `Paragraph ${i} with **bold** words, a [link](https://example.org/${i}) and _emphasis_ here.\n\n`;
  return text.slice(0, chars);
}

export async function benchHardening() {
  const name = `commons_bench_hardening_${Date.now()}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
  const server = await startServer({ NODE_ENV: 'production', DATABASE_URL: databaseUrl(name), SEED_DEMO: 'true' });
  try {
    const patient = await signIn(server.url, `patient@${DEMO}`);
    const clinician = await signIn(server.url, `clinician@${DEMO}`);
    const { body: me } = await graphql(
      server.url,
      `
        {
          me {
            memberships {
              network {
                id
              }
            }
          }
        }
      `,
      {},
      patient,
    );
    const networkId = me.data.me.memberships[0].network.id;
    const { body: posted } = await graphql(
      server.url,
      `
        mutation ($n: ID!, $input: ResourceInput!) {
          postResource(networkId: $n, input: $input) {
            id
          }
        }
      `,
      {
        n: networkId,
        input: {
          kind: 'GUIDE',
          title: 'A long guide',
          summary: '',
          body: longBody(50_000),
          tags: [],
          audiences: [],
          siteId: null,
        },
      },
      patient,
    );
    const resourceId = posted.data.postResource.id;
    const bombs = {
      '1,000 aliases of resource { bodyHtml } (50 KB body)': JSON.stringify({
        query: aliases(1000, `resource(id: "${resourceId}") { bodyHtml }`),
      }),
      '2,000 aliases of me { id }': JSON.stringify({ query: aliases(2000, 'me { id }') }),
      '20 renderings of one body (under the alias cap, over the cost)': JSON.stringify({
        query: `{ resource(id: "${resourceId}") { ${Array.from({ length: 20 }, (_, i) => `h${i}: bodyHtml`).join(' ')} } }`,
      }),
    };
    const small = JSON.stringify({ query: SMALL });
    console.log(
      `  bombs as a patient partner; the small query ${SMALL} as a clinician; production mode, demo network; load average ${os.loadavg()[0].toFixed(2)}`,
    );

    for (const [label, bomb] of Object.entries(bombs)) {
      const times = [];
      for (let i = 0; i < 60; i += 1) {
        const answer = await post(server.url, bomb, patient);
        if (answer.status !== 400 || !answer.text.includes('QUERY_TOO_COMPLEX'))
          throw new Error(`${label} was not refused: ${answer.status} ${answer.text.slice(0, 300)}`);
        if (i >= 10) times.push(answer.ms);
      }
      report(`refusal of ${label}, ms (request ${(Buffer.byteLength(bomb) / 1024).toFixed(1)} KB)`, percentiles(times));
    }

    const smallQuery = async () => {
      const answer = await post(server.url, small, clinician);
      if (answer.status !== 200 || answer.text.includes('"errors"'))
        throw new Error(`small query failed: ${answer.status} ${answer.text.slice(0, 300)}`);
    };
    report(
      'small query alone, 1 client',
      await measure({ total: 300, concurrency: 1, warmup: 30, request: smallQuery }),
    );

    // Ten bombs arrive at once, every 250 ms, while the clinician's queries are timed.
    const bomb = Object.values(bombs)[0];
    const wave = async (times) => {
      const answers = await Promise.all(Array.from({ length: 10 }, () => post(server.url, bomb, patient)));
      for (const answer of answers) {
        if (answer.status !== 400) throw new Error(`a bomb was not refused: ${answer.status}`);
        times.push(answer.ms);
      }
    };
    const underBombs = async (label, fire) => {
      let running = true;
      const bombTimes = [];
      const firing = fire(() => running, bombTimes);
      try {
        report(label, await measure({ total: 300, concurrency: 1, warmup: 10, request: smallQuery }));
      } finally {
        running = false;
        await firing;
      }
      report(`  the bombs meanwhile (${bombTimes.length}), ms to refusal`, percentiles(bombTimes));
    };
    await underBombs('small query while waves of 10 bombs arrive (every 250 ms)', async (going, times) => {
      while (going()) await Promise.all([wave(times), new Promise((resolve) => setTimeout(resolve, 250))]);
    });
    await underBombs('small query while 10 senders fire bombs back to back', (going, times) =>
      Promise.all(
        Array.from({ length: 10 }, async () => {
          while (going()) {
            const answer = await post(server.url, bomb, patient);
            if (answer.status !== 400) throw new Error(`a bomb was not refused: ${answer.status}`);
            times.push(answer.ms);
          }
        }),
      ),
    );
  } finally {
    await server.stop();
    await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
}
