import path from 'node:path';
import proxyaddr from 'proxy-addr';
import { z } from 'zod';
import { StartupError } from '../startup-error';

const REPO_ROOT = path.resolve(__dirname, '../../../..');

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => ['true', '1', 'yes'].includes(value));

const envSchema = z.object({
  NODE_ENV: z.enum(['production', 'development', 'test']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().default('.data'),
  DATABASE_URL: z.string().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  REDIS_URL: z.string().optional(),
  MEILI_HOST: z.string().optional(),
  MEILI_KEY: z.string().optional(),
  // Unset (or empty) means automatic, so the variable can be passed through blank.
  SEED_DEMO: z.preprocess((value) => (value === '' ? undefined : value), flag.optional()),
  ALLOW_DEMO_ACCOUNTS: flag.default(false),
  // Fractions are allowed (0.05 minutes is 3 seconds): tests run servers with tiny timeouts.
  SESSION_IDLE_MINUTES: z.coerce.number().positive().default(720),
  SESSION_MAX_DAYS: z.coerce.number().positive().default(30),
  INVITATION_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  SMTP_URL: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string()
      .refine(isSmtpUrl, {
        message: 'must be an smtp:// or smtps:// URL, e.g. smtps://user:password@smtp.example.org',
      })
      .optional(),
  ),
  MAIL_FROM: z
    .string()
    .refine((value) => MAIL_FROM_PATTERN.test(value.trim()), {
      message: 'must be an address, optionally with a name: Commons <no-reply@example.org>',
    })
    .default('Commons <no-reply@localhost>'),
  // How often an idle mail worker looks for work; how long a process holds an email it is sending.
  MAIL_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  MAIL_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(120),
  MAIL_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(4),
  // false: this process queues email but sends none and runs no schedules (others do).
  MAIL_WORKERS: flag.default(true),
  // A notification set to "immediately" waits this long, so one read in the app meanwhile is not emailed.
  NOTIFICATION_EMAIL_DELAY_MINUTES: z.coerce.number().min(0).max(1440).default(2),
  // UTC hour when daily digests, weekly digests (Mondays) and reporting reminders are sent.
  MAIL_DIGEST_HOUR_UTC: z.coerce.number().int().min(0).max(23).default(7),
  PASSWORD_RESET_TTL_MINUTES: z.coerce.number().int().min(5).max(1440).default(60),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.preprocess((value) => (value === '' ? undefined : value), z.enum(['json', 'pretty']).optional()),
  TRUST_PROXY: z.string().default('false').transform(parseTrustProxy),
  SIGNIN_MAX_PER_IP: z.coerce.number().int().min(1).default(30),
  SIGNIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  SIGNIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).default(10),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(10).default(5000),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).default(20),
  GRAPHQL_MAX_ROOT_FIELDS: z.coerce.number().int().min(1).default(10),
  GRAPHQL_MAX_FIELDS: z.coerce.number().int().min(10).default(500),
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).default(5000),
  GRAPHQL_MAX_RESPONSE_BYTES: z.coerce.number().int().min(1000).default(4_000_000),
  GRAPHQL_TIMEOUT_MS: z.coerce.number().int().min(1).default(10_000),
  WEB_DIR: z.string().optional(),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10000),
  MESSAGES_PER_WINDOW: z.coerce.number().int().min(1).default(20),
  MESSAGE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(10),
  MAX_SOCKETS_PER_MEMBER: z.coerce.number().int().min(1).default(20),
  ANSWERED_PAGES_PER_MINUTE: z.coerce.number().int().min(1).default(60),
});

const MAIL_FROM_PATTERN = /^([^<>]*<[^@\s<>]+@[^@\s<>]+>|[^@\s<>]+@[^@\s<>]+)$/;

function isSmtpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * Express's `trust proxy`, without "trust everyone": a number of proxy hops in front of the app
 * (0 = none, the client is the socket's peer), or the addresses/CIDRs of the proxies (names
 * `loopback`, `linklocal`, `uniquelocal` allowed, as in Express).
 */
export type TrustProxy = number | string[];

const TRUST_EVERYONE =
  "TRUST_PROXY=true would believe any client's X-Forwarded-For (and let it pick its own IP " +
  'for rate limits): set the number of proxies in front of the app (e.g. TRUST_PROXY=1 behind one nginx) ' +
  'or their addresses (e.g. TRUST_PROXY=10.0.0.0/8,172.16.0.0/12)';

function parseTrustProxy(raw: string, ctx: z.RefinementCtx): TrustProxy {
  const value = raw.trim().toLowerCase();
  if (['', 'false', 'no', 'off'].includes(value)) return 0;
  if (['true', 'yes', 'on'].includes(value)) {
    ctx.addIssue({ code: 'custom', message: TRUST_EVERYONE });
    return z.NEVER;
  }
  if (/^\d+$/.test(value)) return Number(value);
  const addresses = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  try {
    proxyaddr.compile(addresses);
  } catch (error) {
    ctx.addIssue({
      code: 'custom',
      message: `${(error as Error).message}; expected a hop count (e.g. 1) or proxy addresses/CIDRs separated by commas`,
    });
    return z.NEVER;
  }
  return addresses;
}

