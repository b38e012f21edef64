import { THREAD_EVENT_SCHEMAS } from '@commons/shared';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getNamedType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newIdea } from '../test-support/change-ideas';
import { newGroup } from '../test-support/groups';
import { LiveClient, newClientId } from '../test-support/live-client';
import { newResource } from '../test-support/resources';
import { TestApp, type TestMember } from '../test-support/test-app';
import { CSRF_HEADER } from './http/origin-check';

/** Text every field of every input is tried with. Each starts with a marker, so a read-back is recognisable. */
const HOSTILE: [label: string, value: string][] = [
  ['NUL', 'fz\u0000nul'],
  ['lone surrogate', 'fz\ud83dx'],
  ['right-to-left override', 'fz\u202Eevil\u202C text'],
  ['10,000 combining marks', `fz e${'\u0301'.repeat(10_000)}`],
  ['a 60,000-letter word', `fz${'w'.repeat(60_000)}`],
];
/** Nested arrays 5,000 deep, sent as raw JSON where text is expected. */
const DEEP_JSON = `${'['.repeat(5000)}"fz"${']'.repeat(5000)}`;
const DEEP_OBJECT = () => {
  let value: unknown = 'fz';
  for (let i = 0; i < 1000; i += 1) value = { a: value };
  return value;
};

/** Refusals a member can act on; anything else (INTERNAL_SERVER_ERROR above all) is a defect. */
const HONEST_CODES = new Set([
  'BAD_USER_INPUT',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHENTICATED',
  'TOO_MANY_REQUESTS',
]);
const PASSWORD_DUMMY = 'not the password 1234';

interface Position {
  field: GraphQLField<unknown, unknown>;
  operation: 'query' | 'mutation';
  /** Argument name, then input field names: where the hostile text goes. */
  path: string[];
}

interface Outcome {
  where: string;
  value: string;
  status: number;
  code?: string;
  field?: string;
  readBack?: unknown;
  sent?: string;
}

