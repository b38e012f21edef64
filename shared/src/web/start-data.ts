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
