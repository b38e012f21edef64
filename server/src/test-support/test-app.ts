import type { Role } from '@commons/shared';
import type { Logger } from 'pino';
import { startServer, type RunningServer } from '../app';
import { hashPassword } from '../platform/auth/password';
import { loadConfig } from '../platform/config/config';
import { PrismaService } from '../platform/database/prisma.service';
import { TestClient } from './graphql-client';
import { createTestDatabase, type TestDatabase } from './test-database';

export const TEST_PASSWORD = 'correct horse battery';

export interface TestMember {
  userId: string;
  email: string;
  name: string;
  role: Role;
  siteId: string | null;
  client: TestClient;
}

/**
 * A running app on its own fresh database, with builders that make networks and members.
 * Members are made the way the product makes them: an admin's invitation, then registration.
 */
export class TestApp {
  private counter = 0;
  private hash: Promise<string> | null = null;

  private constructor(
    readonly server: RunningServer,
    readonly database: TestDatabase,
  ) {}

  /** Starts the app with `env`; `options.logger` receives its log (silent by default). */
  static async start(env: Record<string, string> = {}, options: { logger?: Logger } = {}): Promise<TestApp> {
    const database = await createTestDatabase();
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: database.url,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'silent',
      DATABASE_POOL_SIZE: '4',
      // The mail queue's polling would show in tests that count SQL statements: on where asked for.
      MAIL_WORKERS: 'false',
      ...env,
    });
    const server = await startServer(config, options.logger);
    return new TestApp(server, database);
  }

  get url() {
    return this.server.url;
  }

  /**
   * Another process of this Commons on the same database, with `env` besides (the same REDIS_URL,
   * say): a second node behind the proxy. The caller closes it.
   */
  startAnotherNode(env: Record<string, string> = {}): Promise<RunningServer> {
    return startServer(
      loadConfig({
        NODE_ENV: 'test',
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: this.database.url,
        SEED_DEMO: 'false',
        LOG_LEVEL: 'silent',
        ...env,
      }),
    );
  }

  get prisma(): PrismaService {
    return this.server.app.get(PrismaService);
  }

  client() {
    return new TestClient(this.url);
  }

  /** A network with `siteCount` sites and a signed-in network admin (networks have no creation API yet). */
  async newNetwork(siteCount = 2) {
    const n = ++this.counter;
    const network = await this.prisma.network.create({
      data: { slug: `net-${n}-${Date.now()}`, name: `Network ${n}`, startedOn: new Date('2024-01-01T00:00:00Z') },
    });
    const sites = [];
    for (let i = 0; i < siteCount; i += 1) {
      sites.push(
        await this.prisma.site.create({
          data: { networkId: network.id, slug: `site-${i}`, name: `Site ${String.fromCharCode(65 + i)}` },
        }),
      );
    }
    const email = `admin-${n}-${Date.now()}@example.org`;
    this.hash ??= hashPassword(TEST_PASSWORD);
    const admin = await this.prisma.user.create({
      data: {
        email,
        name: `Admin ${n}`,
        passwordHash: await this.hash,
        memberships: { create: { networkId: network.id, role: 'NETWORK_ADMIN' } },
      },
    });
    const client = this.client();
    const signedIn = await client.signIn(email, TEST_PASSWORD);
    if (signedIn.errors?.length) throw new Error(`the new admin could not sign in: ${JSON.stringify(signedIn.errors)}`);
    return {
      network,
      sites,
      admin: { userId: admin.id, email, name: admin.name, role: 'NETWORK_ADMIN' as Role, siteId: null, client },
    };
  }

  /** A fresh, unused email address. */
  newEmail(prefix = 'person'): string {
    return `${prefix}-${++this.counter}-${Date.now()}@example.org`;
  }

  /** A pending invitation made through the API by `inviter`; returns its id and the token from its link. */
  async newInvitation(
    inviter: TestMember,
    networkId: string,
    input: { role: Role; siteId: string | null; email?: string },
  ) {
    const email = input.email ?? this.newEmail(input.role.toLowerCase());
    const invited = await inviter.client.ok(
      `mutation($networkId: ID!, $input: InvitationInput!) { inviteMember(networkId: $networkId, input: $input) { link invitation { id } } }`,
      { networkId, input: { email, role: input.role, siteId: input.siteId } },
    );
    const token: string = invited.inviteMember.link.split('/invite/')[1];
    return { id: invited.inviteMember.invitation.id as string, token, email };
  }

  /** Invites a person as `admin` and registers them through the API; returns them signed in. */
  async newMember(
    admin: TestMember,
    networkId: string,
    role: Role,
    siteId: string | null,
    name = `${role} ${++this.counter}`,
  ): Promise<TestMember> {
    const { token, email } = await this.newInvitation(admin, networkId, { role, siteId });
    const client = this.client();
    await client.ok(`mutation($input: RegisterInput!) { register(input: $input) { id } }`, {
      input: { token, email, name, password: TEST_PASSWORD },
    });
    const me = await client.ok(`{ me { id } }`);
    return { userId: me.me.id, email, name, role, siteId, client };
  }

  /**
   * A member of `role` without a site who has asked to join `siteId` (requestSite) and is still
   * waiting for an answer: the site is not hers yet. Returns her and her request's id.
   */
  async newPendingMember(
    admin: TestMember,
    networkId: string,
    role: Role,
    siteId: string,
  ): Promise<TestMember & { requestId: string }> {
    const member = await this.newMember(admin, networkId, role, null);
    const { requestSite } = await member.client.ok(
      `mutation($n: ID!, $s: ID!) { requestSite(networkId: $n, siteId: $s) { id status } }`,
      { n: networkId, s: siteId },
    );
    if (requestSite.status !== 'PENDING') throw new Error(`the request is ${requestSite.status}, not PENDING`);
    return { ...member, requestId: requestSite.id };
  }

  /** `answerer` (the site's lead or an admin) confirms a request: the member's site becomes the requested one. */
  async confirmSiteRequest(answerer: TestMember, requestId: string): Promise<void> {
    await answerer.client.ok(`mutation($id: ID!) { confirmSiteRequest(requestId: $id) { status } }`, { id: requestId });
  }

  async stop() {
    await this.server.close();
    await this.database.drop();
  }
}
