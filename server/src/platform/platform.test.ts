import { randomUUID } from 'node:crypto';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, type GraphqlResponse } from '../test-support/graphql-client';
import { TestApp, type TestMember } from '../test-support/test-app';

const UPDATE_NAME = `mutation($name: String!) { updateProfile(input: { name: $name }) { name } }`;
const INTROSPECTION = `{ __schema { queryType { name } } }`;
const MISSPELT = `{ me { nmae } }`;

/** POSTs a raw body to /graphql, as a browser or a script might. */
function post(app: TestApp, body: string, headers: Record<string, string> = {}) {
  return fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-commons-csrf': '1', ...headers },
    body,
  });
}

describe('the HTTP and GraphQL platform', () => {
  let app: TestApp;
  let admin: TestMember;

  beforeAll(async () => {
    app = await TestApp.start();
    ({ admin } = await app.newNetwork(1));
  });
  afterAll(async () => {
    await app?.stop();
  });

  const storedName = async () => (await app.prisma.user.findUniqueOrThrow({ where: { id: admin.userId } })).name;

  describe('CSRF defences', () => {
    it('refuses a mutation without the x-commons-csrf header with FORBIDDEN (HTTP 403), and changes nothing', async () => {
      const before = await storedName();

      const result = await admin.client.gql(UPDATE_NAME, { name: 'Forged Name' }, { csrf: false });

      expect(result.errors![0].extensions).toEqual({ code: 'FORBIDDEN' });
      expect(result.status).toBe(403);
      expect(result.data).toBeNull();
      expect(await storedName()).toBe(before);
    });

    it('lets the same mutation through with the header', async () => {
      const result = await admin.client.gql(UPDATE_NAME, { name: 'Renamed Admin' });

      expect(result.data).toEqual({ updateProfile: { name: 'Renamed Admin' } });
      expect(await storedName()).toBe('Renamed Admin');
      await admin.client.ok(UPDATE_NAME, { name: admin.name });
    });

    it('does not ask queries for the header', async () => {
      const result = await admin.client.gql(`{ me { id } }`, {}, { csrf: false });

      expect(result.data).toEqual({ me: { id: admin.userId } });
    });

    it.each(['https://evil.example', 'null'])(
      'refuses a request from the foreign Origin %s with HTTP 403, before it runs',
      async (origin) => {
        const before = await storedName();

        const response = await post(
          app,
          JSON.stringify({ query: UPDATE_NAME, variables: { name: 'Cross-site Name' } }),
          {
            origin,
            cookie: admin.client.cookie!,
          },
        );

        expect(response.status).toBe(403);
        expect(await storedName()).toBe(before);
      },
    );

    it('never runs a mutation sent as a GET (a link or top-level navigation carries the Lax cookie)', async () => {
      const before = await storedName();
      const query = encodeURIComponent(`mutation { updateProfile(input: { name: "Linked Name" }) { name } }`);

      const response = await fetch(`${app.url}/graphql?query=${query}`, {
        headers: { cookie: admin.client.cookie!, 'x-commons-csrf': '1' },
      });

      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(await storedName()).toBe(before);
    });

    it("accepts a request from the app's own Origin", async () => {
      const result = await admin.client.gql(`{ me { id } }`, {}, { origin: new URL(app.url).origin });

      expect(result.status).toBe(200);
      expect(result.data).toEqual({ me: { id: admin.userId } });
    });
  });

  describe('request bodies', () => {
    it('refuses a body over 1 MB with HTTP 413, and changes nothing', async () => {
      const before = await storedName();
      const body = JSON.stringify({
        query: UPDATE_NAME,
        variables: { name: 'Huge Request', padding: 'x'.repeat(1_100_000) },
      });

      const response = await post(app, body, { cookie: admin.client.cookie! });

      expect(response.status).toBe(413);
      expect(await storedName()).toBe(before);
    });

    it('accepts a body just under 1 MB', async () => {
      const body = JSON.stringify({ query: `{ me { id } }`, variables: { padding: 'x'.repeat(1_000_000) } });

      const response = await post(app, body, { cookie: admin.client.cookie! });

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ data: { me: { id: admin.userId } } });
    });
  });

  describe('security headers', () => {
    it.each([
      ['the GraphQL endpoint', () => post(app, JSON.stringify({ query: `{ me { id } }` }))],
      ['a health check', () => fetch(`${app.url}/healthz`)],
    ])('are set on %s', async (_, request) => {
      const response = await request();

      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toMatch(/frame-ancestors '(self|none)'/);
      expect(response.headers.get('x-frame-options')).toMatch(/^(SAMEORIGIN|DENY)$/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-powered-by')).toBeNull();
    });
  });

  describe('health checks', () => {
    it('GET /healthz answers 200 while the process is up', async () => {
      const response = await fetch(`${app.url}/healthz`);

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
    });

    it('GET /readyz answers 200 "ready" when the database answers and is fully migrated', async () => {
      const response = await fetch(`${app.url}/readyz`);

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ready' });
    });
  });

  describe('schema visibility in a test build', () => {
    it('allows introspection', async () => {
      const result = await app.client().gql(INTROSPECTION);

      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    });

    it('suggests field names in validation errors', async () => {
      const result = await app.client().gql(MISSPELT);

      expect(errorOf(result).code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(result.errors![0].message).toContain('Did you mean');
    });
  });

  describe('every Query and Mutation field, signed out', () => {
    // The only fields a signed-out visitor may use, and what they answer to dummy input.
    const PUBLIC: Record<string, string> = {
      'Query.me': 'data: null',
      'Query.invitationPreview': 'NOT_FOUND',
      'Mutation.signIn': 'UNAUTHENTICATED on input.password', // wrong credentials, not the guard
      'Mutation.register': 'BAD_USER_INPUT on input.token',
      'Query.setupStatus': 'data: {"__typename":"SetupStatus"}',
      'Mutation.completeSetup': 'BAD_USER_INPUT on input.networkSlug', // the dummy slug is too long
      // Accounts and email: reached from a link in an email or in the middle of signing in.
      'Mutation.requestPasswordReset': 'data: true', // the same answer whether or not the address has an account
      'Mutation.resetPassword': 'BAD_USER_INPUT on input.token',
      'Mutation.confirmEmailChange': 'BAD_USER_INPUT on input.token',
      'Mutation.completeTwoFactorSignIn': 'BAD_USER_INPUT on input.code',
      'Query.unsubscribeInfo': 'NOT_FOUND',
      'Mutation.unsubscribe': 'NOT_FOUND',
    };
    const GUARDED = 'UNAUTHENTICATED';

    /** A value of `type` that passes GraphQL's own validation (and, for strings, the usual lengths). */
    function dummyValue(type: GraphQLInputType, name: string): unknown {
      if (isNonNullType(type)) return dummyValue(type.ofType, name);
      if (isListType(type)) return [dummyValue(type.ofType, name)];
      if (isEnumType(type)) return type.getValues()[0].value;
      if (isInputObjectType(type)) {
        return Object.fromEntries(
          Object.values(type.getFields())
            .filter((field) => isNonNullType(field.type))
            .map((field) => [field.name, dummyValue(field.type, field.name)]),
        );
      }
      switch (type.name) {
        case 'ID':
          return randomUUID();
        case 'Int':
        case 'Float':
          return 1;
        case 'Boolean':
          return false;
        case 'DateTime':
          return new Date().toISOString();
        default:
          return name.toLowerCase().includes('email')
            ? 'nobody@example.org'
            : 'dummy-value-that-is-long-enough-for-tokens';
      }
    }

    /** An operation calling `field` with every required argument as a variable, selecting only __typename. */
    function operationFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>) {
      const required = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
      const declarations = required.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
      const call = required.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
      const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
      const document = `${kind} Walk${declarations ? `(${declarations})` : ''} { ${field.name}${call ? `(${call})` : ''}${selection} }`;
      const variables = Object.fromEntries(required.map((arg) => [arg.name, dummyValue(arg.type, arg.name)]));
      return { document, variables };
    }

    function describeOutcome(result: GraphqlResponse): string {
      if (!result.errors?.length) return `data: ${JSON.stringify(Object.values(result.data ?? {})[0] ?? null)}`;
      const { code, field } = errorOf(result);
      return field ? `${code} on ${field}` : String(code);
    }

    it('answers UNAUTHENTICATED for every field except the public ones (sign-in, invitations, first run, password reset, email links)', async () => {
      const schema = app.server.app.get(GraphQLSchemaHost).schema;
      const roots: ['query' | 'mutation', GraphQLObjectType][] = [
        ['query', schema.getQueryType()!],
        ['mutation', schema.getMutationType()!],
      ];
      const outcomes: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const [kind, root] of roots) {
        for (const field of Object.values(root.getFields())) {
          const key = `${root.name}.${field.name}`;
          const { document, variables } = operationFor(kind, field);
          outcomes[key] = describeOutcome(await app.client().gql(document, variables));
          expected[key] = PUBLIC[key] ?? GUARDED;
        }
      }

      expect(outcomes).toEqual(expected);
      // The walk really covered the schema, including every public field.
      expect(Object.keys(outcomes)).toEqual(
        expect.arrayContaining([
          ...Object.keys(PUBLIC),
          'Query.members',
          'Mutation.inviteMember',
          'Mutation.revokeSession',
        ]),
      );
      expect(Object.keys(outcomes).length).toBeGreaterThanOrEqual(20);
    });
  });
});

