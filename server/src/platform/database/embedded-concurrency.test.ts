import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  type DefinitionNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  OperationTypeNode,
  parse,
  print,
  visit,
} from 'graphql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../app';
import { TestClient } from '../../test-support/graphql-client';
import { loadConfig } from '../config/config';
import { createLogger } from '../logging/logger';
import { PrismaService } from './prisma.service';

// Every query the web app's pages send, as GraphQL Code Generator collected them from the client
// (`npm run build` writes the file).
const CLIENT_OPERATIONS = path.resolve(__dirname, '../../../../client/src/gql/gql.ts');

function clientDocuments(): { queries: OperationDefinitionNode[]; fragments: Map<string, FragmentDefinitionNode> } {
  const source = readFileSync(CLIENT_OPERATIONS, 'utf8');
  const definitions: DefinitionNode[] = [
    ...source.matchAll(/^ {4}("\\n {2}(?:query|mutation|fragment)[^\n]*?"): typeof/gm),
  ].flatMap((match) => parse(JSON.parse(match[1]) as string).definitions);
  const queries = definitions.filter(
    (d): d is OperationDefinitionNode =>
      d.kind === Kind.OPERATION_DEFINITION && d.operation === OperationTypeNode.QUERY,
  );
  const fragments = new Map(
    definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  return { queries, fragments };
}

/** The operation's text with every fragment it spreads, directly or through other fragments. */
function withFragments(operation: OperationDefinitionNode, fragments: Map<string, FragmentDefinitionNode>): string {
  const needed = new Map<string, FragmentDefinitionNode>();
  const collect = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value)!;
        if (!needed.has(fragment.name.value)) {
          needed.set(fragment.name.value, fragment);
          collect(fragment);
        }
      },
    });
  collect(operation);
  return [operation, ...needed.values()].map((node) => print(node)).join('\n');
}

interface DemoIds {
  networkId: string;
  siteId: string;
  userId: string;
  measureId: string;
  ideaId: string;
  threadId: string;
  resourceId: string;
  groupId: string;
  month: string;
  before: string;
}

/** Values for a page query's variables, by name; optional ones are left out. */
function variablesFor(operation: OperationDefinitionNode, ids: DemoIds): Record<string, unknown> {
  const byName: Record<string, unknown> = {
    networkId: ids.networkId,
    slug: 'northstar-ibd',
    siteId: ids.siteId,
    userId: ids.userId,
    measureId: ids.measureId,
    resourceId: ids.resourceId,
    token: 'no-such-invitation',
    first: 20,
    last: 20,
    search: 'ma',
    query: 'care',
    sort: 'RELEVANCE',
    types: ['RESOURCE', 'CHANGE_IDEA', 'GROUP'],
    withFacets: true,
    mine: false,
    includeArchived: false,
    unreadOnly: false,
    months: 12,
    month: ids.month,
    withSite: true,
    fromVersion: 1,
    toVersion: 2,
    subjectType: 'CHANGE_IDEA',
    subjectId: ids.ideaId,
    threadId: ids.threadId,
    before: ids.before,
  };
  const idFor: Record<string, string> = {
    IdeaPage: ids.ideaId,
    ResourcePage: ids.resourceId,
    ResourceForm: ids.resourceId,
    Group: ids.groupId,
  };
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (definition.type.kind !== Kind.NON_NULL_TYPE) continue;
    const value = name === 'id' ? idFor[operation.name!.value] : byName[name];
    if (value === undefined)
      throw new Error(`no value for $${name} of ${operation.name?.value}: add one to variablesFor`);
    variables[name] = value;
  }
  return variables;
}