describe('every text input of the API, fuzzed', () => {
  let app: TestApp;
  let admin: TestMember;
  let schema: GraphQLSchema;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    app = await TestApp.start({ MESSAGES_PER_WINDOW: '100000', SIGNIN_MAX_PER_IP: '100000' });
    const made = await app.newNetwork(2);
    admin = made.admin;
    const member = await app.newMember(admin, made.network.id, 'CLINICIAN', made.sites[0].id);
    const idea = await newIdea(admin, made.network.id);
    const thread = await admin.client.ok(
      `query($id: ID!) { thread(subjectType: CHANGE_IDEA, subjectId: $id) { id } }`,
      { id: idea.id },
    );
    const message = await admin.client.ok(`mutation($input: SendMessageInput!) { sendMessage(input: $input) { id } }`, {
      input: { threadId: thread.thread.id, clientId: newClientId(), body: 'First message' },
    });
    Object.assign(ids, {
      networkId: made.network.id,
      siteId: made.sites[0].id,
      userId: member.userId,
      resourceId: (await newResource(admin, made.network.id)).id,
      groupId: (await newGroup(admin, made.network.id)).id,
      ideaId: idea.id,
      threadId: thread.thread.id,
      messageId: message.sendMessage.id,
      subjectId: idea.id,
    });
    schema = app.server.app.get(GraphQLSchemaHost).schema;
  });
  afterAll(async () => {
    await app?.stop();
  });

  /** A plausible value for an input of `type` named `name`, so that only the fuzzed position is wrong. */
  function plausible(type: GraphQLInputType, name: string, rootField: string): unknown {
    if (isNonNullType(type)) return plausible(type.ofType, name, rootField);
    if (isListType(type)) return [];
    if (isEnumType(type)) return type.getValues()[0].value;
    if (isInputObjectType(type)) {
      return Object.fromEntries(
        Object.values(type.getFields())
          .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
          .map((f) => [f.name, plausible(f.type, f.name, rootField)]),
      );
    }
    switch (type.name) {
      case 'ID':
        return ids[name] ?? ids[`${rootField.replace(/^(get|my)/, '').replace(/s$/, '')}Id`] ?? ids.resourceId;
      case 'Int':
      case 'Float':
        return 1;
      case 'Boolean':
        return false;
      case 'DateTime':
        return new Date().toISOString();
    }
    if (/email/i.test(name)) return 'fuzz@example.org';
    if (/password|current/i.test(name)) return PASSWORD_DUMMY;
    if (/^(month|from|to|baselineFrom|baselineTo)$/.test(name)) return '2025-01';
    if (/On$|Date$/.test(name)) return '2026-03-02';
    if (name === 'clientId') return newClientId();
    if (name === 'emoji') return '👍';
    return 'Fuzz text';
  }

  /** Every String or ID argument of every Query and Mutation field, and every String or ID field of their inputs. */
  function positions(): Position[] {
    const found: Position[] = [];
    const walk = (
      field: GraphQLField<unknown, unknown>,
      operation: 'query' | 'mutation',
      path: string[],
      type: GraphQLInputType,
      seen: Set<string>,
    ) => {
      const named = getNamedType(type);
      if (named.name === 'String' || named.name === 'ID') found.push({ field, operation, path });
      else if (isInputObjectType(named) && !seen.has(named.name)) {
        for (const inner of Object.values(named.getFields()))
          walk(field, operation, [...path, inner.name], inner.type, new Set([...seen, named.name]));
      }
    };
    for (const [operation, root] of [
      ['query', schema.getQueryType()],
      ['mutation', schema.getMutationType()],
    ] as const) {
      for (const field of Object.values((root as GraphQLObjectType).getFields())) {
        for (const arg of field.args) walk(field, operation, [arg.name], arg.type, new Set());
      }
    }
    return found;
  }

  /** The operation for `position`, its variables set to plausible values, with `raw` JSON (the hostile value) spliced in at the position. */
  function request(position: Position, rawValue: string): { body: string; readField: string | null } {
    const { field, operation, path } = position;
    const variables: Record<string, unknown> = {};
    for (const arg of field.args) {
      if (isNonNullType(arg.type) || arg.name === path[0])
        variables[arg.name] = plausible(arg.type, arg.name, field.name);
    }
    // Walk down to the fuzzed field, creating the inputs on the way, and mark it for the raw value.
    const marker = `__FUZZ_${Math.random().toString(36).slice(2)}__`;
    let holder = variables;
    let type: GraphQLInputType = field.args.find((a) => a.name === path[0])!.type;
    for (const [i, key] of path.entries()) {
      const isLast = i === path.length - 1;
      const list = isListType(isNonNullType(type) ? type.ofType : type);
      if (isLast) {
        holder[key] = list ? [marker] : marker;
      } else {
        const named = getNamedType(type);
        if (!isInputObjectType(named)) return { body: '', readField: null };
        const current = holder[key];
        let inner = (Array.isArray(current) ? current[0] : current) as Record<string, unknown> | null | undefined;
        if (!inner || typeof inner !== 'object') inner = plausible(named, key, field.name) as Record<string, unknown>;
        holder[key] = list ? [inner] : inner;
        holder = inner;
        type = named.getFields()[path[i + 1]].type;
      }
    }
    const declarations = field.args.filter((a) => a.name in variables).map((a) => `$${a.name}: ${String(a.type)}`);
    const call = field.args.filter((a) => a.name in variables).map((a) => `${a.name}: $${a.name}`);
    const returned = getNamedType(field.type);
    const leaf = path.at(-1)!;
    const readField =
      isObjectType(returned) &&
      returned.getFields()[leaf] &&
      getNamedType(returned.getFields()[leaf].type).name === 'String' &&
      returned.getFields()[leaf].args.length === 0
        ? leaf
        : null;
    const selection = isLeafType(returned) ? '' : ` { __typename${readField ? ` ${readField}` : ''} }`;
    const query = `${operation} Fuzz${declarations.length ? `(${declarations.join(', ')})` : ''} { ${field.name}${call.length ? `(${call.join(', ')})` : ''}${selection} }`;
    const body = JSON.stringify({ query, variables }).replace(JSON.stringify(marker), rawValue);
    return { body, readField };
  }

  async function send(position: Position, rawValue: string, value: string): Promise<Outcome> {
    const where = `${position.field.name}(${position.path.join('.')})`;
    const { body, readField } = request(position, rawValue);
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1', cookie: admin.client.cookie! },
      body,
    });
    const answer = (await response.json()) as {
      data?: Record<string, any> | null;
      errors?: { extensions?: { code?: string; field?: string } }[];
    };
    const [error] = answer.errors ?? [];
    const readBack = readField ? answer.data?.[position.field.name]?.[readField] : undefined;
    return {
      where,
      value,
      status: response.status,
      code: error?.extensions?.code,
      field: error?.extensions?.field,
      readBack,
      sent: readField ? value : undefined,
    };
  }

  /** Runs `jobs` a few at a time. */
  async function pooled<T>(jobs: (() => Promise<T>)[], width = 4): Promise<T[]> {
    const results: T[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: width }, async () => {
        while (next < jobs.length) {
          const i = next++;
          results[i] = await jobs[i]();
        }
      }),
    );
    return results;
  }

  /** What is wrong with an outcome, or null when it is one of the two allowed: a field-named refusal, or text stored as sent. */
  function defect(outcome: Outcome): string | null {
    if (outcome.status >= 500) return `HTTP ${outcome.status}`;
    if (outcome.code) {
      if (!HONEST_CODES.has(outcome.code)) return `code ${outcome.code}`;
      if (outcome.code === 'BAD_USER_INPUT' && !outcome.field) return 'BAD_USER_INPUT without a field';
      return null;
    }
    if (
      outcome.sent !== undefined &&
      outcome.readBack !== undefined &&
      outcome.readBack !== outcome.sent &&
      typeof outcome.readBack === 'string' &&
      outcome.readBack.startsWith('fz')
    ) {
      return 'stored text reads back changed';
    }
    return null;
  }

  it('answers every String and ID input, with each hostile text and deep JSON, with a field-named 4xx or stores it as sent', async () => {
    const all = positions();
    const jobs = all.flatMap((position) => [
      ...HOSTILE.map(
        ([, value]) =>
          () =>
            send(position, JSON.stringify(value), value),
      ),
      () => send(position, DEEP_JSON, 'deep JSON'),
    ]);

    const outcomes = await pooled(jobs);

    const defects = outcomes.flatMap((o) =>
      defect(o) ? [`${o.where} with ${JSON.stringify(o.value.slice(0, 20))}: ${defect(o)}`] : [],
    );
    expect(defects).toEqual([]);
    // The walk really covered the API: many fields, and the refusals name what they refuse.
    expect(new Set(all.map((p) => p.field.name)).size).toBeGreaterThan(60);
    expect(outcomes.filter((o) => o.code === 'BAD_USER_INPUT' && o.value.includes('\u0000')).length).toBe(all.length);
    expect(outcomes.some((o) => o.sent && o.readBack === o.sent)).toBe(true);
    // The server is still there.
    expect(await admin.client.ok(`{ me { id } }`)).toEqual({ me: { id: admin.userId } });
  }, 120_000);

  it('answers every thread event, with each hostile text in each field and deep JSON, with a field-named refusal or the text as sent', async () => {
    const live = await LiveClient.open(app.url, admin.client.cookie);
    try {
      await live.ok('thread:join', { threadId: ids.threadId });
      const base: Record<keyof typeof THREAD_EVENT_SCHEMAS, () => Record<string, unknown>> = {
        'thread:join': () => ({ threadId: ids.threadId }),
        'thread:catch-up': () => ({ threadId: ids.threadId, afterSeq: '0' }),
        'thread:leave': () => ({ threadId: '00000000-0000-4000-8000-000000000000' }),
        'thread:read': () => ({ threadId: ids.threadId, seq: '1' }),
        'message:send': () => ({ threadId: ids.threadId, clientId: newClientId(), body: 'Hello' }),
        'message:edit': () => ({ messageId: ids.messageId, body: 'Edited' }),
        'message:delete': () => ({ messageId: '00000000-0000-4000-8000-000000000000' }),
        'reaction:toggle': () => ({ messageId: ids.messageId, emoji: '👍' }),
        typing: () => ({ threadId: ids.threadId, typing: true }),
      };
      expect(Object.keys(base).sort()).toEqual(Object.keys(THREAD_EVENT_SCHEMAS).sort());
      const outcomes: Outcome[] = [];
      for (const [event, schema] of Object.entries(THREAD_EVENT_SCHEMAS) as [
        keyof typeof base,
        { shape: Record<string, unknown> },
      ][]) {
        for (const key of Object.keys(schema.shape)) {
          for (const [, value] of [...HOSTILE, ['deep JSON', DEEP_OBJECT()] as [string, unknown]]) {
            const ack = await live.request(event, { ...base[event](), [key]: value });
            const text = typeof value === 'string' ? value : 'deep JSON';
            const message = ack.ok ? (ack.data as { message?: { body?: string } }).message : undefined;
            outcomes.push({
              where: `${event}.${key}`,
              value: text,
              status: ack.ok ? 200 : 400,
              code: ack.ok ? undefined : ack.error.code,
              field: ack.ok ? undefined : ack.error.field,
              readBack: key === 'body' ? message?.body : undefined,
              sent: key === 'body' && typeof value === 'string' ? value : undefined,
            });
          }
        }
        // The whole payload deep JSON instead of an object.
        const ack = await live.request(event, JSON.parse(DEEP_JSON.slice(0, 4000) + DEEP_JSON.slice(-4000)));
        outcomes.push({
          where: `${event} (payload)`,
          value: 'deep JSON',
          status: ack.ok ? 200 : 400,
          code: ack.ok ? undefined : ack.error.code,
          field: ack.ok ? undefined : ack.error.field,
        });
      }

      const defects = outcomes.flatMap((o) =>
        defect(o) ? [`${o.where} with ${JSON.stringify(o.value.slice(0, 20))}: ${defect(o)}`] : [],
      );
      expect(defects).toEqual([]);
      expect(outcomes.some((o) => o.where === 'message:send.body' && o.readBack === o.sent)).toBe(true);
      expect(live.socket.connected).toBe(true);
    } finally {
      live.close();
    }
  }, 120_000);
});
