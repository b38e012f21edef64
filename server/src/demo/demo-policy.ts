import { DEMO_EMAIL_DOMAIN } from './demo-people';

export interface SeedDemoFacts {
  /** SEED_DEMO: true or false when set, null when unset (automatic). */
  seedDemo: boolean | null;
  /** DATABASE_URL is set: the database belongs to an operator, never to the newcomer's first try. */
  databaseConfigured: boolean;
  /** The embedded database was initialised by this very start (an empty data folder). */
  embeddedCreatedNow: boolean;
  /** PUBLIC_URL, or null when unset. */
  publicUrl: string | null;
}

/**
 * Whether to seed the demo network (when the database has no network yet). SEED_DEMO decides when
 * set; unset, only the newcomer's `npm start` seeds: the embedded database, created by this start,
 * reached on localhost. A configured DATABASE_URL or a PUBLIC_URL that is not localhost is a real
 * deployment, which starts empty (and would refuse to run with the demo's published accounts).
 */
export function shouldSeedDemo(facts: SeedDemoFacts): boolean {
  if (facts.seedDemo !== null) return facts.seedDemo;
  return !facts.databaseConfigured && facts.embeddedCreatedNow && isLocalUrl(facts.publicUrl);
}

/** True for a URL on this machine only (localhost, *.localhost, 127.0.0.0/8, ::1), and for none (the app's own localhost). */
export function isLocalUrl(url: string | null): boolean {
  if (url === null) return true;
  let hostname: string;
  try {
    hostname = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    /^127(\.\d{1,3}){3}$/.test(hostname) ||
    hostname === '[::1]'
  );
}

export interface DemoExposureFacts {
  /** The demo accounts are in the database, or are about to be seeded. */
  demoAccounts: boolean;
  publicUrl: string | null;
  /** ALLOW_DEMO_ACCOUNTS=true: a public demo site on purpose. */
  allowDemoAccounts: boolean;
  /** The demo accounts would be created by this start (SEED_DEMO) rather than found. */
  seeding: boolean;
}

/**
 * Why the app must not start, or null: the demo's accounts, whose password is published, would be
 * reachable at a PUBLIC_URL that is not localhost. The message says what to do instead.
 */
export function demoExposureProblem(facts: DemoExposureFacts): string | null {
  if (!facts.demoAccounts || facts.allowDemoAccounts || isLocalUrl(facts.publicUrl)) return null;
  const accounts = `the demo network, whose accounts (@${DEMO_EMAIL_DOMAIN}) share a published password`;
  const exposed = `PUBLIC_URL (${facts.publicUrl}) is not a localhost address: anyone could sign in as its network admin.`;
  const lines = facts.seeding
    ? [
        `Refusing to start: SEED_DEMO=true would create ${accounts}, and ${exposed}`,
        'To run a real network, unset SEED_DEMO (or set SEED_DEMO=false), start again, and create your network with',
        '`npm run setup` or the first-run page the log then links to.',
      ]
    : [
        `Refusing to start: this database holds ${accounts}, and ${exposed}`,
        'To run a real network, start on an empty database (DATABASE_URL pointing at a new database, or DATA_DIR at an empty',
        'folder) with SEED_DEMO unset, and create your network with `npm run setup` or the first-run page the log then links to.',
      ];
  return [...lines, 'To run a public demo site on purpose, set ALLOW_DEMO_ACCOUNTS=true.'].join('\n');
}
