import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newGroup } from '../../test-support/groups';
import { TestApp, type TestMember } from '../../test-support/test-app';
import { createLogger, defaultLogFormat, loggedPath, prettyMessage, quietStartUp } from './logger';

interface LogLine {
  level: number;
  msg?: string;
  reqId?: string;
  req?: Record<string, unknown>;
  res?: Record<string, unknown>;
  err?: { stack?: string };
  code?: string;
  [key: string]: unknown;
}

const ERROR = 50;
const INVITE = `mutation($networkId: ID!, $input: InvitationInput!) { inviteMember(networkId: $networkId, input: $input) { link } }`;
const GROUPS = `query($networkId: ID!) { groups(networkId: $networkId) { nodes { id name } } }`;

/** The JSON lines the app's real logger writes, kept in memory. */
class LogCapture extends Writable {
  readonly raw: string[] = [];

  override _write(chunk: Buffer, _: BufferEncoding, done: () => void) {
    this.raw.push(...chunk.toString().split('\n').filter(Boolean));
    done();
  }

  lines(): LogLine[] {
    return this.raw.map((line) => JSON.parse(line) as LogLine);
  }

  /** Every line logged from `from` (an index into `raw`) on. */
  since(from: number): LogLine[] {
    return this.lines().slice(from);
  }
}

