// Lighthouse 12 (mobile emulation, its default "Slow 4G" simulated throttling) on six pages of the
// built app, started as `npm start` starts it (embedded PostgreSQL, demo network): performance and
// accessibility scores, time to interactive, and the JavaScript transferred.
// Run after a build: `npm run build && node client/bench/lighthouse.mjs` (LIGHTHOUSE_RUNS=3 for medians,
// LIGHTHOUSE_PAGES=sign-in,home for some pages only).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { graphql, startServer } from '../../server/bench/lib.mjs';

const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 1);
/** LIGHTHOUSE_PAGES=sign-in,home measures only those pages. */
/** LIGHTHOUSE_REPORTS=<folder> keeps each run's full report there (JSON), to read its audits. */
const REPORTS = process.env.LIGHTHOUSE_REPORTS;
/**
 * LIGHTHOUSE_THROTTLING=devtools slows the browser itself down (4x CPU, Slow 4G) and measures what
 * happens, instead of the default, which loads the page at full speed and estimates the slow load
 * from its trace (Lantern).
 */
const THROTTLING = process.env.LIGHTHOUSE_THROTTLING ?? 'simulate';
const ONLY = process.env.LIGHTHOUSE_PAGES?.split(',').map((name) => name.trim());
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Chromium 151+ renders its address bar's popup at start, headless too, in a renderer of its own that competes with the page for this machine's two cores.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
];

async function pagesOf(url) {
  const { cookie } = await graphql(
    url,
    `
      mutation {
        signIn(input: { email: "sitelead@demo.commons.test", password: "demo-password" }) {
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
  const ids = await graphql(
    url,
    `
      query ($n: ID!) {
        search(networkId: $n, query: "", first: 1) {
          nodes {
            id
          }
        }
        measures(networkId: $n) {
          id
        }
        changeIdeas(networkId: $n, first: 1) {
          nodes {
            id
          }
        }
      }
    `,
    { n: networkId },
    cookie,
  );
  const { search, measures, changeIdeas } = ids.body.data;
  return {
    cookie,
    pages: [
      { name: 'sign-in', path: '/sign-in', signedIn: false },
      { name: 'home', path: `/n/${slug}`, signedIn: true },
      { name: 'commons search', path: `/n/${slug}/commons?q=transition`, signedIn: true },
      { name: 'resource', path: `/n/${slug}/commons/${search.nodes[0].id}`, signedIn: true },
      { name: 'measure chart', path: `/n/${slug}/measures/${measures[0].id}`, signedIn: true },
      { name: 'idea with its thread', path: `/n/${slug}/ideas/${changeIdeas.nodes[0].id}`, signedIn: true },
    ],
  };
}

/**
 * Puts her session cookie into the browser's cookie jar (or takes it out, with null), as signing in
 * does. Not as an extra request header: the app keeps cookies of its own (its language and time
 * zone), and once it has written them the browser sends its jar's cookies instead of the header's.
 */
async function useSession(port, url, cookie) {
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}` });
  try {
    const tab = await browser.newPage();
    const jar = await tab.cookies(url);
    if (jar.length > 0) await tab.deleteCookie(...jar);
    if (cookie) {
      const [name, value] = cookie.split(';')[0].split('=');
      await tab.setCookie({ name, value, url, httpOnly: true });
    }
    await tab.close();
  } finally {
    await browser.disconnect();
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'commons-lighthouse-'));
const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '' });
const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS });
try {
  const { cookie, pages } = await pagesOf(server.url);
  console.log(
    `Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, mobile emulation, Slow 4G (${THROTTLING === 'simulate' ? 'simulated' : THROTTLING}), ${RUNS} run(s) per page, load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    'page                   perf  a11y   TTI (s)  FCP (s)  LCP (s)  TBT (ms)    CLS  JS transferred (KB)  failed a11y audits',
  );
  for (const page of pages.filter((candidate) => !ONLY || ONLY.includes(candidate.name))) {
    await useSession(chrome.port, server.url, page.signedIn ? cookie : null);
    const results = [];
    for (let run = 0; run < RUNS; run += 1) {
      let lhr;
      // On a loaded machine Chromium's trace sometimes misses the navigation (NO_NAVSTART): try again.
      for (let attempt = 1; ; attempt += 1) {
        ({ lhr } = await lighthouse(`${server.url}${page.path}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility'],
          throttlingMethod: THROTTLING,
        }));
        if (!lhr.runtimeError) break;
        if (attempt === 3) throw new Error(`${page.name}: ${lhr.runtimeError.message}`);
      }
      if (REPORTS) {
        await mkdir(REPORTS, { recursive: true });
        await writeFile(path.join(REPORTS, `${page.name.replaceAll(' ', '-')}-${run + 1}.json`), JSON.stringify(lhr));
      }
      const scripts = lhr.audits['resource-summary'].details.items.find((item) => item.resourceType === 'script');
      results.push({
        perf: lhr.categories.performance.score * 100,
        a11y: lhr.categories.accessibility.score * 100,
        tti: lhr.audits.interactive.numericValue / 1000,
        fcp: lhr.audits['first-contentful-paint'].numericValue / 1000,
        lcp: lhr.audits['largest-contentful-paint'].numericValue / 1000,
        tbt: lhr.audits['total-blocking-time'].numericValue,
        cls: lhr.audits['cumulative-layout-shift'].numericValue,
        js: scripts.transferSize / 1000,
        failed: lhr.categories.accessibility.auditRefs
          .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
          .map((ref) => ref.id),
      });
    }
    const m = (key) => median(results.map((result) => result[key]));
    const failed = [...new Set(results.flatMap((result) => result.failed))].join(', ') || '-';
    console.log(
      `${page.name.padEnd(22)} ${m('perf').toFixed(0).padStart(4)}  ${m('a11y').toFixed(0).padStart(4)}  ${m('tti').toFixed(2).padStart(8)} ${m('fcp').toFixed(2).padStart(8)} ${m('lcp').toFixed(2).padStart(8)} ${m('tbt').toFixed(0).padStart(9)}  ${m('cls').toFixed(3).padStart(5)}  ${m('js').toFixed(1).padStart(19)}  ${failed}`,
    );
  }
} finally {
  chrome.kill();
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
}
