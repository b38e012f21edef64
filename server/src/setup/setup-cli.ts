import { createInterface, type Interface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import pino from 'pino';
import {
  fieldIssues,
  issueMessage,
  type SetupCommandInput,
  setupCommandSchema,
  slugify,
  startMonthIssue,
} from '@commons/shared';
import { monthOf } from '../measures/network-months';
import { type AppConfig, loadConfig } from '../platform/config/config';
import {
  EmbeddedInUseError,
  type EmbeddedPostgres,
  startEmbeddedPostgres,
} from '../platform/database/embedded-postgres';
import { migrate } from '../platform/database/migrator';
import { PrismaService } from '../platform/database/prisma.service';
import { createNetworkWithAdminInvitation, SetupCommandError } from './setup-command';

const USAGE = `Usage: npm run setup -- [options]

Creates a network, its sites and a one-time sign-up link for its first network admin.
Options missing from the command line are asked for when run in a terminal.

  --network NAME        the network's name
  --slug SLUG           its address in URLs (default: made from the name)
  --site NAME           a site of the network; repeat for each site
  --start-month YYYY-MM the network's first month for measures (default: this month)
  --admin-email EMAIL   the first network admin's email address
  --public-url URL      where members reach Commons (default: PUBLIC_URL, or http://localhost:PORT)
  --add-network         create another network on a database that has one already
  --help                show this text

The database is DATABASE_URL, or the embedded one in DATA_DIR (stop the app first).`;

/** The command-line option that carries each field, for messages that say which one to change. */
const FLAG_OF: Record<keyof SetupCommandInput, string> = {
  networkName: '--network',
  networkSlug: '--slug',
  sites: '--site',
  startMonth: '--start-month',
  adminEmail: '--admin-email',
  publicUrl: '--public-url',
};

const ordinal = (n: number) =>
  `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`;

/** "--site (2nd)" for the issue path `sites.1`, "--network" for `networkName`. */
function flagOf(path: string): string {
  const [field, index] = path.split('.');
  const flag = FLAG_OF[field as keyof SetupCommandInput] ?? `--${field}`;
  return index === undefined ? flag : `${flag} (${ordinal(Number(index) + 1)})`;
}

interface Io {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

type Draft = { [K in keyof SetupCommandInput]?: SetupCommandInput[K] extends string[] ? string[] : string };

/** Reads the options; null (after printing why) when they cannot be read. */
function readOptions(argv: string[], io: Io): { draft: Draft; addNetwork: boolean; help: boolean } | null {
  try {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        network: { type: 'string' },
        slug: { type: 'string' },
        site: { type: 'string', multiple: true },
        'start-month': { type: 'string' },
        'admin-email': { type: 'string' },
        'public-url': { type: 'string' },
        'add-network': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    const draft: Draft = {
      networkName: values.network,
      networkSlug: values.slug,
      sites: values.site,
      startMonth: values['start-month'],
      adminEmail: values['admin-email'],
      publicUrl: values['public-url'],
    };
    return { draft, addNetwork: values['add-network'] ?? false, help: values.help ?? false };
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return null;
  }
}

/** The person at the terminal closed the input (Ctrl-D) or interrupted (Ctrl-C). */
class Cancelled extends Error {}

/** Questions at a terminal; answers typed ahead (or pasted) are kept for the questions that follow. */
class Prompter {
  private readonly rl: Interface;
  private readonly lines: AsyncIterator<string>;

  constructor(private readonly io: Io) {
    this.rl = createInterface({ input: io.stdin, output: io.stdout });
    this.rl.on('SIGINT', () => this.rl.close());
    this.lines = this.rl[Symbol.asyncIterator]();
  }

  async line(question: string): Promise<string> {
    this.rl.setPrompt(question);
    this.rl.prompt();
    const next = await this.lines.next();
    if (next.done) throw new Cancelled();
    return next.value.trim();
  }

  /** Asks for one field until the answer is valid; an empty answer takes `fallback` when there is one. */
  async field(field: Exclude<keyof SetupCommandInput, 'sites'>, question: string, fallback?: string): Promise<string> {
    for (;;) {
      const answer = (await this.line(fallback ? `${question} [${fallback}]: ` : `${question}: `)) || fallback || '';
      const checked = setupCommandSchema.shape[field].safeParse(answer);
      if (checked.success) return answer;
      this.io.stdout.write(`  ${fieldIssues(checked.error)[0].message}\n`);
    }
  }

  async sites(): Promise<string[]> {
    this.io.stdout.write('Sites of the network, one per line; an empty line when done.\n');
    const sites: string[] = [];
    for (;;) {
      const answer = await this.line(`  Site ${sites.length + 1}: `);
      if (!answer) {
        if (sites.length > 0) return sites;
        this.io.stdout.write('  A network needs at least one site.\n');
        continue;
      }
      const checked = setupCommandSchema.shape.sites.safeParse([...sites, answer]);
      if (checked.success) sites.push(answer);
      else this.io.stdout.write(`  ${fieldIssues(checked.error)[0].message}\n`);
    }
  }

  close() {
    this.rl.close();
  }
}

/** Fills what the options left out: by asking in a terminal, otherwise with the defaults there are. */
async function complete(draft: Draft, config: AppConfig, io: Io): Promise<Draft> {
  const defaults = {
    startMonth: monthOf(new Date()) as string,
    publicUrl: config.publicUrl ?? `http://localhost:${config.port}`,
  };
  if (!io.stdin.isTTY) {
    return {
      ...draft,
      networkSlug: draft.networkSlug ?? (draft.networkName ? slugify(draft.networkName) : undefined),
      startMonth: draft.startMonth ?? defaults.startMonth,
      publicUrl: draft.publicUrl ?? defaults.publicUrl,
    };
  }
  const ask = new Prompter(io);
  try {
    const networkName = draft.networkName ?? (await ask.field('networkName', 'Name of the network'));
    const networkSlug =
      draft.networkSlug ??
      (await ask.field('networkSlug', 'Its address in URLs (slug)', slugify(networkName) || undefined));
    const sites = draft.sites ?? (await ask.sites());
    const startMonth =
      draft.startMonth ?? (await ask.field('startMonth', 'First month for measures (YYYY-MM)', defaults.startMonth));
    const adminEmail = draft.adminEmail ?? (await ask.field('adminEmail', 'Email address of the first network admin'));
    const publicUrl =
      draft.publicUrl ?? (await ask.field('publicUrl', 'Where members reach Commons', defaults.publicUrl));
    return { networkName, networkSlug, sites, startMonth, adminEmail, publicUrl };
  } finally {
    ask.close();
  }
}

/** Every problem with the input, each naming its option; empty when it is valid. */
function problemsOf(draft: Draft): { input: SetupCommandInput | null; problems: string[] } {
  const missing = (['networkName', 'sites', 'adminEmail'] as const).filter((field) => draft[field] === undefined);
  if (missing.length) {
    return {
      input: null,
      problems: missing.map(
        (field) => `${FLAG_OF[field]} is required${field === 'sites' ? ' (repeat it for each site)' : ''}`,
      ),
    };
  }
  const parsed = setupCommandSchema.safeParse(draft);
  if (!parsed.success)
    return {
      input: null,
      problems: fieldIssues(parsed.error).map((issue) => `${flagOf(issue.field)}: ${issue.message}`),
    };
  const startIssue = startMonthIssue(parsed.data.startMonth, monthOf(new Date()));
  if (startIssue)
    return { input: null, problems: [`${FLAG_OF.startMonth}: ${issueMessage(startIssue.code, startIssue.params)}`] };
  return { input: parsed.data, problems: [] };
}

async function openDatabase(config: AppConfig): Promise<{ url: string; embedded: EmbeddedPostgres | null }> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: null };
  // The embedded database's own messages (creating or converting it) go to stderr, warnings only.
  const logger = pino({ level: 'warn' }, pino.destination(2));
  try {
    const embedded = await startEmbeddedPostgres(config.dataDir, logger);
    return { url: embedded.url, embedded };
  } catch (error) {
    if (!(error instanceof EmbeddedInUseError)) throw error;
    throw new SetupCommandError(
      [
        `Commons is running on the embedded database in ${config.dataDir} (DATA_DIR).`,
        'Either stop the app and run `npm run setup` again, or, while no network exists, open the first-run page:',
        "its one-time link (…/setup?token=…) is in the app's log.",
      ].join('\n'),
    );
  }
}

