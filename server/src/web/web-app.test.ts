import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  brotliCompressSync,
  brotliDecompressSync,
  createBrotliDecompress,
  createGunzip,
  gunzipSync,
  gzipSync,
} from 'node:zlib';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import cookieParser from 'cookie-parser';
import express from 'express';
import type { RunningServer } from '../app';
import { TestApp, type TestMember } from '../test-support/test-app';
import type { StartAnswer } from '@commons/shared';
import { startDataElement } from './start-data';
import { rootElementOf, scriptsAside, webApp, type WebAppOptions } from './web-app';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One request over real HTTP, returning the bytes as sent (fetch would decompress them). */
function raw(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: options.method ?? 'GET', headers: options.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    });
    request.on('error', reject);
    request.end(options.body);
  });
}

const SCRIPT = `export const greeting = ${JSON.stringify('hello '.repeat(2000))};\n`;
const SIGN_IN = `<!doctype html><html><head><title>Commons</title><script type="module" src="/assets/sign-in-9b2e.js"></script></head><body>${'<!-- sign in -->'.repeat(100)}</body></html>`;
const INDEX = `<!doctype html><html><head><title>Commons</title><script type="module" src="/assets/app-4f9a1c.js"></script></head><body>${'<!-- padding -->'.repeat(100)}</body></html>`;

/** The start-up queries as the client's build writes them (client/build/inline-graphql.ts). */
const QUERY_DOCUMENTS = {
  NetworkScope: 'query NetworkScope($slug: String!) {\n  network(slug: $slug) {\n    id\n    slug\n  }\n}',
  Viewer:
    'query Viewer {\n  me {\n    id\n    name\n    interests\n    memberships {\n      role\n      active\n      site {\n        id\n      }\n      network {\n        id\n      }\n    }\n  }\n}',
  SharedAim: 'query SharedAim($networkId: ID!) {\n  aim(networkId: $networkId) {\n    id\n  }\n}',
  MyChangeIdeas:
    'query MyChangeIdeas($networkId: ID!, $first: Int!) {\n  myChangeIdeas(networkId: $networkId, first: $first) {\n    idea {\n      id\n    }\n  }\n}',
  SiteTeam:
    'query SiteTeam($networkId: ID!, $siteId: ID!) {\n  members(networkId: $networkId, first: 8, filter: { siteId: $siteId }) {\n    totalCount\n  }\n}',
  UnreadNotificationCount:
    'query UnreadNotificationCount($networkId: ID!) {\n  unreadNotificationCount(networkId: $networkId)\n}',
  UnreadThreadsCount:
    'query UnreadThreadsCount($networkId: ID!) {\n  unreadThreads(networkId: $networkId) {\n    totalUnread\n  }\n}',
  ChartMeasures: 'query ChartMeasures($networkId: ID!) {\n  measures(networkId: $networkId) {\n    id\n  }\n}',
  IdeaPage:
    'query IdeaPage($id: ID!, $networkId: ID!) {\n  changeIdea(id: $id, networkId: $networkId) {\n    id\n  }\n}',
};

/** Pages and their chunks' files as the client's build lists them (client/build/page-files.ts). */
const PAGE_BRANCHES = [
  { path: '/n/:slug', index: true, files: ['/assets/home-page-1.js'] },
  {
    path: '/n/:slug/commons/:resourceId',
    index: false,
    files: ['/assets/resource-page-1.js', '/assets/commons-1.css'],
  },
  { path: '/n/:slug/commons/new', index: false, files: ['/assets/new-resource-page-1.js'] },
  { path: '/n/:slug/ideas/:ideaId', index: false, files: [] },
  { path: '/n/:slug/measures', index: false, files: [] },
  { path: '/n/:slug/measures/:measureId', index: false, files: [] },
  // Never linked: not a file of the build's assets.
  { path: '/n/:slug/groups', index: false, files: ['javascript:alert(1)'] },
];

/** The files a page's head links ahead of time. */
function linkedInHead(html: string): string[] {
  const head = html.slice(0, html.indexOf('</head>'));
  return [...head.matchAll(/<link rel="(?:modulepreload|preload)"[^>]* href="([^"]+)">/g)].map((match) => match[1]);
}

/** A page without the links to its own files the server adds to its head (page-preloads.ts). */
const withoutPageLinks = (html: string) => html.replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, '');

/** The answers a page carries for its start-up queries (start-data.ts), or null for none. */
function startAnswersIn(html: string): { query: string; variables: Record<string, unknown>; data: unknown }[] | null {
  const json = /<script type="application\/json" id="commons-start-data">(.*?)<\/script>/s.exec(html)?.[1];
  return json === undefined ? null : (JSON.parse(json) as ReturnType<typeof startAnswersIn>);
}

