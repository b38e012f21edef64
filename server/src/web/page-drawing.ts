import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  LOCALE_COOKIE,
  type Locale,
  type PageToDraw,
  type StartAnswer,
  SUPPORTED_LOCALES,
  TIME_ZONE_COOKIE,
} from '@commons/shared';
import type { Request } from 'express';
import { cleanMarkdownHtml } from '../platform/markdown/markdown';

/** The client's build for the server (client/src/entry-server.tsx). */
interface ServerBuild {
  drawPage: (page: PageToDraw) => Promise<string>;
}

/** Draws the app's page for a request with the page's start-up answers: its HTML, for inside the app's root element. */
export type DrawPage = (req: Request, answers: StartAnswer[]) => Promise<string>;

/** Where the client's build for the server is, beside the web app's folder (`client/dist` → `client/dist-server`). */
export const serverBuildOf = (webDir: string) =>
  path.join(path.dirname(path.resolve(webDir)), 'dist-server', 'entry-server.js');

const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);

/** A time zone name Intl knows, or null. */
function knownTimeZone(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 64) return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The language tags a request's Accept-Language lists, best first (as `navigator.languages` gives them). */
function browserLanguages(req: Request): string[] {
  return req
    .acceptsLanguages()
    .filter((tag) => tag !== '*' && /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(tag))
    .slice(0, 10);
}

/**
 * The language the app starts in for this request, as the app finds it (client/src/i18n/i18n.ts):
 * the one it last started in (its cookie), otherwise the first of the browser's it has texts for.
 */
function startingLocale(req: Request, languages: string[]): Locale {
  const cookie = (req.cookies as Record<string, string | undefined> | undefined)?.[LOCALE_COOKIE];
  if (isLocale(cookie)) return cookie;
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

/**
 * Draws signed-in members' pages on the server with the client's build for it, so a page's content
 * is on her screen before any of its scripts has run (the app then takes it over as it is).
 * Null when that build is not there (the web app built without it): pages then go as before, drawn
 * by the app alone.
 */
export async function pageDrawing(webDir: string, onError: (error: unknown) => void): Promise<DrawPage | null> {
  const file = serverBuildOf(webDir);
  if (!existsSync(file)) return null;
  const build = (await import(pathToFileURL(file).href)) as ServerBuild;
  return async (req, answers) => {
    const languages = browserLanguages(req);
    const cookies = req.cookies as Record<string, string | undefined> | undefined;
    try {
      return await build.drawPage({
        url: req.originalUrl,
        answers,
        locale: startingLocale(req, languages),
        languages,
        timeZone: knownTimeZone(cookies?.[TIME_ZONE_COOKIE]) ?? 'UTC',
        cleanHtml: cleanMarkdownHtml,
      });
    } catch (error) {
      onError(error);
      throw error;
    }
  };
}