describe('what the app logs about refusals, faults and requests', () => {
  const capture = new LogCapture();
  let app: TestApp;
  let admin: TestMember;
  let patient: TestMember;
  let networkId: string;

  beforeAll(async () => {
    app = await TestApp.start(
      { LOG_LEVEL: 'info', MESSAGES_PER_WINDOW: '1' },
      { logger: createLogger('info', capture) },
    );
    const made = await app.newNetwork(1);
    admin = made.admin;
    networkId = made.network.id;
    patient = await app.newMember(admin, networkId, 'PATIENT_PARTNER', made.sites[0].id);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('logs expected refusals (forbidden, not found, bad input, a wrong password, a rate limit) at info or warn, without a stack', async () => {
    const idea = await patient.client.ok(
      `mutation($networkId: ID!) { proposeChangeIdea(networkId: $networkId, input: { title: "Texts", problem: "p", idea: "i", driverIds: [], nextDecisionOn: null }) { id } }`,
      { networkId },
    );
    const threadId = (
      await patient.client.ok(`query($id: ID!) { thread(subjectType: CHANGE_IDEA, subjectId: $id) { id } }`, {
        id: idea.proposeChangeIdea.id,
      })
    ).thread.id;
    const send = (clientId: string) =>
      patient.client.gql(`mutation($input: SendMessageInput!) { sendMessage(input: $input) { id } }`, {
        input: { threadId, clientId, body: 'Hello' },
      });
    await send('log-test-client-1');
    const from = capture.raw.length;

    const refusals = [
      await patient.client.gql(INVITE, {
        networkId,
        input: { email: 'someone@example.org', role: 'CLINICIAN', siteId: null },
      }),
      await patient.client.gql(`query($id: ID!) { resource(id: $id) { id } }`, {
        id: '00000000-0000-4000-8000-000000000000',
      }),
      await patient.client.gql(`mutation { updateProfile(input: { name: "" }) { name } }`),
      await app.client().signIn(patient.email, 'not the password at all'),
      await send('log-test-client-2'),
    ];

    expect(refusals.map((r) => r.errors?.[0].extensions?.code)).toEqual([
      'FORBIDDEN',
      'NOT_FOUND',
      'BAD_USER_INPUT',
      'UNAUTHENTICATED',
      'TOO_MANY_REQUESTS',
    ]);
    const lines = capture.since(from);
    expect(lines.filter((line) => line.level >= ERROR)).toEqual([]);
    const refusalLines = lines.filter((line) => typeof line.code === 'string');
    expect(refusalLines.map((line) => [line.code, line.level])).toEqual([
      ['FORBIDDEN', 30],
      ['NOT_FOUND', 30],
      ['BAD_USER_INPUT', 30],
      ['UNAUTHENTICATED', 30],
      ['TOO_MANY_REQUESTS', 40],
    ]);
    expect(lines.filter((line) => JSON.stringify(line).includes('stack'))).toEqual([]);
    // Each refusal line carries its request's id, so it can be matched with the request line.
    expect(refusalLines.every((line) => typeof line.reqId === 'string')).toBe(true);
  });

  it('logs a fault once at error level with its stack, and answers INTERNAL_SERVER_ERROR', async () => {
    await newGroup(admin, networkId);
    await app.prisma.$executeRawUnsafe('ALTER TABLE "WorkingGroup" RENAME TO "WorkingGroupMoved"');
    const from = capture.raw.length;
    try {
      const result = await admin.client.gql(GROUPS, { networkId });

      expect(result.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await app.prisma.$executeRawUnsafe('ALTER TABLE "WorkingGroupMoved" RENAME TO "WorkingGroup"');
    }
    const errors = capture.since(from).filter((line) => line.level >= ERROR);
    expect(errors).toHaveLength(1);
    expect(errors[0].err?.stack).toMatch(/WorkingGroup/);
    expect(typeof errors[0].reqId).toBe('string');
  });

  it('logs each request as its method, url, status, time and id: no headers, no cookie', async () => {
    const from = capture.raw.length;

    await patient.client.gql(
      `{ me { id } }`,
      {},
      { headers: { 'user-agent': 'probe/1.0', authorization: 'Bearer secret-token-value' } },
    );

    const raw = capture.raw.slice(from);
    const requests = capture.since(from).filter((line) => line.res);
    expect(requests).toHaveLength(1);
    const [line] = requests;
    expect(line).toMatchObject({ level: 30, req: { method: 'POST', url: '/graphql' }, res: { statusCode: 200 } });
    expect(Object.keys(line.req!).sort()).toEqual(['id', 'method', 'url']);
    expect(Object.keys(line.res!)).toEqual(['statusCode']);
    expect(typeof line.responseTime).toBe('number');
    expect(line.req!.id).toEqual(expect.any(String));
    const cookieValue = patient.client.cookie!.split('=')[1];
    for (const text of raw) {
      expect(text).not.toContain(cookieValue);
      expect(text).not.toContain('secret-token-value');
      expect(text).not.toMatch(/headers|user-agent|probe\/1\.0|x-commons-csrf/i);
    }
  });

  it('does not log the value of a variable of the wrong type (it may be a password)', async () => {
    const from = capture.raw.length;

    const result = await app.client().gql(`mutation($input: SignInInput!) { signIn(input: $input) { id } }`, {
      input: { email: patient.email, password: 'secret-password-typed', remember: true },
    });

    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
    expect(capture.raw.slice(from).join('\n')).not.toContain('secret-password-typed');
  });

  it('logs a path without its query string, where a GET carries variables', async () => {
    const from = capture.raw.length;
    const variables = encodeURIComponent(JSON.stringify({ token: 'secret-in-a-query-string' }));

    await fetch(
      `${app.url}/graphql?query=${encodeURIComponent('query($token: String) { me { id } }')}&variables=${variables}`,
      {
        headers: { cookie: patient.client.cookie!, 'x-commons-csrf': '1' },
      },
    );

    expect(capture.raw.slice(from).join('\n')).not.toContain('secret-in-a-query-string');
    expect(capture.since(from).find((line) => line.res)?.req).toMatchObject({ method: 'GET', url: '/graphql' });
  });

  it('starts without listing every module, route and socket event at info', () => {
    const inventory = capture
      .lines()
      .filter((line) =>
        ['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'WebSocketsController'].includes(String(line.context)),
      );

    expect(inventory).toEqual([]);
    expect(capture.lines().some((line) => line.msg?.startsWith('Commons is ready at'))).toBe(true);
  });

  it('logs a fetch of a built file at debug, a page and the API at info', async () => {
    const from = capture.raw.length;

    const asset = await fetch(`${app.url}/favicon.svg`);
    const page = await fetch(`${app.url}/sign-in`);
    await patient.client.gql(`{ me { id } }`);

    expect([asset.status, page.status]).toEqual([200, 200]);
    const urls = capture
      .since(from)
      .filter((line) => line.res)
      .map((line) => line.req?.url);
    expect(urls).not.toContain('/favicon.svg');
    expect(urls).toContain('/graphql');
  });

  it('would log an invitation link without its token', () => {
    expect(loggedPath('/invite/abcdefghijklmnopqrstuvwxyz?from=mail')).toBe('/invite/[redacted]');
    expect(loggedPath('/n/northstar/members')).toBe('/n/northstar/members');
  });
});

describe('the log format', () => {
  it('is readable in a terminal and JSON for a pipe, a file or a production the operator chose', () => {
    expect(defaultLogFormat(true, false)).toBe('pretty');
    expect(defaultLogFormat(false, false)).toBe('json');
    expect(defaultLogFormat(true, true)).toBe('json');
  });

  it('reads a request line as method, path, status and time', () => {
    expect(
      prettyMessage(
        {
          req: { method: 'POST', url: '/graphql' },
          res: { statusCode: 200 },
          responseTime: 12,
          msg: 'request completed',
        },
        'msg',
      ),
    ).toBe('POST /graphql 200 12 ms');
    expect(prettyMessage({ msg: 'Commons is ready' }, 'msg')).toBe('Commons is ready');
  });

  it('lowers Nest start-up inventory to debug and keeps everything else', () => {
    const calls: string[] = [];
    const logger = quietStartUp({
      log: (message: string) => calls.push(`log ${message}`),
      debug: (message: string) => calls.push(`debug ${message}`),
      error: () => undefined,
      warn: () => undefined,
    });

    logger.log('AppModule dependencies initialized', 'InstanceLoader');
    logger.log('Nest application successfully started', 'NestApplication');

    expect(calls).toEqual(['debug AppModule dependencies initialized', 'log Nest application successfully started']);
  });
});