describe('the web app over HTTP: precompressed files, caching, compressed GraphQL', () => {
  let app: TestApp;
  let admin: TestMember;
  let network: { id: string };
  let sites: { id: string }[];
  let networkSlug: string;
  let webDir: string;

  beforeAll(async () => {
    webDir = await mkdtemp(path.join(tmpdir(), 'commons-web-'));
    await mkdir(path.join(webDir, 'assets'));
    const write = async (name: string, text: string, compressed: boolean) => {
      await writeFile(path.join(webDir, name), text);
      if (!compressed) return;
      await writeFile(path.join(webDir, `${name}.br`), brotliCompressSync(text));
      await writeFile(path.join(webDir, `${name}.gz`), gzipSync(text));
    };
    await write('index.html', INDEX, true);
    await write('sign-in.html', SIGN_IN, true);
    await mkdir(path.join(webDir, '.vite'));
    const manifest = {
      'index.html': { file: 'assets/app-4f9a1c.js', isEntry: true },
      'src/i18n/locales/en.json': { file: 'assets/en-BHOZsS1_.json', src: 'src/i18n/locales/en.json' },
      'src/i18n/locales/sv.json': { file: 'assets/sv-Bspg9Hw8.json', src: 'src/i18n/locales/sv.json' },
    };
    await write('.vite/manifest.json', JSON.stringify(manifest), false);
    await write('.vite/query-documents.json', JSON.stringify(QUERY_DOCUMENTS), false);
    await write('.vite/page-files.json', JSON.stringify({ branches: PAGE_BRANCHES }), false);
    await write('assets/app-4f9a1c.js', SCRIPT, true);
    await write('assets/small-77aa.css', 'body{margin:0}', false);
    app = await TestApp.start({ WEB_DIR: webDir });
    const made = await app.newNetwork(1);
    admin = made.admin;
    network = made.network;
    sites = made.sites;
    networkSlug = made.network.slug;
  });
  afterAll(async () => {
    await app?.stop();
    await rm(webDir, { recursive: true, force: true });
  });

  it('sends a hashed script as brotli to a browser that accepts it, immutable, varying by encoding', async () => {
    const response = await raw(`${app.url}/assets/app-4f9a1c.js`, {
      headers: { 'accept-encoding': 'gzip, deflate, br, zstd' },
    });

    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers.vary).toMatch(/Accept-Encoding/i);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(response.body).toString()).toBe(SCRIPT);
    expect(response.body.length).toBeLessThan(SCRIPT.length / 10);
  });

  it('sends gzip to a browser that accepts only gzip, and the file as it is to one that accepts neither', async () => {
    const gzipped = await raw(`${app.url}/assets/app-4f9a1c.js`, { headers: { 'accept-encoding': 'gzip' } });
    const plain = await raw(`${app.url}/assets/app-4f9a1c.js`, { headers: { 'accept-encoding': 'identity' } });

    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.body).toString()).toBe(SCRIPT);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
    expect(plain.headers.vary).toMatch(/Accept-Encoding/i);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('serves a file the build did not compress as it is', async () => {
    const response = await raw(`${app.url}/assets/small-77aa.css`, { headers: { 'accept-encoding': 'br, gzip' } });

    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body.toString()).toBe('body{margin:0}');
  });

  it('answers every page of the app with index.html, compressed and revalidated each time', async () => {
    for (const page of ['/forgot-password', '/invite/some-token']) {
      const response = await raw(`${app.url}${page}`, { headers: { accept: 'text/html', 'accept-encoding': 'br' } });

      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBe('br');
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(brotliDecompressSync(response.body).toString()).toBe(INDEX);
    }
    // With a session (here one the server does not know), the page as built, sent for her alone.
    for (const page of ['/', '/forgot-password', `/n/some-network/commons`, '/sign-in/x']) {
      const response = await raw(`${app.url}${page}`, {
        headers: { accept: 'text/html', 'accept-encoding': 'br', cookie: 'commons_session=some-session' },
      });

      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBe('br');
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control']).toBe('private, no-cache');
      expect(withoutPageLinks(brotliDecompressSync(response.body).toString())).toBe(INDEX);
    }
    const head = await raw(`${app.url}/assets/app-4f9a1c.js`, { method: 'HEAD', headers: { 'accept-encoding': 'br' } });
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.body.length).toBe(0);
  });

  it('answers the sign-in page with its own HTML file, which loads only what sign-in needs', async () => {
    for (const page of ['/sign-in', '/sign-in?next=%2Fn%2Fibd', '/sign-in/']) {
      const response = await raw(`${app.url}${page}`, { headers: { accept: 'text/html', 'accept-encoding': 'gzip' } });

      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBe('gzip');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(gunzipSync(response.body).toString()).toBe(SIGN_IN);
    }
    const plain = await raw(`${app.url}/sign-in`, { headers: { accept: 'text/html' } });
    expect(plain.headers['content-type']).toMatch(/^text\/html/);
    expect(plain.body.toString()).toBe(SIGN_IN);
  });

  it("preloads the texts of the browser's language with every page, English when it names none", async () => {
    const linkFor = async (page: string, language?: string) => {
      const { headers } = await raw(`${app.url}${page}`, {
        headers: {
          accept: 'text/html',
          'accept-encoding': 'br',
          cookie: 'commons_session=some-session',
          ...(language ? { 'accept-language': language } : {}),
        },
      });
      // Caches keep one answer per language (and encoding), since the preloaded texts differ.
      expect(headers.vary).toMatch(/Accept-Encoding/);
      expect(headers.vary).toMatch(/Accept-Language/);
      return headers.link;
    };

    expect(await linkFor('/sign-in', 'sv-SE,sv;q=0.9,en;q=0.8')).toBe(
      '</assets/sv-Bspg9Hw8.json>; rel=preload; as=fetch; crossorigin',
    );
    expect(await linkFor('/n/some-network', 'en-GB,en;q=0.9')).toBe(
      '</assets/en-BHOZsS1_.json>; rel=preload; as=fetch; crossorigin',
    );
    expect(await linkFor('/', 'de-DE,de;q=0.9,sv;q=0.5')).toBe(
      '</assets/sv-Bspg9Hw8.json>; rel=preload; as=fetch; crossorigin',
    );
    expect(await linkFor('/')).toBe('</assets/en-BHOZsS1_.json>; rel=preload; as=fetch; crossorigin');
    // Not with files, and the build's manifest is never served.
    expect((await raw(`${app.url}/assets/app-4f9a1c.js`)).headers.link).toBeUndefined();
    expect((await raw(`${app.url}/.vite/manifest.json`, { headers: { accept: 'application/json' } })).status).toBe(404);
  });

  it('sends a browser without a session straight to sign in, coming back after, except on public pages', async () => {
    const open = (page: string, headers: Record<string, string> = {}) =>
      raw(`${app.url}${page}`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8', ...headers } });

    const deep = await open('/n/some-network/ideas/i1?tab=pdsa');
    expect(deep.status).toBe(302);
    expect(deep.headers.location).toBe(`/sign-in?next=${encodeURIComponent('/n/some-network/ideas/i1?tab=pdsa')}`);
    expect(deep.headers['cache-control']).toBe('no-store');
    expect((await open('/')).headers.location).toBe('/sign-in');
    // A crafted address is only ever a `next` the sign-in page checks, never where this answer points.
    expect((await open('//evil.example/x')).headers.location).toBe(
      `/sign-in?next=${encodeURIComponent('//evil.example/x')}`,
    );

    for (const page of [
      '/sign-in',
      '/setup?token=abc',
      '/forgot-password',
      '/invite/t1',
      '/reset-password/t2',
      '/confirm-email/t3',
      '/unsubscribe/t4',
    ]) {
      expect((await open(page)).status, page).toBe(200);
    }
    // With a session cookie (valid or not: the app finds out), and for a client that does not ask for HTML, the page itself.
    expect((await open('/n/some-network', { cookie: 'commons_session=expired' })).status).toBe(200);
    const curl = await raw(`${app.url}/n/some-network`, { headers: { accept: '*/*' } });
    expect(curl.status).toBe(200);
    expect(curl.body.toString()).toBe(INDEX);
  });

  it('sends a member already signed in on from the sign-in page to where she was heading, never to another site', async () => {
    const open = (page: string, cookie?: string) =>
      raw(`${app.url}${page}`, { headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) } });
    const cookie = admin.client.cookie!;
    expect(cookie).toMatch(/^commons_session=/);

    const heading = await open('/sign-in?next=%2Fn%2Fibd%2Fgroups%3Ftab%3Dmine', cookie);
    expect(heading.status).toBe(302);
    expect(heading.headers.location).toBe('/n/ibd/groups?tab=mine');
    expect(heading.headers['cache-control']).toBe('no-store');
    expect((await open('/sign-in', cookie)).headers.location).toBe('/');
    expect((await open('/sign-in/', cookie)).headers.location).toBe('/');
    for (const crafted of [
      'https%3A%2F%2Fevil.example',
      '%2F%2Fevil.example',
      '%2F%09%2Fevil.example',
      '%2F%5Cevil.example',
    ]) {
      expect((await open(`/sign-in?next=${crafted}`, cookie)).headers.location, crafted).toBe('/');
    }
    const nested = `/sign-in?next=${encodeURIComponent(`/sign-in?next=${encodeURIComponent('/sign-in?next=%2Fn')}`)}`;
    expect((await open(nested, cookie)).headers.location).toBe('/');
    expect((await open('/sign-in?next=%2Fsign-in%2F%23x', cookie)).headers.location).toBe('/');
    // A session the server does not know (expired, revoked, made up) gets the form.
    const unknown = await open('/sign-in?next=%2Fn%2Fibd', 'commons_session=made-up');
    expect(unknown.status).toBe(200);
    expect(unknown.body.toString()).toBe(SIGN_IN);
  });

  it("puts the answers to a signed-in member's start-up queries into her page, for her alone", async () => {
    const cookie = admin.client.cookie!;
    const response = await raw(`${app.url}/n/${networkSlug}/ideas?tab=mine`, {
      headers: { accept: 'text/html', 'accept-encoding': 'gzip, br', cookie },
    });

    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['cache-control']).toBe('private, no-cache');
    expect(response.headers.vary).toMatch(/Cookie/);
    expect(response.headers.link).toBe('</assets/en-BHOZsS1_.json>; rel=preload; as=fetch; crossorigin');
    const html = brotliDecompressSync(response.body).toString();
    expect(html.startsWith(INDEX.slice(0, INDEX.indexOf('</body>')))).toBe(true);
    // Only the start-up queries run, each with the variables the address and the network give it:
    // who she is, the network, and the banner's unread counts.
    const networkId = expect.any(String) as string;
    expect(startAnswersIn(html)).toEqual([
      { query: 'Viewer', variables: {}, data: { me: expect.objectContaining({ id: admin.userId, name: admin.name }) } },
      {
        query: 'NetworkScope',
        variables: { slug: networkSlug },
        data: { network: { id: networkId, slug: networkSlug } },
      },
      { query: 'UnreadNotificationCount', variables: { networkId }, data: { unreadNotificationCount: 0 } },
      { query: 'UnreadThreadsCount', variables: { networkId }, data: { unreadThreads: { totalUnread: 0 } } },
    ]);

    // Off a network's pages, who she is only; as plain text to a client that accepts no encoding.
    const profile = await raw(`${app.url}/profile`, { headers: { accept: 'text/html', cookie } });
    expect(profile.headers['content-encoding']).toBeUndefined();
    expect(startAnswersIn(profile.body.toString())?.map((answer) => answer.query)).toEqual(['Viewer']);
  });

  it("links the files of a signed-in member's page in its head, those of the route the app will open", async () => {
    const open = async (page: string, cookie = admin.client.cookie!) =>
      (await raw(`${app.url}${page}`, { headers: { accept: 'text/html', cookie } })).body.toString();

    const resource = await open(`/n/${networkSlug}/commons/r1`);
    expect(linkedInHead(resource)).toEqual(['/assets/resource-page-1.js', '/assets/commons-1.css']);
    expect(resource).toContain('<link rel="modulepreload" crossorigin href="/assets/resource-page-1.js">');
    expect(resource).toContain('<link rel="preload" as="style" crossorigin href="/assets/commons-1.css">');
    // The most specific route wins, as in the app's router; an address's case and a trailing slash do not matter.
    expect(linkedInHead(await open(`/n/${networkSlug}/commons/new`))).toEqual(['/assets/new-resource-page-1.js']);
    expect(linkedInHead(await open(`/n/${networkSlug}/Commons/New/`))).toEqual(['/assets/new-resource-page-1.js']);
    expect(linkedInHead(await open(`/n/${networkSlug}`))).toEqual(['/assets/home-page-1.js']);

    // No page of the build's list, or an entry that names no built file: nothing linked.
    expect(linkedInHead(await open(`/n/${networkSlug}/no-such-page`))).toEqual([]);
    expect(linkedInHead(await open(`/n/${networkSlug}/commons/r1/extra`))).toEqual([]);
    expect(linkedInHead(await open(`/n/${networkSlug}/groups`))).toEqual([]);
    // Nobody signed in: the page as built, with the route's files and no answers.
    const signedOut = await open(`/n/${networkSlug}/commons/r1`, 'commons_session=made-up');
    expect(linkedInHead(signedOut)).toEqual(['/assets/resource-page-1.js', '/assets/commons-1.css']);
    expect(withoutPageLinks(signedOut)).toBe(INDEX);
  });

  it('leaves out an answer that failed, and puts nothing into a page for a session it does not know', async () => {
    const cookie = admin.client.cookie!;
    const open = async (page: string, headers: Record<string, string>) =>
      (await raw(`${app.url}${page}`, { headers: { accept: 'text/html', ...headers } })).body.toString();

    // A network she is not a member of, or that does not exist: the app asks, and is told.
    for (const page of ['/n/not-a-network', '/n/%E0%A4%A', `/n/${'x'.repeat(300)}/ideas`]) {
      expect(
        startAnswersIn(await open(page, { cookie }))?.map((answer) => answer.query),
        page,
      ).toEqual(['Viewer']);
    }
    expect(withoutPageLinks(await open(`/n/${networkSlug}`, { cookie: 'commons_session=made-up' }))).toBe(INDEX);
    expect(await open('/forgot-password', {})).toBe(INDEX);
  });

  it("adds a network page's own first query, with the variables its address and the network give it", async () => {
    const cookie = admin.client.cookie!;
    const queriesOf = async (page: string) =>
      startAnswersIn((await raw(`${app.url}${page}`, { headers: { accept: 'text/html', cookie } })).body.toString());

    const chart = await queriesOf(`/n/${networkSlug}/measures/m1`);
    const networkId = (chart?.[1]?.data as { network: { id: string } }).network.id;
    expect(chart?.[4]).toEqual({ query: 'ChartMeasures', variables: { networkId }, data: { measures: [] } });
    // As the router reads addresses: any case, a trailing slash.
    expect((await queriesOf(`/n/${networkSlug}/Measures/m1/`))?.map((answer) => answer.query)).toEqual([
      'Viewer',
      'NetworkScope',
      'UnreadNotificationCount',
      'UnreadThreadsCount',
      'ChartMeasures',
    ]);
    // Another page, an idea that is not there (the app asks, and is told), a network not hers: none.
    for (const page of [
      `/n/${networkSlug}/measures/m1/extra`,
      `/n/${networkSlug}/measures`,
      `/n/${networkSlug}/ideas/not-an-idea`,
      `/n/${networkSlug}/ideas/%E0%A4%A`,
      '/n/not-a-network/measures/m1',
    ]) {
      const queries = (await queriesOf(page))?.map((answer) => answer.query);
      expect(queries, page).not.toContain('ChartMeasures');
      expect(queries, page).not.toContain('IdeaPage');
    }
  });

  it('adds the queries of the home cards she sees to her home page, by her role and site there', async () => {
    const networkId = network.id;
    const homeQueries = async (member: TestMember) =>
      startAnswersIn(
        (
          await raw(`${app.url}/n/${networkSlug}`, { headers: { accept: 'text/html', cookie: member.client.cookie! } })
        ).body.toString(),
      )
        ?.slice(4)
        .map(({ query, variables }) => ({ query, variables }));
    const lead = await app.newMember(admin, networkId, 'SITE_LEAD', sites[0].id);
    const patient = await app.newMember(admin, networkId, 'PATIENT_PARTNER', null);

    // Of the cards whose queries this build has (QUERY_DOCUMENTS), those each of them sees.
    expect(await homeQueries(lead)).toEqual([
      { query: 'SharedAim', variables: { networkId } },
      { query: 'SiteTeam', variables: { networkId, siteId: sites[0].id } },
    ]);
    expect(await homeQueries(patient)).toEqual([
      { query: 'SharedAim', variables: { networkId } },
      { query: 'MyChangeIdeas', variables: { networkId, first: 5 } },
    ]);
    expect(await homeQueries(admin)).toEqual([{ query: 'SharedAim', variables: { networkId } }]);
    // Another page of the network: none of them.
    const ideas = await raw(`${app.url}/n/${networkSlug}/ideas`, {
      headers: { accept: 'text/html', cookie: lead.client.cookie! },
    });
    expect(startAnswersIn(ideas.body.toString())?.map((answer) => answer.query)).not.toContain('SharedAim');
  });

  it('escapes what a member wrote, so nothing she writes can end the element or run', async () => {
    const name = 'Ada </script><script>alert(1)</script><!--';
    await app.prisma.user.update({ where: { id: admin.userId }, data: { name } });
    try {
      const html = (
        await raw(`${app.url}/profile`, { headers: { accept: 'text/html', cookie: admin.client.cookie! } })
      ).body.toString();

      expect(html.match(/<\/script>/g)).toHaveLength(1 + (INDEX.match(/<\/script>/g)?.length ?? 0));
      const element = html.slice(html.indexOf('<script type="application/json"'), html.lastIndexOf('</body>'));
      expect(element).not.toMatch(/<!--|<script>|<\/script><script/);
      expect(startAnswersIn(html)?.[0]?.data).toMatchObject({ me: { id: admin.userId, name } });
    } finally {
      await app.prisma.user.update({ where: { id: admin.userId }, data: { name: admin.name } });
    }
  });

  it("answers a build file that is not there with 404, never with the app's page", async () => {
    for (const accept of ['*/*', 'text/html']) {
      const response = await raw(`${app.url}/assets/gone-1a2b3c.js`, {
        headers: { accept, cookie: admin.client.cookie! },
      });
      expect(response.status, accept).toBe(404);
      expect(response.body.toString()).not.toContain('<!doctype html>');
    }
  });

  it('never serves a file outside the web folder, whatever the path', async () => {
    for (const page of ['/assets/..%2F..%2F..%2Fetc%2Fpasswd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/%E0%A4%A']) {
      const response = await raw(`${app.url}${page}`, {
        headers: { accept: 'text/html', 'accept-encoding': 'br, gzip' },
      });

      expect(response.body.toString()).not.toMatch(/root:/);
    }
  });

  it('compresses a GraphQL answer above 1 KB for a client that accepts it, and leaves a small one alone', async () => {
    const sites = `{ me { id name email } }`;
    const big = `{ __type(name: "Query") { fields { name description } } }`;
    const headers = {
      'content-type': 'application/json',
      'x-commons-csrf': '1',
      cookie: admin.client.cookie!,
      'accept-encoding': 'gzip, br',
    };

    const small = await raw(`${app.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query: sites }) });
    const large = await raw(`${app.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query: big }) });

    expect(small.status).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body.toString()).data.me.email).toBe(admin.email);
    expect(large.headers['content-encoding']).toMatch(/^(br|gzip)$/);
    const text = large.headers['content-encoding'] === 'br' ? brotliDecompressSync(large.body) : gunzipSync(large.body);
    const answer = JSON.parse(text.toString()) as { data?: Record<string, unknown>; errors?: unknown };
    expect(answer.errors).toBeUndefined();
    expect(text.length).toBeGreaterThan(1024);
  });

  it('keeps live connections working (socket.io is not behind the compression)', async () => {
    const socket = io(app.url, {
      transports: ['polling'],
      extraHeaders: { cookie: admin.client.cookie! },
      reconnection: false,
    });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
      expect(socket.connected).toBe(true);
    } finally {
      socket.disconnect();
    }
  });
});