describe('GraphQL query limits', () => {
  let app: TestApp;
  let admin: TestMember;
  let networkId: string;
  let networkName: string;

  beforeAll(async () => {
    app = await TestApp.start({ GRAPHQL_MAX_DEPTH: '3', GRAPHQL_MAX_COST: '100' });
    const made = await app.newNetwork(2);
    ({ admin } = made);
    networkId = made.network.id;
    networkName = made.network.name;
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('refuses a query nested deeper than GRAPHQL_MAX_DEPTH before running it', async () => {
    const result = await admin.client.gql(`{ me { memberships { network { sites { name } } } } }`);

    expect(result.status).toBe(400);
    expect(errorOf(result).code).toBe('QUERY_TOO_COMPLEX');
    expect(result.errors![0].message).toMatch(/deep/i);
    expect(result.data).toBeNull();
  });

  it('runs a query exactly GRAPHQL_MAX_DEPTH deep', async () => {
    const result = await admin.client.gql(`{ me { memberships { network { name } } } }`);

    expect(result.errors).toBeUndefined();
    expect(result.data.me.memberships).toEqual([{ network: { name: networkName } }]);
  });

  it('refuses a query whose estimated cost exceeds GRAPHQL_MAX_COST, saying so', async () => {
    const result = await admin.client.gql(
      `query($networkId: ID!) { members(networkId: $networkId, first: 100) { nodes { name site { name } } } }`,
      {
        networkId,
      },
    );

    expect(result.status).toBe(400);
    expect(errorOf(result).code).toBe('QUERY_TOO_COMPLEX');
    expect(result.errors![0].message).toMatch(/cost/i);
    expect(result.data).toBeNull();
  });

  it('runs a cheap page of the same list', async () => {
    const result = await admin.client.gql(
      `query($networkId: ID!) { members(networkId: $networkId, first: 2) { nodes { name site { name } } } }`,
      {
        networkId,
      },
    );

    expect(result.errors).toBeUndefined();
    expect(result.data.members.nodes).toEqual([{ name: admin.name, site: null }]);
  });
});

describe('a production build', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start({ NODE_ENV: 'production' });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('refuses introspection', async () => {
    const result = await app.client().gql(INTROSPECTION);

    expect(errorOf(result).code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors![0].message).toMatch(/introspection/i);
    expect(result.data).toBeNull();
  });

  it('does not suggest field names in validation errors', async () => {
    const result = await app.client().gql(MISSPELT);

    expect(errorOf(result).code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors![0].message).not.toContain('Did you mean');
    expect(result.errors![0].message).not.toContain('name');
  });

  it('still answers ordinary queries', async () => {
    const result = await app.client().gql(`{ me { id } }`);

    expect(result.data).toEqual({ me: null });
  });
});
