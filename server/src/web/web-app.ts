import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DRAWN_BY_SERVER_ATTRIBUTE, safeNextPath, type StartAnswer } from '@commons/shared';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';
import express, { type NextFunction, type Request, type Response } from 'express';
import { SESSION_COOKIE } from '../platform/auth/session-token';
import type { DrawPage } from './page-drawing';
import { pagePreloads } from './page-preloads';
import { startDataElement } from './start-data';

const API_PREFIXES = ['/graphql', '/healthz', '/readyz', '/socket.io', '/files', '/mail'];

/** Encodings the build writes next to each file (`name.js.br`, `name.js.gz`), best first. */
const PRECOMPRESSED = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

/** Types of the files the build compresses; anything else is served as it is. */
const COMPRESSIBLE_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Pages the build makes an HTML file of their own for (an entry with only what that page needs);
 * every other page of the app is index.html.
 */
const OWN_PAGES: Record<string, string> = { '/sign-in': 'sign-in.html' };

/** Pages anyone may open: a prefix ending in `/` covers the pages under it. Every other page needs a session. */
const PUBLIC_PAGES = [
  '/sign-in',
  '/setup',
  '/forgot-password',
  '/invite/',
  '/reset-password/',
  '/confirm-email/',
  '/unsubscribe/',
];

/** A page's path without trailing slashes (`/sign-in/` is `/sign-in`), as the two lists above name pages. */
const pageOf = (urlPath: string) => urlPath.replace(/(.)\/+$/, '$1');

const isPublicPage = (page: string) =>
  PUBLIC_PAGES.some((publicPage) => (publicPage.endsWith('/') ? page.startsWith(publicPage) : page === publicPage));

/** The session token a request carries, if any (valid or not). */
export const sessionTokenOf = (req: Request) =>
  (req.cookies as Record<string, string | undefined> | undefined)?.[SESSION_COOKIE];

/**
 * A browser opening a page that needs a session without having one (no session cookie at all):
 * it goes to sign in at once, coming back here after, instead of loading the app only to be sent
 * there. A cookie that has expired still loads the app, which finds out and does the same.
 */
function needsSignIn(req: Request, page: string): boolean {
  return Boolean(req.get('accept')?.includes('text/html')) && !sessionTokenOf(req) && !isPublicPage(page);
}

/**
 * What the sign-in page leads to instead of its form: `signed-in` for a member whose session is
 * valid (she goes on to where she was heading), `setup` while this Commons has no network (there is
 * nobody to sign in), null for the form.
 */
export type SignInLeadsTo = (sessionToken: string | undefined) => Promise<'signed-in' | 'setup' | null>;

/**
 * Where the build put each language's texts (`assets/en-….json`), read from its manifest: the app
 * fetches one language's texts before it draws anything, so a page says at once which to fetch.
 */
function localeTexts(root: string): Map<string, string> {
  const texts = new Map<string, string>();
  let manifest: Record<string, { file?: unknown }>;
  try {
    manifest = JSON.parse(readFileSync(path.join(root, '.vite', 'manifest.json'), 'utf8')) as typeof manifest;
  } catch {
    return texts;
  }
  for (const [source, chunk] of Object.entries(manifest)) {
    const locale = /^src\/i18n\/locales\/([a-z]{2})\.json$/.exec(source)?.[1];
    if (locale && typeof chunk.file === 'string') texts.set(locale, `/${chunk.file}`);
  }
  return texts;
}

/**
 * The answers to a page's start-up queries (start-data.ts), or null for none; by `deadline`, with
 * those that came in by then.
 */
export type StartDataOf = (
  req: Request,
  res: Response,
  page: string,
  deadline: Promise<void>,
) => Promise<StartAnswer[] | null>;

/** How long a page waits for its start-up answers before it goes without them (the app then asks). */
const START_DATA_WAIT_MS = 1000;

export interface WebAppOptions {
  signInLeadsTo?: SignInLeadsTo;
  startData?: StartDataOf;
  /** Draws a page with its answers (page-drawing.ts); pages are drawn by the app alone without it. */
  drawPage?: DrawPage;
  /** START_DATA_WAIT_MS unless set (tests). */
  startDataWaitMs?: number;
}