describe('the sign-in page of a Commons without a network', () => {
  let app: TestApp;
  let webDir: string;

  beforeAll(async () => {
    webDir = await mkdtemp(path.join(tmpdir(), 'commons-web-'));
    await writeFile(path.join(webDir, 'index.html'), INDEX);
    await writeFile(path.join(webDir, 'sign-in.html'), SIGN_IN);
    app = await TestApp.start({ WEB_DIR: webDir });
  });
  afterAll(async () => {
    await app?.stop();
    await rm(webDir, { recursive: true, force: true });
  });

  it('opens setup instead: there is nobody to sign in yet', async () => {
    const response = await raw(`${app.url}/sign-in?next=%2Fn%2Fibd`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(302);
    expect(response.headers.location).toBe('/setup');
    expect((await raw(`${app.url}/setup`, { headers: { accept: 'text/html' } })).status).toBe(200);
  });
});

describe("pages with their answers, at a member's pace", () => {
  const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  let webDir: string;
  let app: TestApp;
  let other: RunningServer;
  let admin: TestMember;
  let member: TestMember;
  let networkSlug: string;

  beforeAll(async () => {
    webDir = await mkdtemp(path.join(tmpdir(), 'commons-web-'));
    await writeFile(path.join(webDir, 'index.html'), INDEX);
    await mkdir(path.join(webDir, '.vite'));
    await writeFile(path.join(webDir, '.vite', 'query-documents.json'), JSON.stringify(QUERY_DOCUMENTS));
    const env = { WEB_DIR: webDir, ANSWERED_PAGES_PER_MINUTE: '3', REDIS_URL };
    app = await TestApp.start(env);
    // A second process of the same Commons: the pace is hers, whichever process serves her.
    other = await app.startAnotherNode({ MAIL_WORKERS: 'false', ...env });
    const made = await app.newNetwork(1);
    admin = made.admin;
    networkSlug = made.network.slug;
    member = await app.newMember(admin, made.network.id, 'CLINICIAN', made.sites[0].id);
  });
  afterAll(async () => {
    await other?.close();
    await app?.stop();
    await rm(webDir, { recursive: true, force: true });
  });

  const answered = async (url: string, who: TestMember) => {
    const page = await raw(`${url}/n/${networkSlug}`, { headers: { accept: 'text/html', cookie: who.client.cookie! } });
    expect(page.status).toBe(200);
    return startAnswersIn(page.body.toString()) !== null;
  };

  it('gives a member so many pages a minute with their answers, counted across processes, then the bare app', async () => {
    expect(await answered(app.url, admin)).toBe(true);
    expect(await answered(other.url, admin)).toBe(true);
    expect(await answered(app.url, admin)).toBe(true);
    // The fourth this minute: the app, which asks for its data itself.
    expect(await answered(other.url, admin)).toBe(false);
    expect(await answered(app.url, admin)).toBe(false);
    // Her pace is hers alone.
    expect(await answered(app.url, member)).toBe(true);
  });
});

interface ServedWebApp {
  url: string;
  close: () => Promise<void>;
}

/** The web app alone on a port of its own, with `options` in place of the rest of the app. */
async function serveWebApp(webDir: string, options: WebAppOptions): Promise<ServedWebApp> {
  const app = express();
  app.use(cookieParser());
  app.use(webApp(webDir, options));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('a page whose start-up answers are slow or fail', () => {
  let webDir: string;
  let served: ServedWebApp;
  let url: string;
  let answer: () => Promise<StartAnswer[] | null>;
  /** An answer, and the element that carries it in the page. */
  const answerNamed = (query: string) => [{ query, variables: {}, data: { [query]: true } }];
  const elementOf = (query: string) => startDataElement(answerNamed(query));

  beforeAll(async () => {
    webDir = await mkdtemp(path.join(tmpdir(), 'commons-web-'));
    await writeFile(path.join(webDir, 'index.html'), INDEX);
    served = await serveWebApp(webDir, { startData: () => answer(), startDataWaitMs: 300 });
    url = served.url;
  });
  afterAll(async () => {
    await served?.close();
    await rm(webDir, { recursive: true, force: true });
  });

  const open = () => raw(`${url}/n/ibd`, { headers: { accept: 'text/html', cookie: 'commons_session=some-session' } });

  it('goes without them once the wait is over, and without them when they fail', async () => {
    answer = () => new Promise((resolve) => setTimeout(() => resolve(answerNamed('late')), 5000).unref());
    const started = performance.now();
    const late = await open();
    expect(late.status).toBe(200);
    expect(late.body.toString()).toBe(INDEX);
    expect(performance.now() - started).toBeLessThan(3000);

    answer = () => Promise.reject(new Error('the database is down'));
    const failed = await open();
    expect(failed.status).toBe(200);
    expect(failed.body.toString()).toBe(INDEX);

    answer = () => Promise.resolve(answerNamed('onTime'));
    expect((await open()).body.toString()).toContain(`${elementOf('onTime')}\n  </body>`);
  });

  it('carries on when the browser leaves between the two parts', async () => {
    let answered!: () => void;
    const answerSent = new Promise<void>((resolve) => (answered = resolve));
    answer = () =>
      new Promise((resolve) =>
        setTimeout(() => {
          resolve(answerNamed('tooLate'));
          setImmediate(answered);
        }, 100).unref(),
      );
    for (const encoding of ['br', 'identity']) {
      const request = http.get(`${url}/n/ibd`, {
        headers: { accept: 'text/html', 'accept-encoding': encoding, cookie: 'commons_session=some-session' },
      });
      request.on('error', () => undefined);
      const response = await new Promise<http.IncomingMessage>((resolve) => request.on('response', resolve));
      await new Promise((resolve) => response.once('data', resolve));
      request.destroy();
    }
    await answerSent;
    await new Promise((resolve) => setTimeout(resolve, 50));

    answer = () => Promise.resolve(answerNamed('onTime'));
    expect((await open()).body.toString()).toContain(`${elementOf('onTime')}\n  </body>`);
  });

  it('sends the page up to the end of its body at once, and the answers when they are in', async () => {
    // When the answer was let go, per request: the page's parts are told apart by it, not by a clock.
    let releasedAt = Infinity;
    answer = () =>
      new Promise((resolve) =>
        setTimeout(() => {
          releasedAt = performance.now();
          resolve(answerNamed('in'));
        }, 250).unref(),
      );
    for (const encoding of ['br', 'gzip', 'identity']) {
      releasedAt = Infinity;
      const parts: { at: number; bytes: Buffer }[] = [];
      const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
        http
          .get(`${url}/n/ibd`, {
            headers: { accept: 'text/html', 'accept-encoding': encoding, cookie: 'commons_session=some-session' },
          })
          .on('response', resolve)
          .on('error', reject);
      });
      // Decompressed as it arrives, as a browser reads it.
      const decoded =
        encoding === 'br'
          ? response.pipe(createBrotliDecompress())
          : encoding === 'gzip'
            ? response.pipe(createGunzip())
            : response;
      decoded.on('data', (bytes: Buffer) => parts.push({ at: performance.now(), bytes }));
      await new Promise((resolve) => decoded.on('end', resolve));

      expect(response.headers['content-encoding'], encoding).toBe(encoding === 'identity' ? undefined : encoding);
      expect(response.headers['x-accel-buffering']).toBe('no');
      const first = parts[0];
      expect(first.at, encoding).toBeLessThan(releasedAt);
      expect(first.bytes.toString(), encoding).toBe(INDEX.slice(0, INDEX.indexOf('</body>')));
      expect(parts.at(-1)!.at, encoding).toBeGreaterThan(releasedAt);
      expect(Buffer.concat(parts.map((part) => part.bytes)).toString(), encoding).toBe(
        INDEX.replace('</body>', `${elementOf('in')}\n  </body>`),
      );
    }
  });
});

