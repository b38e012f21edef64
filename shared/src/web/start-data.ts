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
