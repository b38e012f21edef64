import { START_DATA_ELEMENT } from '@commons/shared';
import { type Exchange, getOperationName, makeResult, type Operation } from '@urql/core';
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
 * The answers the server put into the page, by query name and variables. While the app starts
 * (until it has drawn its first page, or she changes something), each answers every query for it:
 * urql asks a `cache-and-network` query twice as a component mounts (once as it renders, once as
 * it subscribes, which finds the first answer in the cache and asks again to refresh it), and
 * the second went to the server for what the page had just given, one request and a render more.
 * After that, an answer not used yet answers the first query for it, once.
 */
export class StartAnswers {
  readonly #answers: Map<string, Record<string, unknown>>;
  readonly #given = new Set<string>();
  #starting = true;

  constructor(answers: Map<string, Record<string, unknown>> = new Map()) {
    this.#answers = answers;
  }

  /** How many answers the page still holds (those given while the app starts included). */
  get size(): number {
    return this.#answers.size;
  }

  /** The page's answer to a query with its name and variables, if it may still give it. */
  take(operation: Operation): Record<string, unknown> | undefined {
    if (operation.kind !== 'query' || this.#answers.size === 0) return undefined;
    const key = operationKey(operation);
    const data = this.#answers.get(key);
    if (data === undefined) return undefined;
    if (this.#starting) this.#given.add(key);
    else this.#answers.delete(key);
    return data;
  }

  /** The app has drawn its first page (or she changed something): what was given is not given again. */
  startedUp(): void {
    this.#starting = false;
    for (const key of this.#given) this.#answers.delete(key);
    this.#given.clear();
  }
}

/**
 * The answers the server put into the page (server/src/web/start-data.ts): who is signed in, the
 * network the address names, the banner's unread counts and the page's own first query, each by
 * the query's name and its variables. Anything malformed is left out, and simply asked for.
 */
export function startAnswers(element: Element | null = document.getElementById(START_DATA_ELEMENT)): StartAnswers {
  try {
    return startAnswersOf(JSON.parse(element?.textContent ?? '[]'));
  } catch {
    return new StartAnswers();
  }
}

/** The answers in a list of `{ query, variables, data }` (as the page holds them); anything malformed is left out. */
export function startAnswersOf(parsed: unknown): StartAnswers {
  const answers = new Map<string, Record<string, unknown>>();
  if (!Array.isArray(parsed)) return new StartAnswers();
  for (const answer of parsed) {
    if (!isRecord(answer) || typeof answer.query !== 'string' || !isRecord(answer.variables)) continue;
    if (!isRecord(answer.data)) continue;
    answers.set(keyOf(answer.query, answer.variables), answer.data);
  }
  return new StartAnswers(answers);
}

/**
 * Answers a query with the name and variables of an answer in the page without a request (see
 * StartAnswers for how often): the server ran it as the page was sent, so it is as fresh as a
 * request's would be. Every other operation goes on to the server; a mutation ends the start, as
 * the page's answers may no longer hold.
 */
export function startAnswersExchange(answers: StartAnswers): Exchange {
  return ({ forward }) =>
    (operations$) => {
      const decided$ = pipe(
        operations$,
        map((operation) => {
          if (operation.kind === 'mutation') answers.startedUp();
          return { operation, data: answers.take(operation) };
        }),
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
