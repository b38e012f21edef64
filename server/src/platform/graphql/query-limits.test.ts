import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { errorOf, type GraphqlResponse } from '../../test-support/graphql-client';
import { newResource, resourceInput } from '../../test-support/resources';
import { recordSql } from '../../test-support/sql-counter';
import { TestApp, type TestMember } from '../../test-support/test-app';

/** `count` aliases of `field` in one query. */
const aliases = (count: number, field: string) =>
  `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

/** A Markdown body of about `kb` kilobytes: paragraphs with emphasis and links, as a guide has. */
const longBody = (kb: number) =>
  Array.from(
    { length: kb * 12 },
    (_, i) => `Paragraph ${i} with **bold** words, a [link](https://example.org/${i}) and _emphasis_ here.\n`,
  )
    .join('\n')
    .slice(0, kb * 1000);

const refusedBeforeRunning = (result: GraphqlResponse) => ({
  status: result.status,
  code: errorOf(result).code,
  data: result.data,
});

describe('GraphQL operations too big to run (default limits)', () => {
  let app: TestApp;
  let patient: TestMember;
  let clinician: TestMember;
  let resourceId: string;

  beforeAll(async () => {
    app = await TestApp.start();
    const made = await app.newNetwork(1);
    patient = await app.newMember(made.admin, made.network.id, 'PATIENT_PARTNER', made.sites[0].id);
    clinician = await app.newMember(made.admin, made.network.id, 'CLINICIAN', made.sites[0].id);
    resourceId = (await newResource(patient, made.network.id, { body: longBody(50) })).id;
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('refuses 1,000 aliases of a rendered 50 KB body before running any of them', async () => {
    const bomb = aliases(1000, `resource(id: "${resourceId}") { bodyHtml }`);

    const { result, statements } = await recordSql(() => patient.client.gql(bomb));

    expect(refusedBeforeRunning(result)).toEqual({ status: 400, code: 'QUERY_TOO_COMPLEX', data: null });
    expect(statements.filter((sql) => sql.includes('"Resource"'))).toEqual([]);
  });

  it('refuses 2,000 aliases of me { id }', async () => {
    const result = await patient.client.gql(aliases(2000, 'me { id }'));

    expect(refusedBeforeRunning(result)).toEqual({ status: 400, code: 'QUERY_TOO_COMPLEX', data: null });
  });

  it('refuses more aliases than allowed, even in a short query', async () => {
    const result = await patient.client.gql(
      `{ me { ${Array.from({ length: 25 }, (_, i) => `n${i}: name`).join(' ')} } }`,
    );

    expect(refusedBeforeRunning(result)).toEqual({ status: 400, code: 'QUERY_TOO_COMPLEX', data: null });
    expect(result.errors![0]).toMatchObject({
      message: expect.stringMatching(/aliases/),
      extensions: { limit: 'aliases', max: 20, actual: 25 },
    });
  });

  it('refuses more root fields than allowed even without aliases (fragments on Query)', async () => {
    const spreads = Array.from({ length: 30 }, (_, i) => `...F${i}`).join(' ');
    const fragments = Array.from({ length: 30 }, (_, i) => `fragment F${i} on Query { me { id } }`).join(' ');

    const result = await patient.client.gql(`{ ${spreads} } ${fragments}`);

    expect(refusedBeforeRunning(result)).toEqual({ status: 400, code: 'QUERY_TOO_COMPLEX', data: null });
  });

  it('refuses a query whose fragments multiply into too many fields', async () => {
    // Each level spreads the next one 4 times: 4^8 fields from a few lines.
    const levels = Array.from(
      { length: 8 },
      (_, i) => `fragment L${i} on Profile { id ${i < 7 ? `...L${i + 1} `.repeat(4) : 'name'} }`,
    ).join(' ');

    const result = await patient.client.gql(`{ me { ...L0 } } ${levels}`);

    expect(refusedBeforeRunning(result)).toEqual({ status: 400, code: 'QUERY_TOO_COMPLEX', data: null });
  });

  it('prices rendered HTML by what rendering costs: 20 renderings of a body are too expensive, its text 20 times is not', async () => {
    const renderings = Array.from({ length: 20 }, (_, i) => `h${i}: bodyHtml`).join(' ');
    const texts = Array.from({ length: 20 }, (_, i) => `t${i}: title`).join(' ');

    const rendered = await patient.client.gql(`{ resource(id: "${resourceId}") { id ${renderings} } }`);
    const plain = await patient.client.gql(`{ resource(id: "${resourceId}") { id ${texts} } }`);

    expect(refusedBeforeRunning(rendered)).toEqual({ status: 400, code: 'QUERY_TOO_COMPLEX', data: null });
    expect(rendered.errors![0].message).toMatch(/cost/i);
    expect(plain.errors).toBeUndefined();
  });

  it('keeps answering another member while ten bombs arrive, and refuses every bomb', async () => {
    const bomb = aliases(1000, `resource(id: "${resourceId}") { bodyHtml }`);
    const bombs = Array.from({ length: 10 }, () => patient.client.gql(bomb));
    const small = Array.from({ length: 10 }, () => clinician.client.gql(`{ me { id name } }`));

    const [bombResults, smallResults] = await Promise.all([Promise.all(bombs), Promise.all(small)]);

    expect(bombResults.map((r) => `${r.status} ${errorOf(r).code}`)).toEqual(Array(10).fill('400 QUERY_TOO_COMPLEX'));
    expect(smallResults.map((r) => r.data)).toEqual(
      Array(10).fill({ me: { id: clinician.userId, name: clinician.name } }),
    );
  });
});

describe('GraphQL answers that would be too large or too slow', () => {
  let app: TestApp;
  let patient: TestMember;
  let resourceId: string;

  beforeAll(async () => {
    app = await TestApp.start({ GRAPHQL_MAX_RESPONSE_BYTES: '100000', GRAPHQL_TIMEOUT_MS: '500' });
    const made = await app.newNetwork(1);
    patient = await app.newMember(made.admin, made.network.id, 'PATIENT_PARTNER', made.sites[0].id);
    const posted = await patient.client.ok(
      `mutation($networkId: ID!, $input: ResourceInput!) { postResource(networkId: $networkId, input: $input) { id } }`,
      {
        networkId: made.network.id,
        input: resourceInput({ body: longBody(40) }),
      },
    );
    resourceId = posted.postResource.id;
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('stops an answer that would pass GRAPHQL_MAX_RESPONSE_BYTES and says so with 400 RESPONSE_TOO_LARGE', async () => {
    const result = await patient.client.gql(
      `query($id: ID!) { resource(id: $id) { body bodyText bodyHtml history { body } } }`,
      { id: resourceId },
    );

    expect({ status: result.status, code: errorOf(result).code, data: result.data }).toEqual({
      status: 400,
      code: 'RESPONSE_TOO_LARGE',
      data: null,
    });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].message).toMatch(/too large/i);
  });

  it('sends an answer under the limit', async () => {
    const result = await patient.client.gql(`query($id: ID!) { resource(id: $id) { body } }`, { id: resourceId });

    expect(result.errors).toBeUndefined();
    expect(result.data.resource.body.length).toBeGreaterThan(30_000);
  });

  it('abandons a query still running after GRAPHQL_TIMEOUT_MS with 503 TIMEOUT, without waiting for the database', async () => {
    // Another session holds the resource table locked: the query's read waits behind it.
    const locker = new pg.Client({ connectionString: app.database.url });
    await locker.connect();
    let released = false;
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE "Resource" IN ACCESS EXCLUSIVE MODE');
      const safety = setTimeout(() => void locker.query('ROLLBACK').then(() => (released = true)), 15_000);

      const result = await patient.client.gql(`query($id: ID!) { resource(id: $id) { id title } }`, { id: resourceId });
      const answeredWhileLocked = !released;
      clearTimeout(safety);

      expect(answeredWhileLocked).toBe(true);
      expect({ status: result.status, code: errorOf(result).code, data: result.data }).toEqual({
        status: 503,
        code: 'TIMEOUT',
        data: null,
      });
    } finally {
      if (!released) await locker.query('ROLLBACK');
      await locker.end();
    }
    // Once the lock is gone, the same query answers.
    const after = await patient.client.gql(`query($id: ID!) { resource(id: $id) { id } }`, { id: resourceId });
    expect(after.data).toEqual({ resource: { id: resourceId } });
  });
});