export interface AppConfig {
  nodeEnv: 'production' | 'development' | 'test';
  port: number;
  host: string;
  /** Origin the web app is reached at; invitation links and the CSRF origin check use it. */
  publicUrl: string | null;
  dataDir: string;
  databaseUrl: string | null;
  databasePoolSize: number;
  redisUrl: string | null;
  meiliHost: string | null;
  meiliKey: string | null;
  /** true or false when SEED_DEMO says so; null: seed only a fresh embedded database (see demo-policy.ts). */
  seedDemo: boolean | null;
  /** Lets the demo's published accounts run on a non-localhost PUBLIC_URL (a public demo site). */
  allowDemoAccounts: boolean;
  sessionIdleMs: number;
  sessionMaxMs: number;
  invitationTtlMs: number;
  smtpUrl: string | null;
  mailFrom: string;
  mailPollSeconds: number;
  mailLeaseMs: number;
  mailConcurrency: number;
  /** Whether this process sends queued email and runs the email schedules. */
  mailWorkers: boolean;
  notificationEmailDelayMs: number;
  mailDigestHourUtc: number;
  passwordResetTtlMs: number;
  logLevel: string;
  /** LOG_FORMAT when set; otherwise main.ts picks by where stdout goes. */
  logFormat: 'json' | 'pretty' | null;
  /** Which reverse proxies' X-Forwarded-* headers to believe (see `TrustProxy`). */
  trustProxy: TrustProxy;
  signInMaxPerIp: number;
  signInMaxFailuresPerAccount: number;
  signInWindowSeconds: number;
  graphqlMaxDepth: number;
  graphqlMaxCost: number;
  /** Aliased fields in one operation. */
  graphqlMaxAliases: number;
  /** Fields at the top of one operation (each a separate entry point). */
  graphqlMaxRootFields: number;
  /** Fields in one operation, with every fragment spread counted where it is spread. */
  graphqlMaxFields: number;
  /** Tokens in one document: beyond this it is not even parsed. */
  graphqlMaxTokens: number;
  /** An answer stops being produced past about this many bytes of JSON. */
  graphqlMaxResponseBytes: number;
  /** A query still running after this is abandoned. */
  graphqlTimeoutMs: number;
  webDir: string;
  migrationsDir: string;
  shutdownGraceMs: number;
  /** Messages a member may send per window (all her sockets and processes together). */
  messagesPerWindow: number;
  messageWindowSeconds: number;
  /** Live connections one member may hold open at once (all her tabs, devices and app processes together). */
  maxSocketsPerMember: number;
  /**
   * Pages a member gets per minute with their start-up answers and drawn by the server (all her
   * devices and processes together); past it, a page goes as the bare app, which asks for itself.
   */
  answeredPagesPerMinute: number;
}

/** Reads the configuration from environment variables (see README, "Configuration"). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new StartupError(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL ? new URL(e.PUBLIC_URL).origin : null,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL || null,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    redisUrl: e.REDIS_URL || null,
    meiliHost: e.MEILI_HOST || null,
    meiliKey: e.MEILI_KEY || null,
    seedDemo: e.SEED_DEMO ?? null,
    allowDemoAccounts: e.ALLOW_DEMO_ACCOUNTS,
    sessionIdleMs: Math.round(e.SESSION_IDLE_MINUTES * 60_000),
    sessionMaxMs: Math.round(e.SESSION_MAX_DAYS * 86_400_000),
    invitationTtlMs: e.INVITATION_TTL_DAYS * 86_400_000,
    smtpUrl: e.SMTP_URL || null,
    mailFrom: e.MAIL_FROM.trim(),
    mailPollSeconds: e.MAIL_POLL_SECONDS,
    mailLeaseMs: e.MAIL_LEASE_SECONDS * 1000,
    mailConcurrency: e.MAIL_CONCURRENCY,
    mailWorkers: e.MAIL_WORKERS,
    notificationEmailDelayMs: Math.round(e.NOTIFICATION_EMAIL_DELAY_MINUTES * 60_000),
    mailDigestHourUtc: e.MAIL_DIGEST_HOUR_UTC,
    passwordResetTtlMs: e.PASSWORD_RESET_TTL_MINUTES * 60_000,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT ?? null,
    trustProxy: e.TRUST_PROXY,
    signInMaxPerIp: e.SIGNIN_MAX_PER_IP,
    signInMaxFailuresPerAccount: e.SIGNIN_MAX_FAILURES_PER_ACCOUNT,
    signInWindowSeconds: e.SIGNIN_WINDOW_MINUTES * 60,
    graphqlMaxDepth: e.GRAPHQL_MAX_DEPTH,
    graphqlMaxCost: e.GRAPHQL_MAX_COST,
    graphqlMaxAliases: e.GRAPHQL_MAX_ALIASES,
    graphqlMaxRootFields: e.GRAPHQL_MAX_ROOT_FIELDS,
    graphqlMaxFields: e.GRAPHQL_MAX_FIELDS,
    graphqlMaxTokens: e.GRAPHQL_MAX_TOKENS,
    graphqlMaxResponseBytes: e.GRAPHQL_MAX_RESPONSE_BYTES,
    graphqlTimeoutMs: e.GRAPHQL_TIMEOUT_MS,
    webDir: e.WEB_DIR ? path.resolve(e.WEB_DIR) : path.join(REPO_ROOT, 'client', 'dist'),
    migrationsDir: path.join(REPO_ROOT, 'prisma', 'migrations'),
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    messagesPerWindow: e.MESSAGES_PER_WINDOW,
    messageWindowSeconds: e.MESSAGE_WINDOW_SECONDS,
    maxSocketsPerMember: e.MAX_SOCKETS_PER_MEMBER,
    answeredPagesPerMinute: e.ANSWERED_PAGES_PER_MINUTE,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
