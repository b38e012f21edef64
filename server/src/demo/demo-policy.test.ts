import { describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/config/config';
import { demoExposureProblem, isLocalUrl, shouldSeedDemo } from './demo-policy';

describe('shouldSeedDemo', () => {
  const newcomer = { seedDemo: null, databaseConfigured: false, embeddedCreatedNow: true, publicUrl: null };

  it.each<[string, Partial<Parameters<typeof shouldSeedDemo>[0]>, boolean]>([
    ['the newcomer: npm start on a fresh embedded database', {}, true],
    ['the newcomer with PUBLIC_URL on localhost', { publicUrl: 'http://localhost:3000' }, true],
    ['the embedded database started before (its data kept)', { embeddedCreatedNow: false }, false],
    ['a configured DATABASE_URL', { databaseConfigured: true, embeddedCreatedNow: false }, false],
    ['a fresh embedded database behind a public PUBLIC_URL', { publicUrl: 'https://commons.example.org' }, false],
    [
      'SEED_DEMO=true with DATABASE_URL (the e2e run)',
      { seedDemo: true, databaseConfigured: true, embeddedCreatedNow: false },
      true,
    ],
    [
      'SEED_DEMO=true behind a public PUBLIC_URL (refused later unless allowed)',
      { seedDemo: true, publicUrl: 'https://demo.example.org' },
      true,
    ],
    ['SEED_DEMO=false on the newcomer path', { seedDemo: false }, false],
  ])('%s → %s', (_, facts, expected) => {
    expect(shouldSeedDemo({ ...newcomer, ...facts })).toBe(expected);
  });
});

describe('isLocalUrl', () => {
  it.each<[string | null, boolean]>([
    [null, true],
    ['http://localhost:3000', true],
    ['http://LOCALHOST', true],
    ['http://commons.localhost:8080', true],
    ['http://127.0.0.1:3000', true],
    ['http://127.1.2.3', true],
    ['http://[::1]:3000', true],
    ['https://commons.example.org', false],
    ['http://localhost.example.org', false],
    ['http://127.0.0.1.example.org', false],
    ['http://10.0.0.5:3000', false],
    ['http://0.0.0.0:3000', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(isLocalUrl(url)).toBe(expected);
  });
});

describe('demoExposureProblem', () => {
  const exposed = {
    demoAccounts: true,
    publicUrl: 'https://commons.example.org',
    allowDemoAccounts: false,
    seeding: false,
  };

  it('refuses the demo accounts at a public URL, saying exactly what to do', () => {
    const problem = demoExposureProblem(exposed)!;
    expect(problem).toContain('Refusing to start');
    expect(problem).toContain('https://commons.example.org');
    expect(problem).toContain('npm run setup');
    expect(problem).toContain('ALLOW_DEMO_ACCOUNTS=true');
    expect(problem).not.toContain('demo-password');
    expect(demoExposureProblem({ ...exposed, seeding: true })).toContain(
      'SEED_DEMO=true would create the demo network',
    );
  });

  it.each([
    ['no demo accounts', { demoAccounts: false }],
    ['a localhost URL', { publicUrl: 'http://localhost:3000' }],
    ['no PUBLIC_URL', { publicUrl: null }],
    ['ALLOW_DEMO_ACCOUNTS=true (a public demo site)', { allowDemoAccounts: true }],
  ])('lets the app start with %s', (_, facts) => {
    expect(demoExposureProblem({ ...exposed, ...facts })).toBeNull();
  });
});

describe('SEED_DEMO and ALLOW_DEMO_ACCOUNTS', () => {
  it('reads SEED_DEMO as true, false or unset (automatic)', () => {
    expect(loadConfig({}).seedDemo).toBeNull();
    expect(loadConfig({ SEED_DEMO: '' }).seedDemo).toBeNull();
    expect(loadConfig({ SEED_DEMO: 'true' }).seedDemo).toBe(true);
    expect(loadConfig({ SEED_DEMO: '0' }).seedDemo).toBe(false);
    expect(() => loadConfig({ SEED_DEMO: 'maybe' })).toThrow(/SEED_DEMO/);
    expect(loadConfig({}).allowDemoAccounts).toBe(false);
    expect(loadConfig({ ALLOW_DEMO_ACCOUNTS: 'yes' }).allowDemoAccounts).toBe(true);
  });
});