/** `npm run setup`; resolves with the exit code (0 done, 1 refused or failed, 2 wrong usage). */
export async function runSetupCli(argv: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const options = readOptions(argv, io);
  if (!options) return 2;
  if (options.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let config: AppConfig;
  try {
    config = loadConfig(env);
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  let draft: Draft;
  try {
    draft = await complete(options.draft, config, io);
  } catch (error) {
    if (!(error instanceof Cancelled)) throw error;
    io.stderr.write('\nCancelled: nothing was created.\n');
    return 130;
  }
  const { input, problems } = problemsOf(draft);
  if (!input) {
    io.stderr.write(`${problems.join('\n')}\n\nRun with --help for the options.\n`);
    return 2;
  }

  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase(config);
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
  const prisma = new PrismaService(database.url, { ...config, databasePoolSize: 2 });
  try {
    const { applied } = await migrate(database.url, config.migrationsDir);
    if (applied.length) io.stdout.write(`Applied ${applied.length} database migration(s).\n`);
    const created = await createNetworkWithAdminInvitation(prisma, input, {
      addNetwork: options.addNetwork,
      invitationTtlMs: config.invitationTtlMs,
    });
    io.stdout.write(
      [
        `Created the network "${input.networkName}" (${created.slug}) with ${input.sites.length} site(s): ${input.sites.join(', ')}.`,
        '',
        `The first network admin, ${input.adminEmail}, signs up with this one-time link:`,
        '',
        `  ${created.link}`,
        '',
        `It works once, until ${created.expiresAt.toUTCString()}. Open it in a browser to choose a name and a password;`,
        'share it with no one else. Start the app (npm start) if it is not running.',
        '',
      ].join('\n'),
    );
    return 0;
  } catch (error) {
    if (error instanceof SetupCommandError) {
      io.stderr.write(`${error.message}\n`);
      return error.flag ? 2 : 1;
    }
    throw error;
  } finally {
    await prisma.onModuleDestroy();
    await database.embedded?.stop();
  }
}

if (require.main === module) {
  runSetupCli(process.argv.slice(2), process.env, {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
  }).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
