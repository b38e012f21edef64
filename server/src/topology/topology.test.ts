import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LIVE_NODE_KEY_PARAM, type MessageNewPayload, type ThreadMessagePayload } from '@commons/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newIdea } from '../test-support/change-ideas';
import { TestClient } from '../test-support/graphql-client';
import { LiveClient, type LiveClientOptions } from '../test-support/live-client';
import { NginxProxy, nginxBinary } from '../test-support/nginx-proxy';
import { ServerProcess } from '../test-support/server-process';
import { TEST_PASSWORD, TestApp, type TestMember } from '../test-support/test-app';
import { ThreadView } from '../test-support/thread-view';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SIGNIN_MAX_PER_IP = 30;
const THREAD = `query($id: ID!) { thread(subjectType: CHANGE_IDEA, subjectId: $id) { id } }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { id } }`;

/**
 * A loopback address of its own (Linux routes all of 127/8 to lo): requests from it reach nginx
 * from an address that is neither nginx's (127.0.0.1) nor any other run's, so rate-limit counters
 * in the shared Redis start from zero and "the app saw the client, not the proxy" is visible.
 */
const freshLoopbackAddress = () => {
  const [a, b, c] = randomBytes(3);
  return `127.${1 + (a % 254)}.${b}.${1 + (c % 254)}`;
};

/** POSTs a GraphQL operation from `localAddress`, with extra headers: what fetch cannot do. */
function graphqlFrom(url: string, localAddress: string, body: object, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: any; cookie: string | null }>((resolve, reject) => {
    const request = http.request(
      `${url}/graphql`,
      {
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', 'x-commons-csrf': '1', ...headers },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          const cookie = response.headers['set-cookie']?.[0]?.split(';')[0] ?? null;
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(text), cookie });
        });
      },
    );
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });
}

/** The same member, signed in through nginx (the cookie is the session; PostgreSQL holds it). */
const through = (url: string, member: TestMember): TestMember => {
  const client = new TestClient(url);
  client.cookie = member.client.cookie;
  return { ...member, client };
};

/**
 * A member's tab following one thread as the browser's threads client does: on every connection
 * it joins with the last seq it has seen and applies what comes back; live messages go through
 * the shared rules (duplicates dropped by id, gaps noticed). A test can hold the rejoin, to send
 * messages while the tab is sure to be away.
 */
class ThreadFollower {
  readonly view = new ThreadView();
  readonly connections: { recovered: boolean; transport: string; caughtUp: ThreadMessagePayload[] }[] = [];
  private hold: Promise<unknown> = Promise.resolve();
  private listeners: (() => void)[] = [];
  private lastError = 'none';

  constructor(
    readonly client: LiveClient,
    private readonly threadId: string,
  ) {
    client.socket.on(
      'message:new',
      (message: MessageNewPayload) => message.threadId === threadId && this.view.live(message),
    );
    client.socket.on(
      'connect',
      () => void this.join().catch((error: Error) => (this.lastError = `thread:join: ${error.message}`)),
    );
    client.socket.on('connect_error', (error) => (this.lastError = error.message));
  }

  get transport(): string {
    return this.client.socket.io.engine.transport.name;
  }

  holdRejoinsUntil(promise: Promise<unknown>) {
    this.hold = promise;
  }

  async send(body: string): Promise<ThreadMessagePayload> {
    const ack = await this.client.send(this.threadId, body);
    if (!ack.ok) throw new Error(`message:send refused: ${JSON.stringify(ack.error)}`);
    this.view.apply([ack.data.message]);
    return ack.data.message;
  }

