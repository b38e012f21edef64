import type { Locale } from '../validation/text';

/**
 * The id of the element in which the server puts the answers to a page's start-up queries
 * (server/src/web/start-data.ts), and the app reads them (client/src/graphql/start-data.ts).
 */
export const START_DATA_ELEMENT = 'commons-start-data';

/** One answer in that element: the query's operation name, its variables and its data. */
export interface StartAnswer {
  query: string;
  variables: Record<string, unknown>;
  data: unknown;
}

/**
 * The attribute on the app's root element when the server drew the page inside it
 * (server/src/web/page-drawing.ts): the app then takes that page over instead of drawing it anew.
 */
export const DRAWN_BY_SERVER_ATTRIBUTE = 'data-drawn-by-server';

/**
 * Cookies the app keeps so the server draws a page as the app will: the language it starts in,
 * and the browser's time zone (IANA name) for dates and times.
 */
export const LOCALE_COOKIE = 'commons-locale';
export const TIME_ZONE_COOKIE = 'commons-time-zone';

/**
 * What the server knows of a page and of her browser as it draws the page with the client's build
 * for Node (client/src/entry-server.tsx, called by server/src/web/page-drawing.ts).
 */
export interface PageToDraw {
  /** The page's address: its path and query. */
  url: string;
  /** The answers to the page's start-up queries, as the page carries them. */
  answers: unknown;
  /** The language the app will start in. */
  locale: Locale;
  /** Her browser's languages, best first (its Accept-Language), for the regional form of dates. */
  languages: readonly string[];
  /** The time zone the app last saw her browser in; UTC when not known. */
  timeZone: string;
  /** Cleans Markdown HTML as DOMPurify does in the browser (client/src/commons/safe-html.ts). */
  cleanHtml: (html: string) => string;
}
