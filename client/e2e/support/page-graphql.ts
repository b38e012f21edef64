import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Runs a GraphQL operation with the page's session, as the app does (same origin, CSRF header); fails the test on any error. */
export async function graphql<T>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const answer = await page.evaluate(
    async ({ query, variables }) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-commons-csrf': '1' },
        body: JSON.stringify({ query, variables }),
      });
      return response.json();
    },
    { query, variables },
  );
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  return answer.data as T;
}

/** The signed-in member's user id. */
export const myId = async (page: Page) => (await graphql<{ me: { id: string } }>(page, 'query { me { id } }')).me.id;
