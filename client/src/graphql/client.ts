import {
  cacheExchange,
  Client,
  type CombinedError,
  type Exchange,
  fetchExchange,
  makeOperation,
  mapExchange,
  type Operation,
} from '@urql/core';
import { startTransition } from 'react';
import { make, onEnd, pipe, subscribe } from 'wonka';
import { CSRF_HEADER } from './csrf';
import { batchedQueryFetch } from './query-batch';
import { type StartAnswers, startAnswersExchange } from './start-data';

/**
 * Query results are drawn as transitions: React renders them in slices and keeps the page
 * answering taps and keys meanwhile, instead of one long task per result on a slow phone.
 * Mutation results (what a member just did) are drawn at once.
 */
const transitionExchange: Exchange =
  ({ forward }) =>
  (operations$) =>
    make((observer) => {
      const subscription = pipe(
        forward(operations$),
        onEnd(() => observer.complete()),
        subscribe((result) => {
          if (result.operation.kind === 'query') startTransition(() => observer.next(result));
          else observer.next(result);
        }),
      );
      return () => subscription.unsubscribe();
    });

export interface GraphqlClientOptions {
  url?: string;
  /** Called once when the session has ended (expired, revoked, signed out elsewhere). */
  onSessionLost?: (operation: Operation) => void;
  fetch?: typeof fetch;
  /** Answers the server put into the page (start-data.ts). */
  startAnswers?: StartAnswers;
}

/**
 * True when an error says the session is gone. A failed sign-in is also UNAUTHENTICATED, but it
 * names the field to fix, so it stays on its form.
 */
export function isSessionLost(error: CombinedError): boolean {
  return error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED' && !e.extensions?.field);
}

/** The urql client: same-origin cookies, the CSRF header, POST only, and a hook for lost sessions. */
export function createGraphqlClient({
  url = '/graphql',
  onSessionLost,
  fetch,
  startAnswers,
}: GraphqlClientOptions = {}): Client {
  let reported = false;
  const batched = batchedQueryFetch(fetch ?? ((input, init) => globalThis.fetch(input, init)));
  return new Client({
    url,
    fetch,
    preferGetMethod: false,
    fetchOptions: { credentials: 'same-origin', headers: { [CSRF_HEADER]: '1' } },
    exchanges: [
      transitionExchange,
      mapExchange({
        // Queries asked for in the same moment go to the server together; mutations alone.
        onOperation: (operation) =>
          operation.kind === 'query'
            ? makeOperation(operation.kind, operation, { ...operation.context, fetch: batched })
            : operation,
        onError(error, operation) {
          if (reported || !isSessionLost(error)) return;
          reported = true;
          onSessionLost?.(operation);
        },
      }),
      cacheExchange,
      // The answers the server put into the page (start-data.ts), used while the app starts.
      ...(startAnswers ? [startAnswersExchange(startAnswers)] : []),
      fetchExchange,
    ],
  });
}
