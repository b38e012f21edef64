import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { CSRF_HEADER } from './csrf';
import type { OperationError } from './errors';

/** What one operation sent with `request` gives: its data, or what went wrong (as urql says it). */
export interface RequestResult<Result> {
  data?: Result;
  error?: OperationError;
}

/**
 * The text of a document: the build turns each `graphql(…)` call into its text; in development
 * and tests it is a parsed document, printed by the GraphQL library loaded only then.
 */
async function textOf(document: TypedDocumentNode<unknown, never> | string): Promise<string> {
  if (typeof document === 'string') return document;
  if (!import.meta.env.PROD) {
    const { print } = await import('graphql');
    return print(document);
  }
  throw new Error('The build left a GraphQL document unprinted');
}

const OPERATION_NAME = /\b(?:query|mutation)\s+(\w+)/;

/**
 * Sends one GraphQL operation with `fetch`, the way the app's urql client does (POST, same-origin
 * cookies, the CSRF header): for the sign-in page, which loads without the GraphQL client.
 */
export async function request<Result, Variables>(
  document: TypedDocumentNode<Result, Variables>,
  variables?: Variables,
): Promise<RequestResult<Result>> {
  const query = await textOf(document);
  try {
    const response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json', [CSRF_HEADER]: '1' },
      body: JSON.stringify({ operationName: OPERATION_NAME.exec(query)?.[1], query, variables: variables ?? {} }),
    });
    const body = (await response.json()) as { data?: Result | null; errors?: OperationError['graphQLErrors'] };
    if (body.errors?.length) return { data: body.data ?? undefined, error: { graphQLErrors: body.errors } };
    if (!response.ok || !body.data) throw new Error(`GraphQL answered ${response.status}`);
    return { data: body.data };
  } catch (networkError) {
    return { error: { graphQLErrors: [], networkError: networkError as Error } };
  }
}
