import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../app';
import { loadConfig } from '../platform/config/config';
import { errorOf, TestClient } from '../test-support/graphql-client';
import { databaseUrl, uniqueName, withAdminClient } from '../test-support/postgres';
import { ServerProcess } from '../test-support/server-process';

const CLI = path.resolve(__dirname, '../../dist/setup/setup-cli.js');
const LINK = /^ {2}(https?:\/\/\S+)\/invite\/([\w-]+)$/m;
const PREVIEW = `query($token: String!) { invitationPreview(token: $token) { networkName networkSlug email role siteName status } }`;
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { id } }`;
const ME = `{ me { email memberships { role site { id } network { slug name startedOn sites { slug name } } } } }`;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `npm run setup` as its own process; `stdin` is piped in, closed at once when absent. */
function runCli(
  args: string[],
  env: Record<string, string>,
  options: { command?: string[]; stdin?: string } = {},
): Promise<Run> {
  const [command, ...prefix] = options.command ?? [process.execPath, CLI];
  const child = spawn(command, [...prefix, ...args], {
    env: { PATH: process.env.PATH, PORT: '3000', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdin.end(options.stdin ?? '');
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

/** A database with nothing in it at all: no migration applied yet. */
async function emptyDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = uniqueName('commons_setup_cli');
  await withAdminClient((client) => client.query(`CREATE DATABASE "${name}"`));
  return {
    url: databaseUrl(name),
    drop: () =>
      withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

async function query<T = Record<string, unknown>>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('npm run setup (server/dist/setup/setup-cli.js)', () => {
  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  });

  describe('on a DATABASE_URL', () => {
    let database: Awaited<ReturnType<typeof emptyDatabase>>;
    let first: Run;
    let link: { base: string; token: string };
    let server: RunningServer | null = null;

    beforeAll(async () => {
      database = await emptyDatabase();
    });
    afterAll(async () => {
      await server?.close();
      await database?.drop();
    });

    it('refuses wrong options, naming each flag, before it touches the database', async () => {
      const run = await runCli(
        [
          '--network',
          'N',
          '--slug',
          'Bad Slug',
          '--site',
          'Riverside',
          '--site',
          'RIVERSIDE',
          '--admin-email',
          'maya',
          '--public-url',
          'ftp://example.org',
          '--start-month',
          '2026-13',
        ],
        { DATABASE_URL: database.url },
      );
      expect(run.code).toBe(2);
      expect(run.stderr.split('\n').filter((line) => line.startsWith('--'))).toEqual([
        '--network: must be at least 2 characters',
        '--slug: may hold only lowercase letters, digits and single hyphens',
        '--start-month: must be a month like 2026-03',
        '--site (2nd): must not list the same one twice',
        '--admin-email: must be a valid email address',
        '--public-url: must be an http or https address',
      ]);
      const [{ migrated }] = await query<{ migrated: boolean }>(
        database.url,
        `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS migrated`,
      );
      expect(migrated).toBe(false);
    });

    it('asks for what is missing only at a terminal: piped, it names the flags it needs', async () => {
      const run = await runCli(['--slug', 'northern-lights'], { DATABASE_URL: database.url });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--network is required');
      expect(run.stderr).toContain('--site is required (repeat it for each site)');
      expect(run.stderr).toContain('--admin-email is required');
    });

    it('refuses a start month in the future, and an unknown option', async () => {
      const future = await runCli(
        [
          '--network',
          'Northern Lights',
          '--site',
          'Riverside',
          '--admin-email',
          'a@example.org',
          '--start-month',
          '2999-01',
        ],
        {
          DATABASE_URL: database.url,
        },
      );
      expect(future.code).toBe(2);
      expect(future.stderr).toContain('--start-month: cannot be in the future');
      const unknown = await runCli(['--netwrok', 'x'], { DATABASE_URL: database.url });
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain("Unknown option '--netwrok'");
      expect(unknown.stderr).toContain('Usage: npm run setup');
    });

    it('migrates the empty database, creates the network and its sites, and prints a one-time sign-up link', async () => {
      first = await runCli(
        [
          '--network',
          'Northern Lights IBD Network',
          '--site',
          "Riverside Children's Hospital",
          '--site',
          'Lakeview',
          '--admin-email',
          'Maya@Example.org',
          '--start-month',
          '2025-03',
          '--public-url',
          'https://commons.example.org/',
        ],
        { DATABASE_URL: database.url },
      );
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/^Applied \d+ database migration\(s\)\./);
      expect(first.stdout).toContain(
        'Created the network "Northern Lights IBD Network" (northern-lights-ibd-network) with 2 site(s)',
      );
      const match = first.stdout.match(LINK)!;
      link = { base: match[1], token: match[2] };
      expect(link.base).toBe('https://commons.example.org');

      const networks = await query(database.url, `SELECT slug, name, "startedOn"::text AS "startedOn" FROM "Network"`);
      expect(networks).toEqual([
        { slug: 'northern-lights-ibd-network', name: 'Northern Lights IBD Network', startedOn: '2025-03-01' },
      ]);
      const sites = await query(database.url, `SELECT slug, name FROM "Site" ORDER BY slug`);
      expect(sites).toEqual([
        { slug: 'lakeview', name: 'Lakeview' },
        { slug: 'riverside-childrens-hospital', name: "Riverside Children's Hospital" },
      ]);
      // Only the token's hash is stored, as for every invitation.
      const invitations = await query(
        database.url,
        `SELECT email, role, "siteId", "invitedById", "tokenHash" FROM "Invitation"`,
      );
      expect(invitations).toEqual([
        {
          email: 'maya@example.org',
          role: 'NETWORK_ADMIN',
          siteId: null,
          invitedById: null,
          tokenHash: sha256(link.token),
        },
      ]);
    });

    it('the link registers the first network admin, once', async () => {
      server = await startServer(
        loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATABASE_URL: database.url, LOG_LEVEL: 'silent' }),
      );
      const visitor = new TestClient(server.url);
      const { invitationPreview } = await visitor.ok(PREVIEW, { token: link.token });
      expect(invitationPreview).toEqual({
        networkName: 'Northern Lights IBD Network',
        networkSlug: 'northern-lights-ibd-network',
        email: 'maya@example.org',
        role: 'NETWORK_ADMIN',
        siteName: null,
        status: 'PENDING',
      });
      await visitor.ok(REGISTER, {
        input: {
          token: link.token,
          email: 'maya@example.org',
          name: 'Maya Lindqvist',
          password: 'a long admin password',
        },
      });
      const { me } = await visitor.ok(ME);
      expect(me.memberships).toEqual([
        {
          role: 'NETWORK_ADMIN',
          site: null,
          network: {
            slug: 'northern-lights-ibd-network',
            name: 'Northern Lights IBD Network',
            startedOn: '2025-03-01',
            sites: [
              { slug: 'lakeview', name: 'Lakeview' },
              { slug: 'riverside-childrens-hospital', name: "Riverside Children's Hospital" },
            ],
          },
        },
      ]);

      const again = await new TestClient(server.url).gql(REGISTER, {
        input: {
          token: link.token,
          email: 'maya@example.org',
          name: 'Someone Else',
          password: 'another long password',
        },
      });
      expect(errorOf(again)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.token' });
      expect(again.errors?.[0].message).toMatch(/has already been used/);
    });

    it('the new admin sees her invitation listed, made by setup rather than by a member', async () => {
      const admin = new TestClient(server!.url);
      await admin.signIn('maya@example.org', 'a long admin password');
      const { me } = await admin.ok(`{ me { memberships { network { id } } } }`);
      const { invitations } = await admin.ok(
        `query($id: ID!) { invitations(networkId: $id, first: 10) { nodes { email invitedByName status } } }`,
        {
          id: me.memberships[0].network.id,
        },
      );
      expect(invitations.nodes).toEqual([{ email: 'maya@example.org', invitedByName: null, status: 'ACCEPTED' }]);
    });

    it('refuses a second network unless --add-network, and names --slug when the slug is taken', async () => {
      const base = ['--network', 'Second Network', '--site', 'Harbour', '--admin-email', 'second@example.org'];
      const refused = await runCli(base, { DATABASE_URL: database.url });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('This database has a network already');
      expect(refused.stderr).toContain('--add-network');

      const taken = await runCli([...base, '--slug', 'northern-lights-ibd-network', '--add-network'], {
        DATABASE_URL: database.url,
      });
      expect(taken.code).toBe(2);
      expect(taken.stderr.trim()).toBe(
        '--slug: "northern-lights-ibd-network" is the slug of another network; choose another one',
      );

      const added = await runCli([...base, '--add-network'], {
        DATABASE_URL: database.url,
        PUBLIC_URL: 'https://commons.example.org',
      });
      expect(added.code).toBe(0);
      expect(added.stdout).not.toContain('migration');
      expect(added.stdout.match(LINK)?.[1]).toBe('https://commons.example.org');
      const networks = await query<{ slug: string }>(database.url, `SELECT slug FROM "Network" ORDER BY slug`);
      expect(networks.map((n) => n.slug)).toEqual(['northern-lights-ibd-network', 'second-network']);
    });

    it.skipIf(!existsSync('/usr/bin/script'))(
      'asks at a terminal for what the options left out, again until each answer is valid',
      async () => {
        const other = await emptyDatabase();
        try {
          const answers = [
            'Västra Nätverket',
            '',
            'Riverside',
            'riverside',
            'Lakeview',
            '',
            '',
            'not-an-email',
            'anna@example.org',
            '',
          ];
          // `script` gives the command a terminal, as a person running it would have.
          const run = await runCli(
            [],
            { DATABASE_URL: other.url },
            {
              command: ['/usr/bin/script', '-q', '-e', '-c', `${process.execPath} ${CLI}`, '/dev/null'],
              stdin: `${answers.join('\n')}\n`,
            },
          );
          expect(run.code).toBe(0);
          expect(run.stdout).toContain('Its address in URLs (slug) [vastra-natverket]');
          expect(run.stdout).toContain('must not list the same one twice');
          expect(run.stdout).toContain('must be a valid email address');
          expect(run.stdout).toContain(
            'Created the network "Västra Nätverket" (vastra-natverket) with 2 site(s): Riverside, Lakeview.',
          );
          expect(run.stdout).toMatch(/http:\/\/localhost:3000\/invite\/[\w-]{40,}/);
        } finally {
          await other.drop();
        }
      },
    );
  });

  describe('on the embedded database (no DATABASE_URL)', () => {
    let dataDir: string;
    let app: ServerProcess | null = null;

    beforeAll(async () => {
      dataDir = await mkdtemp(path.join(os.tmpdir(), 'commons-setup-cli-'));
    });
    afterAll(async () => {
      await app?.stop();
      await rm(dataDir, { recursive: true, force: true });
    });

    it('opens it in DATA_DIR, refuses while the app runs there, and its link works in the app', async () => {
      const created = await runCli(
        ['--network', 'Embedded Network', '--site', 'Riverside', '--admin-email', 'lena@example.org'],
        { DATA_DIR: dataDir },
      );
      // Its stderr may carry the embedded database's own warnings (file permissions when run as root).
      expect(created.code, created.stderr).toBe(0);
      const token = created.stdout.match(LINK)![2];

      // SEED_DEMO blank is automatic: the folder existed before this start, so no demo.
      app = await ServerProcess.start({ DATA_DIR: dataDir, SEED_DEMO: '' });
      const busy = await runCli(
        ['--network', 'Another', '--site', 'Harbour', '--admin-email', 'x@example.org', '--add-network'],
        { DATA_DIR: dataDir },
      );
      expect(busy.code).toBe(1);
      expect(busy.stderr).toContain(`Commons is running on the embedded database in ${dataDir}`);
      expect(busy.stderr).toContain('stop the app and run `npm run setup` again');
      expect(busy.stderr).toContain('first-run page');

      const visitor = new TestClient(app.url);
      await visitor.ok(REGISTER, {
        input: { token, email: 'lena@example.org', name: 'Lena Berg', password: 'a long admin password' },
      });
      const { me } = await visitor.ok(ME);
      expect(me.memberships.map((m: { role: string; network: { slug: string } }) => [m.role, m.network.slug])).toEqual([
        ['NETWORK_ADMIN', 'embedded-network'],
      ]);
      const { setupStatus } = await visitor.ok(`{ setupStatus { needed } }`);
      expect(setupStatus.needed).toBe(false);
      const demo = await new TestClient(app.url).signIn('admin@demo.commons.test', 'demo-password');
      expect(demo.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }, 180_000);
  });
});