  /** Resolves once the tab has joined `count` times (first connection included); fails after 10 s saying why. */
  async joined(count: number): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (this.connections.length < count) {
      const remaining = deadline - Date.now();
      const joinedAgain = new Promise<boolean>((resolve) => this.listeners.push(() => resolve(true)));
      const timedOut = new Promise<boolean>((resolve) =>
        setTimeout(() => resolve(false), Math.max(0, remaining)).unref(),
      );
      if (!(await Promise.race([joinedAgain, timedOut]))) {
        throw new Error(
          `joined ${this.connections.length} time(s), expected ${count}, within 10 s (last connection error: ${this.lastError})`,
        );
      }
    }
  }

  disconnected(): Promise<string> {
    return new Promise((resolve) => this.client.socket.once('disconnect', resolve));
  }

  private async join() {
    const recovered = this.client.socket.recovered;
    await this.hold;
    const joined = await this.client.ok('thread:join', { threadId: this.threadId, lastSeenSeq: this.view.lastSeenSeq });
    this.view.apply(joined.messages);
    this.connections.push({ recovered, transport: this.transport, caughtUp: joined.messages });
    this.listeners.splice(0).forEach((resolve) => resolve());
  }
}

/**
 * Two app processes on `app`'s database and Redis, with `env` besides, behind nginx with the shipped
 * configuration.
 */
async function behindNginx(
  app: TestApp,
  env: Record<string, string>,
): Promise<{ nodes: [ServerProcess, ServerProcess]; proxy: NginxProxy }> {
  const nodeEnv = {
    DATABASE_URL: app.database.url,
    REDIS_URL,
    TRUST_PROXY: '1',
    DATABASE_POOL_SIZE: '4',
    ...env,
  };
  const nodes = await Promise.all([ServerProcess.start(nodeEnv), ServerProcess.start(nodeEnv)]);
  const proxy = await NginxProxy.start([new URL(nodes[0].url).host, new URL(nodes[1].url).host]);
  return { nodes, proxy };
}