async function demoIds(databaseUrl: string): Promise<DemoIds> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const one = async (text: string) => Object.values((await client.query(text)).rows[0] as object)[0] as string;
  try {
    return {
      networkId: await one(`SELECT id FROM "Network" WHERE slug = 'northstar-ibd'`),
      siteId: await one(
        `SELECT m."siteId" FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE u.email = 'sitelead@demo.commons.test'`,
      ),
      userId: await one(`SELECT id FROM "User" WHERE email = 'clinician@demo.commons.test'`),
      measureId: await one(`SELECT id FROM "Measure" ORDER BY key LIMIT 1`),
      ideaId: await one(
        `SELECT t."subjectId" FROM "Thread" t WHERE t."subjectType" = 'CHANGE_IDEA' ORDER BY t."lastMessageSeq" DESC LIMIT 1`,
      ),
      threadId: await one(
        `SELECT id FROM "Thread" WHERE "subjectType" = 'CHANGE_IDEA' ORDER BY "lastMessageSeq" DESC LIMIT 1`,
      ),
      resourceId: await one(
        `SELECT "resourceId" FROM "ResourceVersion" GROUP BY "resourceId" ORDER BY count(*) DESC, "resourceId" LIMIT 1`,
      ),
      groupId: await one(`SELECT id FROM "WorkingGroup" WHERE visibility = 'OPEN' ORDER BY name LIMIT 1`),
      month: await one(`SELECT max(month) FROM "MeasureReport"`),
      before: String(
        await one(
          `SELECT max(m.seq) FROM "Message" m JOIN "Thread" t ON t.id = m."threadId" WHERE t."subjectType" = 'CHANGE_IDEA'`,
        ),
      ),
    };
  } finally {
    await client.end();
  }
}

/** Answers compare equal when they say the same: the sign-in's own timestamps aside. */
const comparable = (answer: unknown) =>
  JSON.stringify(answer, (key, value) => (/^(lastSeenAt|lastActiveAt|current)$/.test(key) ? undefined : value));

describe('the embedded default under concurrent use', () => {
  let dataDir: string;
  let server: RunningServer;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'commons-concurrency-'));
    const config = loadConfig({
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'true',
    });
    server = await startServer(config, createLogger('silent'));
  }, 180_000);

  afterAll(async () => {
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers every page query alike whether it comes alone or among all the others at once', async () => {
    const ids = await demoIds(server.databaseUrl);
    const { queries, fragments } = clientDocuments();
    expect(queries.length).toBeGreaterThan(40);
    const members = await Promise.all(
      ['admin', 'patient'].map(async (who) => {
        const client = new TestClient(server.url);
        expect((await client.signIn(`${who}@demo.commons.test`, 'demo-password')).errors).toBeUndefined();
        return client;
      }),
    );
    const requests = members.flatMap((client) =>
      queries.map((operation) => ({
        client,
        operation,
        text: withFragments(operation, fragments),
        variables: variablesFor(operation, ids),
      })),
    );

    const alone = [];
    for (const request of requests) alone.push(await request.client.gql(request.text, request.variables));
    const together = await Promise.all(requests.map((request) => request.client.gql(request.text, request.variables)));

    const internal = together
      .flatMap((answer) => answer.errors ?? [])
      .filter((error) => !['FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT'].includes(error.extensions?.code ?? ''));
    expect(internal).toEqual([]);
    expect(together.filter((answer) => answer.data && !answer.errors).length).toBeGreaterThan(requests.length * 0.8);
    for (const [index, request] of requests.entries()) {
      expect(comparable(together[index].data), `${request.operation.name?.value}`).toBe(comparable(alone[index].data));
      expect(
        together[index].errors?.map((error) => error.extensions?.code),
        `${request.operation.name?.value}`,
      ).toEqual(alone[index].errors?.map((error) => error.extensions?.code));
    }
  });

  it('keeps every committed write of 20 concurrent transactions and none of the one rolled back', async () => {
    const prisma = server.app.get(PrismaService);
    await prisma.$executeRawUnsafe(
      `CREATE TABLE concurrency_probe (writer int PRIMARY KEY, written_at timestamptz NOT NULL DEFAULT now())`,
    );
    const ROLLED_BACK = 7;
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, writer) =>
        prisma.$transaction(async (tx) => {
          await tx.$executeRaw`INSERT INTO concurrency_probe (writer) VALUES (${writer})`;
          // Overlap with the others: each transaction stays open while the rest write.
          await tx.$executeRaw`SELECT pg_sleep(0.2)`;
          if (writer === ROLLED_BACK) throw new Error('this one is rolled back');
        }),
      ),
    );
    const failures = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [String(outcome.reason)] : []));
    expect(failures).toEqual(['Error: this one is rolled back']);
    const rows = await prisma.$queryRaw<{ writer: number }[]>`SELECT writer FROM concurrency_probe ORDER BY writer`;
    expect(rows.map((row) => row.writer)).toEqual(
      Array.from({ length: 20 }, (_, writer) => writer).filter((writer) => writer !== ROLLED_BACK),
    );
  });
});