describe('a page the server draws with its answers', () => {
  // index.html as the client's build writes it: the app's scripts in the head, the banner inside
  // the root element, then <noscript>.
  const SCRIPTS =
    '<script type="module" crossorigin src="/assets/app-1.js"></script><link rel="modulepreload" crossorigin href="/assets/react-1.js">';
  const HEAD_OF = (scripts: string, links = '') =>
    `<!doctype html><html><head><title>Commons</title>${scripts}${links}</head><body>\n    `;
  const ROOT = '<div id="root">\n      <div class="app"><header>Commons</header></div>\n    </div>';
  const NOSCRIPT = '\n    <noscript>Commons needs JavaScript.</noscript>\n  ';
  const PAGE = `${HEAD_OF('\n    <script type="module" crossorigin src="/assets/app-1.js"></script>\n    <link rel="modulepreload" crossorigin href="/assets/react-1.js">')}${ROOT}${NOSCRIPT}</body></html>`;
  const ANSWERS: StartAnswer[] = [{ query: 'Viewer', variables: {}, data: { me: { name: 'Ada <b>' } } }];
  let webDir: string;
  let served: ServedWebApp;
  let url: string;
  let answer: () => Promise<StartAnswer[] | null>;
  let draw: (answers: StartAnswer[]) => Promise<string>;
  let drawn: { url: string; answers: StartAnswer[] }[];

  beforeAll(async () => {
    webDir = await mkdtemp(path.join(tmpdir(), 'commons-web-'));
    await writeFile(path.join(webDir, 'index.html'), PAGE);
    await mkdir(path.join(webDir, '.vite'));
    const branches = [{ path: '/n/:slug', index: true, files: ['/assets/home-page-1.js', '/assets/home-1.css'] }];
    await writeFile(path.join(webDir, '.vite', 'page-files.json'), JSON.stringify({ branches }));
    const manifest = { 'src/i18n/locales/en.json': { file: 'assets/en-1.json', src: 'src/i18n/locales/en.json' } };
    await writeFile(path.join(webDir, '.vite', 'manifest.json'), JSON.stringify(manifest));
    served = await serveWebApp(webDir, {
      startData: () => answer(),
      startDataWaitMs: 300,
      drawPage: (req, answers) => {
        drawn.push({ url: req.originalUrl, answers });
        return draw(answers);
      },
    });
    url = served.url;
  });
  afterAll(async () => {
    await served?.close();
    await rm(webDir, { recursive: true, force: true });
  });

  /** The page's parts as they arrive, decompressed, and its headers. */
  const openInParts = async (page: string) => {
    const parts: Buffer[] = [];
    const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
      http
        .get(`${url}${page}`, {
          headers: {
            accept: 'text/html',
            'accept-encoding': 'br',
            'accept-language': 'en',
            cookie: 'commons_session=some-session',
          },
        })
        .on('response', resolve)
        .on('error', reject);
    });
    const decoded = response.pipe(createBrotliDecompress());
    decoded.on('data', (bytes: Buffer) => parts.push(bytes));
    await new Promise((resolve) => decoded.on('end', resolve));
    return { parts: parts.map((part) => part.toString()), headers: response.headers };
  };

  it('sends its head at once with its stylesheets, then the page drawn inside the root, the answers, and last the scripts', async () => {
    drawn = [];
    answer = () => new Promise((resolve) => setTimeout(() => resolve(ANSWERS), 100).unref());
    draw = () => Promise.resolve('<main><h1>Welcome, Ada &lt;b&gt;</h1></main>');

    const { parts, headers } = await openInParts('/n/ibd?tab=mine');

    // The head came before the answers did, without the scripts and without the banner of the file.
    const head = HEAD_OF('', '<link rel="stylesheet" crossorigin href="/assets/home-1.css">');
    expect(parts[0]).toBe(head);
    expect(parts.join('')).toBe(
      `${head}<div id="root" data-drawn-by-server inert><main><h1>Welcome, Ada &lt;b&gt;</h1></main></div>` +
        `${NOSCRIPT}${startDataElement(ANSWERS)}\n  ${SCRIPTS}` +
        '<link rel="modulepreload" crossorigin href="/assets/home-page-1.js">' +
        '<link rel="preload" as="fetch" crossorigin href="/assets/en-1.json">\n  </body></html>',
    );
    // The texts are linked in the page, after the content, not ahead of everything in a header.
    expect(headers.link).toBeUndefined();
    expect(drawn).toEqual([{ url: '/n/ibd?tab=mine', answers: ANSWERS }]);
  });

  it('goes with the root as the file has it (the app draws the page) when the drawing fails or there are no answers', async () => {
    drawn = [];
    answer = () => Promise.resolve(ANSWERS);
    draw = () => Promise.reject(new Error('a page that cannot be drawn'));
    const failed = (await openInParts('/n/ibd')).parts.join('');
    expect(failed).toContain(`${ROOT}${NOSCRIPT}${startDataElement(ANSWERS)}\n  ${SCRIPTS}`);
    expect(drawn).toHaveLength(1);

    answer = () => Promise.reject(new Error('the database is down'));
    const unanswered = (await openInParts('/n/ibd')).parts.join('');
    expect(unanswered).toContain(`${ROOT}${NOSCRIPT}${SCRIPTS}`);
    expect(drawn).toHaveLength(1);
  });
});

describe('rootElementOf and scriptsAside', () => {
  it('takes the scripts out of a head, in their order, and leaves the rest as it was', () => {
    const head =
      '<head><title>x</title>\n    <script type="module" crossorigin src="/a.js"></script>\n    <link rel="modulepreload" crossorigin href="/b.js">\n    <link rel="icon" href="/i.png"></head>';
    expect(scriptsAside(head)).toEqual({
      head: '<head><title>x</title>\n    <link rel="icon" href="/i.png"></head>',
      scripts:
        '<script type="module" crossorigin src="/a.js"></script><link rel="modulepreload" crossorigin href="/b.js">',
    });
  });

  it('finds the root element, with what is inside it, up to <noscript>', () => {
    const html = '<body><div id="root"><div><p>banner</p></div></div>\n<noscript>no</noscript></body>';
    const root = rootElementOf(html)!;
    expect(html.slice(root.start, root.end)).toBe('<div id="root"><div><p>banner</p></div></div>');
    expect(rootElementOf('<body><div id="app"></div><noscript>no</noscript></body>')).toBeNull();
    expect(rootElementOf('<body><div id="root"></div></body>')).toBeNull();
  });
});