describe('the scale topology of docker/compose.yaml, on this machine: nginx with the shipped configuration, two app processes, Redis, PostgreSQL', () => {
  let app: TestApp;
  let webDir: string;
  let nodes: [ServerProcess, ServerProcess];
  let proxy: NginxProxy;
  let patient: TestMember;
  let clinician: TestMember;
  let researcher: TestMember;
  let threadId: string;
  const clients: LiveClient[] = [];

  /** A live connection through nginx (or another front door) as a browser opens it: its origin, its key. */
  const connect = (member: TestMember, options: LiveClientOptions & { via?: string; nodeKey?: string | null } = {}) => {
    const { via = proxy.url, nodeKey: key = randomUUID(), ...socketOptions } = options;
    const client = new LiveClient(via, member.client.cookie, {
      ...socketOptions,
      query: key ? { [LIVE_NODE_KEY_PARAM]: key } : {},
      extraHeaders: { origin: via, ...socketOptions.extraHeaders },
    });
    clients.push(client);
    return client;
  };

  /** The app process nginx sends `key`'s sessions to: open one through nginx, ask each process whether it holds it. */
  const nodeFor = async (key: string): Promise<ServerProcess> => {
    const handshake = await fetch(`${proxy.url}/socket.io/?EIO=4&transport=polling&${LIVE_NODE_KEY_PARAM}=${key}`);
    const { sid } = JSON.parse((await handshake.text()).slice(1)) as { sid: string };
    for (const node of nodes) {
      // A close packet: 200 from the process that holds the session, 400 "Session ID unknown" elsewhere.
      const close = await fetch(`${node.url}/socket.io/?EIO=4&transport=polling&sid=${sid}`, {
        method: 'POST',
        body: '1',
      });
      if (close.ok) return node;
    }
    throw new Error(`no process holds session ${sid}`);
  };
  const keyServedBy = async (node: ServerProcess): Promise<string> => {
    for (let attempt = 0; attempt < 30; attempt += 1) {
      const key = randomUUID();
      if ((await nodeFor(key)) === node) return key;
    }
    throw new Error(`nginx sent no key to ${node.url} in 30 tries`);
  };

  beforeAll(async () => {
    nginxBinary(); // fails first, saying how to install it, when nginx is missing
    // A built web app of the smallest kind: a page, the start-up query the server answers inside
    // it, and the chunk of one page it names in its head.
    webDir = await mkdtemp(path.join(tmpdir(), 'commons-web-'));
    await mkdir(path.join(webDir, '.vite'));
    await writeFile(
      path.join(webDir, 'index.html'),
      '<!doctype html><html><head></head><body><div id="root"></div></body></html>',
    );
    await writeFile(
      path.join(webDir, '.vite', 'query-documents.json'),
      JSON.stringify({ Viewer: 'query Viewer { me { id name } }' }),
    );
    await writeFile(
      path.join(webDir, '.vite', 'page-files.json'),
      JSON.stringify({ branches: [{ path: '/profile', index: false, files: ['/assets/profile-page-1.js'] }] }),
    );
    // Builders run on an in-process app without Redis, so their sign-ins count in no shared limiter.
    app = await TestApp.start();
    ({ nodes, proxy } = await behindNginx(app, {
      WEB_DIR: webDir,
      SIGNIN_MAX_PER_IP: String(SIGNIN_MAX_PER_IP),
    }));
    const { admin, network, sites } = await app.newNetwork(1);
    patient = await app.newMember(admin, network.id, 'PATIENT_PARTNER', sites[0].id, 'Pat Partner');
    clinician = await app.newMember(admin, network.id, 'CLINICIAN', sites[0].id, 'Cleo Clinician');
    researcher = await app.newMember(admin, network.id, 'RESEARCHER', null, 'Ravi Researcher');
    const idea = await newIdea(patient, network.id);
    threadId = (await patient.client.ok(THREAD, { id: idea.id })).thread.id;
    [patient, clinician, researcher] = [patient, clinician, researcher].map((member) => through(proxy.url, member));
  }, 120_000); // three app boots on a shared two-core machine

  afterAll(async () => {
    clients.forEach((client) => client.close());
    await Promise.all(nodes?.map((node) => node.stop()) ?? []);
    await proxy?.stop();
    await app?.stop();
    await rm(webDir, { recursive: true, force: true });
  });

  it('signs in and answers GraphQL through nginx, spreading requests over both processes', async () => {
    const viaProxy = new TestClient(proxy.url);
    expect((await viaProxy.signIn(patient.email, TEST_PASSWORD)).errors).toBeUndefined();
    for (let i = 0; i < 4; i += 1)
      expect((await viaProxy.ok(`{ me { id name } }`)).me).toEqual({ id: patient.userId, name: 'Pat Partner' });
    const served = proxy
      .accessLog()
      .split('\n')
      .filter((line) => line.includes('"POST /graphql '))
      .map((line) => /upstream=(\S+)/.exec(line)?.[1]);
    expect(new Set(served)).toEqual(new Set(nodes.map((node) => new URL(node.url).host)));
  });

  it('answers queries sent together (a JSON array) through nginx, in order', async () => {
    const viaProxy = new TestClient(proxy.url);
    expect((await viaProxy.signIn(patient.email, TEST_PASSWORD)).errors).toBeUndefined();
    const response = await fetch(`${proxy.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: viaProxy.cookie! },
      body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { name } }' }]),
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([
      { data: { me: { id: patient.userId } } },
      { data: { me: { name: 'Pat Partner' } } },
    ]);
  });

  it("answers a member's page through nginx with who she is and its chunk inside it, from either process", async () => {
    const from = proxy.accessLog().length;
    for (let i = 0; i < 4; i += 1) {
      const response = await fetch(`${proxy.url}/profile`, {
        headers: { accept: 'text/html', cookie: patient.client.cookie! },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('private, no-cache');
      const html = await response.text();
      expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/profile-page-1.js"></head>');
      const answers = /<script type="application\/json" id="commons-start-data">(.*?)<\/script>/s.exec(html)?.[1];
      expect(JSON.parse(answers ?? 'null')).toEqual([
        { query: 'Viewer', variables: {}, data: { me: { id: patient.userId, name: 'Pat Partner' } } },
      ]);
    }
    const served = proxy
      .accessLog()
      .slice(from)
      .split('\n')
      .filter((line) => line.includes('"GET /profile '))
      .map((line) => /upstream=(\S+)/.exec(line)?.[1]);
    expect(new Set(served)).toEqual(new Set(nodes.map((node) => new URL(node.url).host)));
  });

  it('records the address nginx saw on the session, not the one the client wrote in X-Forwarded-For', async () => {
    const from = freshLoopbackAddress();
    const signedIn = await graphqlFrom(
      proxy.url,
      from,
      { query: SIGN_IN, variables: { input: { email: clinician.email, password: TEST_PASSWORD } } },
      { 'x-forwarded-for': '6.6.6.6' },
    );
    expect(signedIn.body.errors).toBeUndefined();
    const device = new TestClient(proxy.url);
    device.cookie = signedIn.cookie;
    const { mySessions } = await device.ok(`{ mySessions { current ipAddress } }`);
    expect(mySessions.find((session: { current: boolean }) => session.current)).toEqual({
      current: true,
      ipAddress: from,
    });
  });

  it(`limits sign-in attempts per client address at SIGNIN_MAX_PER_IP (${SIGNIN_MAX_PER_IP}), whatever X-Forwarded-For the client writes`, async () => {
    const from = freshLoopbackAddress();
    const codes: string[] = [];
    for (let attempt = 1; attempt <= 40; attempt += 1) {
      const input = { email: `nobody-${randomUUID()}@example.org`, password: 'not the password' };
      const answer = await graphqlFrom(
        proxy.url,
        from,
        { query: SIGN_IN, variables: { input } },
        { 'x-forwarded-for': `6.6.${attempt}.${attempt}` },
      );
      codes.push(answer.body.errors?.[0]?.extensions?.code);
    }
    expect(codes).toEqual([
      ...Array(SIGNIN_MAX_PER_IP).fill('UNAUTHENTICATED'),
      ...Array(40 - SIGNIN_MAX_PER_IP).fill('TOO_MANY_REQUESTS'),
    ]);
  });

  it('upgrades the live connection to WebSocket through nginx and carries a thread message across the two processes', async () => {
    const pat = new ThreadFollower(connect(patient, { nodeKey: await keyServedBy(nodes[0]) }), threadId);
    const cleo = new ThreadFollower(connect(clinician, { nodeKey: await keyServedBy(nodes[1]) }), threadId);
    await Promise.all([pat.joined(1), cleo.joined(1)]);
    expect([pat.transport, cleo.transport]).toEqual(['websocket', 'websocket']);

    const hello = await pat.send('Hello from the first process');
    await cleo.client.next<MessageNewPayload>('message:new', (m) => m.id === hello.id);
    const reply = await cleo.send('Hello from the second process');
    await pat.client.next<MessageNewPayload>('message:new', (m) => m.id === reply.id);
    expect(pat.view.bodies().slice(-2)).toEqual(['Hello from the first process', 'Hello from the second process']);
    pat.client.close();
    cleo.client.close();
  });

  it('serves socket.io over HTTP long-polling through nginx: every request of a session reaches the process that holds it', async () => {
    const key = randomUUID();
    const ravi = new ThreadFollower(connect(researcher, { nodeKey: key, transports: ['polling'] }), threadId);
    const cleo = new ThreadFollower(connect(clinician), threadId);
    await Promise.all([ravi.joined(1), cleo.joined(1)]);
    expect(ravi.transport).toBe('polling');

    for (let i = 1; i <= 3; i += 1) {
      const sent = await cleo.send(`to the polling client ${i}`);
      await ravi.client.next<MessageNewPayload>('message:new', (m) => m.id === sent.id);
      const answer = await ravi.send(`from the polling client ${i}`);
      await cleo.client.next<MessageNewPayload>('message:new', (m) => m.id === answer.id);
    }
    const served = proxy
      .accessLog()
      .split('\n')
      .filter((line) => line.includes(`${LIVE_NODE_KEY_PARAM}=${key}`))
      .map((line) => /upstream=(\S+)/.exec(line)?.[1]);
    expect(served.length).toBeGreaterThan(6);
    expect(new Set(served).size).toBe(1);

    // A client without the key (an older tab, another tool) is placed by its address.
    const keyless = new ThreadFollower(connect(researcher, { nodeKey: null, transports: ['polling'] }), threadId);
    await keyless.joined(1);
    const sent = await cleo.send('to the client without a key');
    await keyless.client.next<MessageNewPayload>('message:new', (m) => m.id === sent.id);
    [ravi, cleo, keyless].forEach((follower) => follower.client.close());
  });

  it('falls back to long-polling when a proxy on the way strips WebSocket upgrades', async () => {
    const via = proxy.upgradeStrippingUrl;
    const key = randomUUID();
    // As the browser's connection: WebSocket first, then every other transport.
    const ravi = new ThreadFollower(
      connect(researcher, { via, nodeKey: key, transports: ['websocket', 'polling'], tryAllTransports: true }),
      threadId,
    );
    const cleo = new ThreadFollower(connect(clinician), threadId);
    await Promise.all([ravi.joined(1), cleo.joined(1)]);
    expect(ravi.transport).toBe('polling');
    const sent = await cleo.send('through the hospital proxy');
    await ravi.client.next<MessageNewPayload>('message:new', (m) => m.id === sent.id);
    const answer = await ravi.send('back through the hospital proxy');
    await cleo.client.next<MessageNewPayload>('message:new', (m) => m.id === answer.id);
    expect(ravi.transport).toBe('polling');
    const websocketAttempts = proxy
      .accessLog()
      .split('\n')
      .filter((line) => line.includes(key) && line.includes('transport=websocket'));
    expect(websocketAttempts.length).toBeGreaterThan(0);
    expect(websocketAttempts.filter((line) => / 101 /.test(line))).toEqual([]);
    [ravi, cleo].forEach((follower) => follower.client.close());
  });

  it('when a process is killed (SIGKILL), its clients reconnect through nginx to the other and catch up by seq: nothing missed, nothing twice', async () => {
    const [victim, survivor] = nodes;
    const reconnecting: LiveClientOptions = {
      reconnection: true,
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
      randomizationFactor: 0,
    };
    const pat = new ThreadFollower(connect(patient, { ...reconnecting, nodeKey: await keyServedBy(victim) }), threadId);
    const ravi = new ThreadFollower(
      connect(researcher, { ...reconnecting, nodeKey: await keyServedBy(victim), transports: ['polling'] }),
      threadId,
    );
    const cleo = new ThreadFollower(connect(clinician, { nodeKey: await keyServedBy(survivor) }), threadId);
    await Promise.all([pat.joined(1), ravi.joined(1), cleo.joined(1)]);
    const before = await cleo.send('before the crash');
    await Promise.all(
      [pat, ravi].map((f) => f.client.next<MessageNewPayload>('message:new', (m) => m.id === before.id)),
    );

    // The tabs come back whenever socket.io reconnects them, but rejoin only after the messages
    // below are sent: those can only reach them by the catch-up from their last seq.
    let release!: () => void;
    const outageOver = new Promise<void>((resolve) => (release = resolve));
    pat.holdRejoinsUntil(outageOver);
    ravi.holdRejoinsUntil(outageOver);
    const dropped = Promise.all([pat.disconnected(), ravi.disconnected()]);
    await victim.kill();
    await dropped;
    const sentDuringOutage: string[] = [];
    for (const body of ['while it is down 1', 'while it is down 2', 'while it is down 3'])
      sentDuringOutage.push((await cleo.send(body)).id);
    release();
    await Promise.all([pat.joined(2), ravi.joined(2)]);

    for (const tab of [pat, ravi]) {
      // No connection-state recovery after a crash (the dead process could not save the session):
      // the catch-up by seq brought exactly what was missed.
      expect(tab.connections[1]).toMatchObject({ recovered: false });
      expect(tab.connections[1].caughtUp.map((m) => m.id)).toEqual(sentDuringOutage);
    }
    expect([pat.connections[1].transport, ravi.connections[1].transport]).toEqual(['websocket', 'polling']);
    const after = await cleo.send('welcome back');
    await Promise.all(
      [pat, ravi].map((f) => f.client.next<MessageNewPayload>('message:new', (m) => m.id === after.id)),
    );

    const stored = await app.prisma.message.findMany({
      where: { threadId },
      orderBy: { seq: 'asc' },
      select: { body: true },
    });
    for (const tab of [pat, ravi]) {
      expect(tab.view.bodies()).toEqual(stored.map((m) => m.body));
      expect(tab.view.bodies().slice(-5)).toEqual([
        'before the crash',
        'while it is down 1',
        'while it is down 2',
        'while it is down 3',
        'welcome back',
      ]);
      expect([...tab.view.arrivals.values()].every((count) => count === 1)).toBe(true);
      expect(tab.view.gaps).toBe(0);
    }
  });
});

describe('pages drawn by the server, through nginx and two app processes', () => {
  const PACE = 5;
  let app: TestApp;
  let folder: string;
  let nodes: [ServerProcess, ServerProcess];
  let proxy: NginxProxy;
  let member: TestMember;

  beforeAll(async () => {
    nginxBinary();
    // The client's two builds side by side (dist and dist-server), of the smallest kind: a page with
    // the app's script in its head and its root, and a drawing that writes who she is.
    folder = await mkdtemp(path.join(tmpdir(), 'commons-client-'));
    const webDir = path.join(folder, 'dist');
    await mkdir(path.join(webDir, '.vite'), { recursive: true });
    await mkdir(path.join(folder, 'dist-server'));
    await writeFile(
      path.join(webDir, 'index.html'),
      '<!doctype html><html><head><script type="module" crossorigin src="/assets/app-1.js"></script></head>' +
        '<body><div id="root"><header>Commons</header></div><noscript>JavaScript</noscript></body></html>',
    );
    await writeFile(
      path.join(webDir, '.vite', 'query-documents.json'),
      JSON.stringify({ Viewer: 'query Viewer { me { id name } }' }),
    );
    await writeFile(
      path.join(folder, 'dist-server', 'entry-server.js'),
      `export async function drawPage(page) {
        const me = page.answers.find((answer) => answer.query === 'Viewer').data.me;
        return '<main><h1>' + me.name.replace(/</g, '&lt;') + '</h1></main>';
      }`,
    );
    app = await TestApp.start();
    ({ nodes, proxy } = await behindNginx(app, { WEB_DIR: webDir, ANSWERED_PAGES_PER_MINUTE: String(PACE) }));
    const { admin, network, sites } = await app.newNetwork(1);
    member = await app.newMember(admin, network.id, 'CLINICIAN', sites[0].id, 'Dana Drawn');
  }, 120_000);

  afterAll(async () => {
    await Promise.all(nodes?.map((node) => node.stop()) ?? []);
    await proxy?.stop();
    await app?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it("sends her page drawn, its content before the app's script, from either process, at her pace across both", async () => {
    const from = proxy.accessLog().length;
    const open = async () => {
      const response = await fetch(`${proxy.url}/profile`, {
        headers: { accept: 'text/html', cookie: member.client.cookie! },
      });
      expect(response.status).toBe(200);
      return response.text();
    };
    for (let i = 0; i < PACE; i += 1) {
      const html = await open();
      expect(html).toContain(
        '<div id="root" data-drawn-by-server inert><main><h1>Dana Drawn</h1></main></div><noscript>',
      );
      expect(html.indexOf('<script type="module"')).toBeGreaterThan(html.indexOf('data-drawn-by-server'));
    }
    const served = proxy
      .accessLog()
      .slice(from)
      .split('\n')
      .filter((line) => line.includes('"GET /profile '))
      .map((line) => /upstream=(\S+)/.exec(line)?.[1]);
    expect(new Set(served)).toEqual(new Set(nodes.map((node) => new URL(node.url).host)));
    // Past her pace, whichever process answers: the bare app, which asks for itself.
    const bare = await open();
    expect(bare).toContain('<div id="root"><header>Commons</header></div>');
    expect(bare).not.toContain('commons-start-data');
  });
});
