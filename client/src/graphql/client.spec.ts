import { gql } from '@urql/core';
import { describe, expect, it, vi } from 'vitest';
import { createGraphqlClient } from './client';
import { CSRF_HEADER } from './csrf';

const Query = gql`
  query Ping {
    me {
      id
    }
  }
`;
const Mutation = gql`
  mutation SignOut {
    signOut
  }
`;

function respondWith(body: unknown) {
  return vi.fn((_url: RequestInfo | URL, _init?: RequestInit) =>
    Promise.resolve(new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })),
  );
}

describe('createGraphqlClient', () => {
  it('POSTs every operation same-origin with the CSRF header', async () => {
    const fetch = respondWith({ data: { signOut: true } });
    const client = createGraphqlClient({ url: 'http://commons.test/graphql', fetch });
    await client.query(Query, {}).toPromise();
    await client.mutation(Mutation, {}).toPromise();
    expect(fetch).toHaveBeenCalledTimes(2);
    for (const [, init] of fetch.mock.calls) {
      expect(init?.method).toBe('POST');
      expect(init?.credentials).toBe('same-origin');
      expect(new Headers(init?.headers).get(CSRF_HEADER)).toBe('1');
    }
  });

  it('reports a lost session once, however many operations fail', async () => {
    const onSessionLost = vi.fn();
    const fetch = respondWith({
      data: null,
      errors: [{ message: 'Please sign in.', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    const client = createGraphqlClient({ url: 'http://commons.test/graphql', fetch, onSessionLost });
    await client.query(Query, {}, { requestPolicy: 'network-only' }).toPromise();
    await client.mutation(Mutation, {}).toPromise();
    expect(onSessionLost).toHaveBeenCalledTimes(1);
  });

  it('does not treat a failed sign-in (which names a field) as a lost session', async () => {
    const onSessionLost = vi.fn();
    const fetch = respondWith({
      data: null,
      errors: [
        {
          message: 'The email or password is not right.',
          extensions: { code: 'UNAUTHENTICATED', field: 'input.password' },
        },
      ],
    });
    const client = createGraphqlClient({ url: 'http://commons.test/graphql', fetch, onSessionLost });
    const result = await client.mutation(Mutation, {}).toPromise();
    expect(result.error?.graphQLErrors[0]?.extensions?.field).toBe('input.password');
    expect(onSessionLost).not.toHaveBeenCalled();
  });
});
