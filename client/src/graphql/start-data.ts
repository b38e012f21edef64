import { START_DATA_ELEMENT } from '@commons/shared';
import { type Exchange, getOperationName, makeOperation, makeResult, mapExchange, type Operation } from '@urql/core';
import { filter, map, merge, pipe, share } from 'wonka';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Variables as one text, whatever the order of their keys (values left out count as absent). */
function canonical(value: unknown): string {
  return JSON.stringify(value ?? {}, (_key, inner: unknown) =>
    isRecord(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

const keyOf = (query: string, variables: unknown) => `${query} ${canonical(variables)}`;
const operationKey = (operation: Operation) => keyOf(getOperationName(operation.query) ?? '', operation.variables);

/**
 * The answers the server put into the page, by query name and variables, and whether the app is
 * still starting: until it has drawn its first page (or she changes something), a query the page
 * answered is not asked again just to refresh it. urql asks a `cache-and-network` query twice as
 * a component mounts (once as it renders, once as it subscribes), and the second found the page's
 * answer in the cache and asked the server for the same, one request and a render more per page.
 */
export class StartAnswers {
  readonly #answers: Map<string, Record<string, unknown>>;
  readonly #keys: Set<string>;
  #starting = true;

  constructor(answers: Map<string, Record<string, unknown>> = new Map()) {
    this.#answers = answers;
    this.#keys = new Set(answers.keys());
  }

  /** How many answers are left to give. */
  get size(): number {
    return this.#answers.size;
  }

  /** The page's answer to the first query with its name and variables; after that, none. */
  take(operation: Operation): Record<string, unknown> | undefined {
    if (operation.kind !== 'query' || this.#answers.size === 0) return undefined;
    const key = operationKey(operation);
    const data = this.#answers.get(key);
    this.#answers.delete(key);
    return data;
  }

  /** Whether the app is still starting and the page answered this query. */
  standsFor(operation: Operation): boolean {
    return this.#starting && operation.kind === 'query' && this.#keys.has(operationKey(operation));
  }

  /** The app has drawn its first page: from now on a query is asked as its policy says. */
  startedUp(): void {
    this.#starting = false;
  }
}

/**
 * The answers the server put into the page (server/src/web/start-data.ts): who is signed in, the
 * network the address names, the banner's unread counts and the page's own first query, each by
 * the query's name and its variables. Anything malformed is left out, and simply asked for.
 */
export function startAnswers(element: Element | null = document.getElementById(START_DATA_ELEMENT)): StartAnswers {
  const answers = new Map<string, Record<string, unknown>>();
  let parsed: unknown;
  try {
    parsed = JSON.parse(element?.textContent ?? '[]');
  } catch {
    return new StartAnswers();
  }
  if (!Array.isArray(parsed)) return new StartAnswers();
  for (const answer of parsed) {
    if (!isRecord(answer) || typeof answer.query !== 'string' || !isRecord(answer.variables)) continue;
    if (!isRecord(answer.data)) continue;
    answers.set(keyOf(answer.query, answer.variables), answer.data);
  }
  return new StartAnswers(answers);
}

/**
 * Before the cache: while the app starts, a `cache-and-network` query the page answered is only
 * read from the cache (the page's answer is as fresh as a request's would be); a mutation ends the
 * start, as the page's answers may no longer hold.
 */
export function startUpExchange(answers: StartAnswers): Exchange {
  return mapExchange({
    onOperation(operation) {
      if (operation.kind === 'mutation') answers.startedUp();
      if (operation.context.requestPolicy !== 'cache-and-network' || !answers.standsFor(operation)) return operation;
      return makeOperation(operation.kind, operation, { ...operation.context, requestPolicy: 'cache-first' });
    },
  });
}

/**
 * After the cache: answers the first query with the name and variables of an answer in the page,
 * once, without a request: the server ran it as the page was sent, so it is as fresh as a
 * request's would be. Every other operation goes on to the server.
 */
export function startAnswersExchange(answers: StartAnswers): Exchange {
  return ({ forward }) =>
    (operations$) => {
      const decided$ = pipe(
        operations$,
        map((operation) => ({ operation, data: answers.take(operation) })),
        share,
      );
      const answered$ = pipe(
        decided$,
        filter(({ data }) => data !== undefined),
        map(({ operation, data }) => makeResult(operation, { data })),
      );
      const asked$ = pipe(
        decided$,
        filter(({ data }) => data === undefined),
        map(({ operation }) => operation),
        forward,
      );
      return merge([answered$, asked$]);
    };
}
