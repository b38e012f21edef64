import { MAX_QUERY_BATCH } from '@commons/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp, type TestMember } from '../../test-support/test-app';
import { CSRF_HEADER } from '../http/origin-check';
import { BATCHED_HEADER } from './query-batch.plugin';

interface Answer {
  data?: any;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** POSTs `body` (already JSON) to /graphql as `member` (or signed out); returns status and answer. */
async function post(app: TestApp, body: unknown, member?: TestMember) {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [CSRF_HEADER]: '1',
      ...(member?.client.cookie ? { cookie: member.client.cookie } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

const codeOf = (answer: Answer) => answer.errors?.[0]?.extensions?.code;

describe('queries sent together in one request (a JSON array)', () => {
  let app: TestApp;
  let member: TestMember;
  let networkId: string;

  beforeAll(async () => {
    app = await TestApp.start();
    const made = await app.newNetwork(1);
    networkId = made.network.id;
    member = await app.newMember(made.admin, networkId, 'CLINICIAN', made.sites[0].id);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('answers each query in order, as it would be answered alone', async () => {
    const queries = [
      { query: '{ me { id name } }' },
      { query: 'query ($id: ID!) { networkById: network(id: $id) { id name } }', variables: { id: networkId } },
      { query: '{ me { email } }' },
    ];

    const batch = await post(app, queries, member);
    const alone = await Promise.all(queries.map((query) => post(app, query, member)));

    expect(batch.status).toBe(200);
    expect(batch.body).toEqual(alone.map((answer) => answer.body));
    expect(batch.body[0].data.me.id).toBe(member.userId);
  });

  it('gives each query its own answer when one fails: a signed-out batch, a query over its limits', async () => {
    const manyAliases = `{ ${Array.from({ length: 2000 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;

    const signedOut = await post(app, [{ query: '{ me { id } }' }, { query: '{ me { id } }' }]);
    const mixed = await post(app, [{ query: manyAliases }, { query: '{ me { memberships { id } } }' }], member);

    expect(signedOut.status).toBe(200);
    expect(signedOut.body).toHaveLength(2);
    expect(signedOut.body.map((answer: Answer) => answer.data?.me ?? null)).toEqual([null, null]);
    expect(codeOf(mixed.body[0])).toBe('QUERY_TOO_COMPLEX');
    expect(mixed.body[0].data).toBeUndefined();
    expect(mixed.body[1].data.me.memberships).toHaveLength(1);
  });

  it('refuses a mutation in a batch before it runs, and still answers the queries beside it', async () => {
    const batch = await post(
      app,
      [{ query: '{ me { name } }' }, { query: 'mutation { updateProfile(input: { name: "Batched" }) { name } }' }],
      member,
    );
    const after = await post(app, { query: '{ me { name } }' }, member);

    expect(batch.status).toBe(200);
    expect(batch.body[0].data.me.name).not.toBe('Batched');
    expect(codeOf(batch.body[1])).toBe('BAD_REQUEST');
    expect(batch.body[1].data).toBeUndefined();
    expect(after.body.data.me.name).not.toBe('Batched');
  });

  it.each([
    ['an empty batch', []],
    [
      `more than ${MAX_QUERY_BATCH} queries`,
      Array.from({ length: MAX_QUERY_BATCH + 1 }, () => ({ query: '{ me { id } }' })),
    ],
    ['a batch holding something other than operations', [{ query: '{ me { id } }' }, '{ me { id } }']],
    ['a batch of batches', [[{ query: '{ me { id } }' }]]],
  ])('refuses %s with 400 BAD_REQUEST naming the body', async (_, body) => {
    const result = await post(app, body, member);

    expect(result.status).toBe(400);
    expect(result.body.errors[0].extensions).toMatchObject({
      code: 'BAD_REQUEST',
      field: 'body',
      max: MAX_QUERY_BATCH,
    });
  });

  it('marks the batch itself: a client cannot unmark a mutation, and the origin check still applies', async () => {
    const unmarked = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [CSRF_HEADER]: '1',
        [BATCHED_HEADER]: '0',
        cookie: member.client.cookie!,
      },
      body: JSON.stringify([{ query: 'mutation { updateProfile(input: { name: "Unmarked" }) { name } }' }]),
    });
    const crossOrigin = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [CSRF_HEADER]: '1',
        origin: 'https://evil.example',
        cookie: member.client.cookie!,
      },
      body: JSON.stringify([{ query: '{ me { id } }' }]),
    });

    expect(codeOf(((await unmarked.json()) as Answer[])[0])).toBe('BAD_REQUEST');
    expect((await post(app, { query: '{ me { name } }' }, member)).body.data.me.name).not.toBe('Unmarked');
    expect(crossOrigin.status).toBe(403);
  });
});