/**
 * Serves the built web app: its static files, sign-in.html for the sign-in page, and index.html
 * for every other GET that is a page of the single-page app. Files the build compressed (brotli
 * and gzip, written next to them) are sent compressed to a browser that accepts it, with
 * `Vary: Accept-Encoding`; hashed assets are
 * cached for a year, index.html is revalidated every time. A page comes with a `Link` header that
 * preloads the texts of the language the browser asks for, which the app would otherwise only
 * request once its scripts have run. With `options`, the sign-in page sends a member already signed
 * in (or anyone, while setup is needed) elsewhere before it loads, and a signed-in member's page
 * carries the answers to the app's start-up queries and links to its own chunks (page-preloads.ts).
 */
export function webApp(webDir: string, options: WebAppOptions = {}) {
  const root = path.resolve(webDir);
  const indexHtml = path.join(root, 'index.html');
  const texts = localeTexts(root);
  const preloadsOf = pagePreloads(root);
  const textsFor = (req: Request) => {
    const locale = texts.size > 0 ? req.acceptsLanguages([...texts.keys()]) : false;
    return locale ? texts.get(locale) : undefined;
  };
  const preloadTexts = (req: Request, res: Response) => {
    const file = textsFor(req);
    if (!file) return;
    res.setHeader('Link', `<${file}>; rel=preload; as=fetch; crossorigin`);
    res.vary('Accept-Language');
  };
  const cacheControl = (filePath: string) =>
    filePath.includes(`${path.sep}assets${path.sep}`) ? IMMUTABLE : 'no-cache';
  const assets = express.static(root, {
    index: false,
    setHeaders(res, filePath) {
      res.setHeader('Cache-Control', cacheControl(filePath));
      if (COMPRESSIBLE_TYPES[path.extname(filePath)]) res.setHeader('Vary', 'Accept-Encoding');
    },
  });
  // Whether a compressed copy exists, remembered for files that exist (so the map stays as small as
  // the built folder, whatever paths are asked for): the folder does not change while the app runs.
  const siblings = new Map<string, boolean>();
  const hasSibling = (original: string, sibling: string) => {
    let known = siblings.get(sibling);
    if (known === undefined) {
      known = existsSync(sibling);
      if (existsSync(original)) siblings.set(sibling, known);
    }
    return known;
  };

  /** Sends `file` compressed when the browser accepts an encoding the build wrote; false when it cannot. */
  const sendCompressed = (req: Request, res: Response, next: NextFunction, file: string): boolean => {
    const type = COMPRESSIBLE_TYPES[path.extname(file)];
    if (!type || !file.startsWith(root + path.sep)) return false;
    // Our order, not the browser's: brotli is smaller, and browsers list gzip first.
    const chosen = PRECOMPRESSED.find(
      (option) => req.acceptsEncodings(option.encoding) === option.encoding && hasSibling(file, file + option.suffix),
    );
    if (!chosen) return false;
    res.setHeader('Content-Type', type);
    res.setHeader('Content-Encoding', chosen.encoding);
    res.vary('Accept-Encoding');
    res.setHeader('Cache-Control', cacheControl(file));
    res.sendFile(file + chosen.suffix, (error) => {
      if (error && !res.headersSent) next(error);
    });
    return true;
  };

  /**
   * The page to open instead of the sign-in form, asked before the form is sent: the form draws
   * at once, without first asking the server who is there. When the answer cannot be had, the form.
   */
  const insteadOfSignIn = async (req: Request): Promise<string | null> => {
    if (!options.signInLeadsTo) return null;
    const leadsTo = await options.signInLeadsTo(sessionTokenOf(req)).catch(() => null);
    if (leadsTo === 'setup') return '/setup';
    if (leadsTo !== 'signed-in') return null;
    const next = safeNextPath(new URLSearchParams(req.originalUrl.split('?')[1] ?? '').get('next'));
    // Never back to sign-in itself: a link nesting `next` many times over would bounce her around.
    return pageOf(next.split(/[?#]/)[0]) === '/sign-in' ? '/' : next;
  };

  // The HTML files do not change while the app runs: read once, when first sent with answers in them.
  const htmlTexts = new Map<string, string>();
  const htmlText = (file: string) => {
    let text = htmlTexts.get(file);
    if (text === undefined) {
      text = readFileSync(file, 'utf8');
      htmlTexts.set(file, text);
    }
    return text;
  };

  // A drawn page's parts of each HTML file, found once (null for a file without a root to draw into).
  const drawnLayouts = new Map<string, DrawnLayout | null>();
  const drawnLayoutOf = (file: string) => {
    let layout = drawnLayouts.get(file);
    if (layout === undefined) {
      layout = drawnLayout(htmlText(file));
      drawnLayouts.set(file, layout);
    }
    return layout;
  };

  /**
   * Sends `file` for a signed-in member's page in two parts: at once, its head, with links to the
   * page's own files; then, once its start-up answers are in (or the wait is over), the rest, with
   * the answers in it. The browser fetches the page's files while the server asks the database, and
   * the scripts, which run once the page has been read, find the answers in it. Compressed here,
   * part by part (it differs for each member); it holds her own data, so no shared cache keeps it.
   * With `drawPage`, the page goes drawn (sendDrawn).
   */
  const sendWithStartData = async (req: Request, res: Response, file: string, page: string, run: StartDataOf) => {
    const html = htmlText(file);
    const layout = options.drawPage ? drawnLayoutOf(file) : null;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', 'private, no-cache');
    // A proxy in front (nginx) passes the first part on as it comes, rather than the page at its end.
    res.setHeader('X-Accel-Buffering', 'no');
    res.vary('Accept-Encoding');
    res.vary('Cookie');
    if (layout && options.drawPage) return sendDrawn(req, res, layout, page, run, options.drawPage);
    preloadTexts(req, res);
    const bodyEnd = html.lastIndexOf('</body>');
    const out = htmlStream(req, res);
    // The banner the file draws goes with the first part: in sight while the server asks.
    out.send(html.slice(0, bodyEnd).replace('</head>', `${preloadsOf(page)}</head>`));
    const answers = await startAnswers(req, res, page, run);
    out.end(`${answers ? `${startDataElement(answers)}\n  ` : ''}${html.slice(bodyEnd)}`);
  };

  /**
   * Sends a page drawn by the server with its answers: first its head, with the page's stylesheets
   * (the content must not show unstyled); then the page drawn inside the root (or the root as the
   * file has it when it could not be drawn), the answers, and only then the app's scripts and the
   * texts they need. On a slow connection the content comes before 200 KB of scripts, and the phone
   * draws it before it starts running them (scripts already in when the content arrives run before
   * the content is drawn).
   */
  const sendDrawn = async (
    req: Request,
    res: Response,
    layout: DrawnLayout,
    page: string,
    run: StartDataOf,
    drawPage: DrawPage,
  ) => {
    const textsFile = textsFor(req);
    if (textsFile) res.vary('Accept-Language');
    const out = htmlStream(req, res);
    out.send(layout.head.replace('</head>', `${preloadsOf(page, 'styles')}</head>`));
    const answers = await startAnswers(req, res, page, run);
    const drawn = answers ? await drawPage(req, answers).catch(() => null) : null;
    const rootElement =
      drawn === null
        ? layout.root
        : // Inert until the app has taken it over (client/src/app/app.tsx).
          `<div id="root" ${DRAWN_BY_SERVER_ATTRIBUTE} inert>${drawn}</div>`;
    const textsLink = textsFile ? `<link rel="preload" as="fetch" crossorigin href="${textsFile}">` : '';
    out.end(
      `${rootElement}${layout.afterRoot}${answers ? `${startDataElement(answers)}\n  ` : ''}` +
        `${layout.scripts}${preloadsOf(page, 'scripts')}${textsLink}\n  ${layout.end}`,
    );
  };

  /**
   * The answers to a page's start-up queries. A slow database never holds a page back for long:
   * past the wait, it goes with the answers that came in by then (one turn of the event loop to put
   * them in), or without.
   */
  const startAnswers = (req: Request, res: Response, page: string, run: StartDataOf) => {
    const deadline = new Promise<void>((resolve) =>
      setTimeout(resolve, options.startDataWaitMs ?? START_DATA_WAIT_MS).unref(),
    );
    return Promise.race([
      run(req, res, page, deadline).catch(() => null),
      deadline.then(() => new Promise<null>((resolve) => setImmediate(resolve, null))),
    ]);
  };

  return (req: Request, res: Response, next: NextFunction) => {
    if (API_PREFIXES.some((prefix) => req.path === prefix || req.path.startsWith(`${prefix}/`))) return next();
    if (req.method === 'GET' || req.method === 'HEAD') {
      const file = fileOf(root, req.path);
      if (file && file !== indexHtml && sendCompressed(req, res, next, file)) return;
    }
    assets(req, res, () => {
      if (req.method !== 'GET' || !req.accepts('html')) return next();
      // A file of the build that is not there (a page still open from before a release asking for
      // a chunk that is gone): 404, not the app's page in place of a script.
      if (req.path.startsWith('/assets/')) return next();
      const page = pageOf(req.path);
      const ownPage = OWN_PAGES[page];
      const html = ownPage && existsSync(path.join(root, ownPage)) ? path.join(root, ownPage) : indexHtml;
      if (!existsSync(html)) return next();
      if (needsSignIn(req, page)) {
        res.setHeader('Cache-Control', 'no-store');
        const here = req.originalUrl;
        return res.redirect(302, here === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(here)}`);
      }
      const send = () => {
        preloadTexts(req, res);
        if (sendCompressed(req, res, next, html)) return;
        res.setHeader('Cache-Control', 'no-cache');
        res.vary('Accept-Encoding');
        res.sendFile(html);
      };
      if (page !== '/sign-in') {
        if (ownPage || !sessionTokenOf(req) || !options.startData) return send();
        return void sendWithStartData(req, res, html, page, options.startData).catch((error: unknown) => {
          if (!res.headersSent) next(error);
          else res.destroy(error as Error);
        });
      }
      void insteadOfSignIn(req).then((instead) => {
        if (!instead) return send();
        res.setHeader('Cache-Control', 'no-store');
        res.redirect(302, instead);
      });
    });
  };
}

/**
 * The parts of a page's HTML that a drawn page is sent in: its head without the app's scripts, the
 * root element as the file has it, what follows it in the body, the scripts, and the end.
 */
interface DrawnLayout {
  head: string;
  root: string;
  afterRoot: string;
  scripts: string;
  end: string;
}

/** A page's HTML in the parts a drawn page is sent in, or null when it has no root element to draw into. */
function drawnLayout(html: string): DrawnLayout | null {
  const root = rootElementOf(html);
  if (!root) return null;
  const bodyEnd = html.lastIndexOf('</body>');
  const { head, scripts } = scriptsAside(html.slice(0, root.start));
  return {
    head,
    root: html.slice(root.start, root.end),
    afterRoot: html.slice(root.end, bodyEnd),
    scripts,
    end: html.slice(bodyEnd),
  };
}

/** The app's scripts in a page's head: its entry, and the chunks the build has it fetch ahead. */
const SCRIPT_TAGS = /\s*(?:<script type="module"[^>]*><\/script>|<link rel="modulepreload"[^>]*>)/g;

/** A page's head without the app's scripts, and those scripts, to go at the end of the page. */
export function scriptsAside(head: string): { head: string; scripts: string } {
  const scripts = head.match(SCRIPT_TAGS)?.map((tag) => tag.trim()) ?? [];
  return { head: head.replace(SCRIPT_TAGS, ''), scripts: scripts.join('') };
}

/**
 * Where the app's root element (`<div id="root">`, with the banner the file draws in it) starts and
 * ends in a page's HTML, or null when it has none. It is the last element before `<noscript>`.
 */
export function rootElementOf(html: string): { start: number; end: number } | null {
  const start = html.indexOf('<div id="root">');
  const after = html.indexOf('<noscript>', start);
  const end = html.lastIndexOf('</div>', after);
  return start >= 0 && after >= 0 && end > start ? { start, end: end + '</div>'.length } : null;
}

/** The file a URL path names inside `root`, or null for a path that cannot name one. */
function fileOf(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.join(root, path.normalize(decoded));
  return file.startsWith(root + path.sep) ? file : null;
}

/**
 * Writes an HTML page in parts, each sent on at once: brotli or gzip when the browser accepts it
 * (flushed after each part), as it is otherwise.
 */
function htmlStream(req: Request, res: Response): { send: (part: string) => void; end: (part: string) => void } {
  const encoding = req.acceptsEncodings('br') === 'br' ? 'br' : req.acceptsEncodings('gzip') === 'gzip' ? 'gzip' : null;
  if (!encoding) return { send: (part) => res.write(part), end: (part) => res.end(part) };
  res.setHeader('Content-Encoding', encoding);
  const compressor =
    encoding === 'br' ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }) : createGzip();
  compressor.pipe(res);
  // A browser that leaves before the end: nothing more to compress.
  res.once('close', () => compressor.destroy());
  return {
    send: (part) => {
      compressor.write(part);
      compressor.flush();
    },
    end: (part) => compressor.end(part),
  };
}
