import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthOf } from '../measures/network-months';
import { errorOf, type GraphqlResponse } from '../test-support/graphql-client';
import { TestApp } from '../test-support/test-app';
import { SETUP_CODE_TTL_MS, SetupService } from './setup.service';

const STATUS = `{ setupStatus { needed } }`;
const COMPLETE = `mutation($input: CompleteSetupInput!) { completeSetup(input: $input) { networkSlug } }`;
const ME = `{ me { email name memberships { role site { id } network { slug name startedOn sites { slug name } } } } }`;

const PASSWORD = 'a long first-run password';

describe('the first-run page (setupStatus, completeSetup)', () => {
  let app: TestApp;
  let setup: SetupService;

  beforeAll(async () => {
    app = await TestApp.start();
    setup = app.server.app.get(SetupService);
  });
  afterAll(async () => {
    await app?.stop();
  });

  const newCode = async (now?: Date) => (await setup.issueSetupCode(now)).token;
  const inputWith = (token: string, overrides: Record<string, unknown> = {}) => ({
    token,
    networkName: 'Northern Lights IBD Network',
    networkSlug: 'northern-lights',
    startMonth: '2025-01',
    sites: ["Riverside Children's Hospital", 'Lakeview University Hospital'],
    adminName: 'Maya Lindqvist',
    adminEmail: 'Maya@Example.org',
    password: PASSWORD,
    ...overrides,
  });
  const submit = (input: Record<string, unknown>, client = app.client()) => client.gql(COMPLETE, { input });
  const counts = async () => ({
    networks: await app.prisma.network.count(),
    sites: await app.prisma.site.count(),
    users: await app.prisma.user.count(),
    memberships: await app.prisma.membership.count(),
  });
  const NOTHING = { networks: 0, sites: 0, users: 0, memberships: 0 };
  /** Back to a server without a network, as after a fresh start (setup codes stay as they are). */
  const removeEverything = async () => {
    await app.prisma.network.deleteMany();
    await app.prisma.user.deleteMany();
  };

  it('says setup is needed, to anyone, while no network exists', async () => {
    expect(await app.client().ok(STATUS)).toEqual({ setupStatus: { needed: true } });
  });

  it('made a setup code when the server started on the empty database', async () => {
    expect(await app.prisma.setupToken.count()).toBeGreaterThanOrEqual(1);
    const [stored] = await app.prisma.setupToken.findMany({ orderBy: { createdAt: 'asc' }, take: 1 });
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBeCloseTo(SETUP_CODE_TTL_MS, -4);
  });

  describe('refuses a bad field, naming it, and writes nothing', () => {
    it.each<[string, Record<string, unknown>, string]>([
      ['a missing network name', { networkName: ' ' }, 'input.networkName'],
      ['a slug with capitals and spaces', { networkSlug: 'Northern Lights' }, 'input.networkSlug'],
      ['a one-letter slug', { networkSlug: 'n' }, 'input.networkSlug'],
      ['a start month that is not a month', { startMonth: '2025-13' }, 'input.startMonth'],
      ['a start month in the future', { startMonth: '2999-01' }, 'input.startMonth'],
      ['a start month more than ten years ago', { startMonth: '1999-01' }, 'input.startMonth'],
      ['no site', { sites: [] }, 'input.sites'],
      ['a site without a name', { sites: ['Riverside', ' '] }, 'input.sites.1'],
      ['the same site twice', { sites: ['Riverside', 'riverside'] }, 'input.sites.1'],
      ['no admin name', { adminName: '' }, 'input.adminName'],
      ['an admin email that is not one', { adminEmail: 'maya' }, 'input.adminEmail'],
      ['a short password (the rules of registration)', { password: 'short' }, 'input.password'],
      ['a code too short to be one', { token: 'abc' }, 'input.token'],
    ])('%s', async (_, overrides, field) => {
      const result = await submit(inputWith(await newCode(), overrides));
      expect(errorOf(result)).toEqual({ code: 'BAD_USER_INPUT', field });
      expect(result.headers.get('set-cookie')).toBeNull();
      expect(await counts()).toEqual(NOTHING);
    });

    it('lists every problem of the input at once', async () => {
      const result = await submit(inputWith(await newCode(), { networkName: '', adminEmail: 'x', password: 'p' }));
      const issues = (result.errors?.[0].extensions?.issues as { field: string }[]).map((issue) => issue.field);
      expect(issues).toEqual(['input.networkName', 'input.adminEmail', 'input.password']);
    });

    it('answers malformed GraphQL variables with a 4xx, never a 500', async () => {
      const result = await app
        .client()
        .gql(COMPLETE, { input: { ...inputWith(await newCode()), sites: 'Riverside', extra: 1 } });
      expect(result.status).toBeGreaterThanOrEqual(400);
      expect(result.status).toBeLessThan(500);
      expect(errorOf(result).code).toBe('BAD_USER_INPUT');
    });
  });

  describe('refuses a code that is not a live one', () => {
    it('an unknown code', async () => {
      const result = await submit(inputWith('this-is-not-a-setup-code-at-all-0123456789'));
      expect(errorOf(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.token' });
      expect(result.errors?.[0].message).toBe('input.token is not a valid setup code');
      expect(await counts()).toEqual(NOTHING);
    });

    it('an expired code', async () => {
      const expired = await newCode(new Date(Date.now() - SETUP_CODE_TTL_MS - 60_000));
      const result = await submit(inputWith(expired));
      expect(errorOf(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.token' });
      expect(result.errors?.[0].message).toMatch(/expired: restart the server/);
      expect(await counts()).toEqual(NOTHING);
    });
  });

  it('refuses an email that has an account, writing nothing (one transaction)', async () => {
    // An account can outlive its network only when someone deletes the network by hand.
    await app.prisma.user.create({ data: { email: 'taken@example.org', name: 'Left behind', passwordHash: 'x' } });
    const result = await submit(inputWith(await newCode(), { adminEmail: 'taken@example.org' }));
    expect(errorOf(result)).toEqual({ code: 'CONFLICT', field: 'input.adminEmail' });
    expect(await counts()).toEqual({ ...NOTHING, users: 1 });
    await removeEverything();
  });

  describe('with a live code', () => {
    let token: string;
    const admin = () => app.client();
    let signedIn: ReturnType<typeof admin>;
    let result: GraphqlResponse;

    beforeAll(async () => {
      token = await newCode();
      signedIn = admin();
      result = await submit(inputWith(token, { networkName: '  Northern Lights IBD Network ' }), signedIn);
    });

    it('creates the network, its sites and its first admin, and signs her in', async () => {
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ completeSetup: { networkSlug: 'northern-lights' } });
      expect(result.headers.get('set-cookie')).toMatch(/^commons_session=[\w-]+;.*HttpOnly/i);
      const { me } = await signedIn.ok(ME);
      expect(me).toEqual({
        email: 'maya@example.org',
        name: 'Maya Lindqvist',
        memberships: [
          {
            role: 'NETWORK_ADMIN',
            site: null,
            network: {
              slug: 'northern-lights',
              name: 'Northern Lights IBD Network',
              startedOn: '2025-01-01',
              sites: [
                { slug: 'lakeview-university-hospital', name: 'Lakeview University Hospital' },
                { slug: 'riverside-childrens-hospital', name: "Riverside Children's Hospital" },
              ],
            },
          },
        ],
      });
    });

    it('stores the password like registration does: the admin signs in with it later', async () => {
      const later = app.client();
      expect((await later.signIn('maya@example.org', PASSWORD)).errors).toBeUndefined();
      expect((await app.client().signIn('maya@example.org', 'not the password')).errors?.[0].extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
    });

    it('uses the code up', async () => {
      const stored = await app.prisma.setupToken.findMany({ where: { usedAt: { not: null } } });
      expect(stored).toHaveLength(1);
    });

    it('says setup is no longer needed', async () => {
      expect(await app.client().ok(STATUS)).toEqual({ setupStatus: { needed: false } });
    });

    it('refuses any later setup with ALREADY_SET_UP, whatever the code', async () => {
      for (const code of [token, await newCode(), 'this-is-not-a-setup-code-at-all-0123456789']) {
        const again = await submit(
          inputWith(code, { networkSlug: 'another-network', adminEmail: 'someone@example.org' }),
        );
        expect(errorOf(again)).toEqual({ code: 'ALREADY_SET_UP', field: undefined });
      }
      expect(await app.prisma.network.count()).toBe(1);
    });

    it('never takes a used code again, even if the network were removed', async () => {
      await removeEverything();
      const reused = await submit(inputWith(token));
      expect(errorOf(reused)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.token' });
      expect(reused.errors?.[0].message).toBe('input.token is a setup code that was used already');
      expect(await counts()).toEqual(NOTHING);
    });
  });

  describe('two submissions at once', () => {
    it('with the codes of two server processes: exactly one wins, the other gets ALREADY_SET_UP', async () => {
      await removeEverything();
      const [first, second] = await Promise.all([newCode(), newCode()]);
      const results = await Promise.all([
        submit(inputWith(first, { networkSlug: 'first-network', adminEmail: 'first@example.org' })),
        submit(inputWith(second, { networkSlug: 'second-network', adminEmail: 'second@example.org' })),
      ]);
      const outcomes = results.map((r) => (r.errors ? errorOf(r).code : 'WON')).sort();
      expect(outcomes).toEqual(['ALREADY_SET_UP', 'WON']);
      expect(await counts()).toEqual({ networks: 1, sites: 2, users: 1, memberships: 1 });
    });

    it('with one code sent twice: exactly one wins', async () => {
      await removeEverything();
      const token = await newCode();
      const usedBefore = await app.prisma.setupToken.count({ where: { usedAt: { not: null } } });
      const results = await Promise.all([
        submit(inputWith(token)),
        submit(inputWith(token, { adminEmail: 'twin@example.org' })),
      ]);
      expect(results.map((r) => (r.errors ? errorOf(r).code : 'WON')).sort()).toEqual(['ALREADY_SET_UP', 'WON']);
      expect(await counts()).toEqual({ networks: 1, sites: 2, users: 1, memberships: 1 });
      expect(await app.prisma.setupToken.count({ where: { usedAt: { not: null } } })).toBe(usedBefore + 1);
    });
  });

  it('takes this month as the first month', async () => {
    await removeEverything();
    const thisMonth = monthOf(new Date());
    const result = await submit(inputWith(await newCode(), { startMonth: thisMonth }));
    expect(result.errors).toBeUndefined();
    const network = await app.prisma.network.findFirstOrThrow();
    expect(network.startedOn.toISOString().slice(0, 7)).toBe(thisMonth);
  });
});
