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

/** The answers in the page, by query name and variables. */
export type StartAnswers = Map<string, Record<string, unknown>>;

const keyOf = (query: string, variables: unknown) => `${query} ${canonical(variables)}`;

/**
 * The answers the server put into the page (server/src/web/start-data.ts): who is signed in, the
 * network the address names and the page's own first query, each by the query's name and its
 * variables. Anything malformed is left out, and simply asked for.
 */
export function startAnswers(element: Element | null = document.getElementById(START_DATA_ELEMENT)): StartAnswers {
  const answers: StartAnswers = new Map();
  let parsed: unknown;
  try {
    parsed = JSON.parse(element?.textContent ?? '[]');
  } catch {
    return answers;
  }
  if (!Array.isArray(parsed)) return answers;
  for (const answer of parsed) {
    if (!isRecord(answer) || typeof answer.query !== 'string' || !isRecord(answer.variables)) continue;
    if (!isRecord(answer.data)) continue;
    answers.set(keyOf(answer.query, answer.variables), answer.data);
  }
  return answers;
}

/**
 * Answers the first query with the name and variables of an answer in the page, once, without a
 * request: the server ran it as the page was sent, so it is as fresh as a request's would be.
 * Every other operation goes on to the server.
 */
export function startAnswersExchange(answers: StartAnswers): Exchange {
  const take = (operation: Operation) => {
    if (operation.kind !== 'query' || answers.size === 0) return undefined;
    const key = keyOf(getOperationName(operation.query) ?? '', operation.variables);
    const data = answers.get(key);
    answers.delete(key);
    return data;
  };
  return ({ forward }) =>
    (operations$) => {
      const decided$ = pipe(
        operations$,
        map((operation) => ({ operation, data: take(operation) })),
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
