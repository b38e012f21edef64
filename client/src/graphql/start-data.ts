import { START_DATA_ELEMENT } from '@commons/shared';
import { createRequest, type DocumentInput, type SSRData } from '@urql/core';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The answers the server put into the page for the queries the app starts with (who is signed
 * in, the network the address names), keyed as urql keys those queries. Each answers the first
 * query that asks for it, once; anything missing, unknown or malformed is simply asked for.
 */
export function startData(
  documents: Record<string, DocumentInput<unknown, Record<string, unknown>>>,
  element: Element | null = document.getElementById(START_DATA_ELEMENT),
): SSRData {
  const state: SSRData = {};
  let answers: unknown;
  try {
    answers = JSON.parse(element?.textContent ?? '[]');
  } catch {
    return state;
  }
  if (!Array.isArray(answers)) return state;
  for (const answer of answers) {
    if (!isRecord(answer) || typeof answer.query !== 'string' || !isRecord(answer.variables)) continue;
    const document = documents[answer.query];
    if (!document || !isRecord(answer.data)) continue;
    state[createRequest(document, answer.variables).key] = { data: JSON.stringify(answer.data), hasNext: false };
  }
  return state;
}
