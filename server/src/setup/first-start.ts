import type { INestApplication } from '@nestjs/common';
import type { Logger } from 'pino';
import { demoSignInsBanner } from '../demo/demo-banner';
import { demoExposureProblem, isLocalUrl, shouldSeedDemo } from '../demo/demo-policy';
import { demoAccountsPresent, seedDemoNetworkIfEmpty } from '../demo/seed-demo';
import type { AppConfig } from '../platform/config/config';
import { StartupError } from '../platform/startup-error';
import { PrismaService } from '../platform/database/prisma.service';
import { SetupService } from './setup.service';

/** The app will not start as configured (the demo's accounts would be exposed); the message says what to do instead. */
export class StartRefused extends StartupError {}

export interface FirstStart {
  /** Tells the person who started the server, once it listens at `url`, how to begin. */
  announce(url: string): void;
}

/**
 * What a start does before serving: seeds the demo when the policy says so (demo-policy.ts), refuses
 * to expose the demo's accounts beyond localhost, and, while no network exists, makes a one-time
 * setup code for the first-run page. Throws StartRefused when the app must not start.
 */
export async function prepareFirstStart(
  app: INestApplication,
  config: AppConfig,
  logger: Logger,
  facts: { embeddedCreatedNow: boolean },
): Promise<FirstStart> {
  const prisma = app.get(PrismaService);
  const setup = app.get(SetupService);
  const wantsDemo = shouldSeedDemo({
    seedDemo: config.seedDemo,
    databaseConfigured: config.databaseUrl !== null,
    embeddedCreatedNow: facts.embeddedCreatedNow,
    publicUrl: config.publicUrl,
  });
  const seeding = wantsDemo && (await setup.status()).needed;
  const problem = demoExposureProblem({
    demoAccounts: seeding || (await demoAccountsPresent(prisma)),
    publicUrl: config.publicUrl,
    allowDemoAccounts: config.allowDemoAccounts,
    seeding,
  });
  if (problem) throw new StartRefused(problem);
  if (seeding) await seedDemoNetworkIfEmpty(prisma, logger);

  const demoPresent = await demoAccountsPresent(prisma);
  const setupCode = (await setup.status()).needed ? await setup.issueSetupCode() : null;
  return {
    announce(url) {
      if (setupCode) {
        // The one secret the log ever holds: it works once, and only until a network exists.
        logger.warn(
          `No network is set up yet. To create one, open ${url}/setup?token=${setupCode.token} ` +
            `(a one-time link, valid until ${setupCode.expiresAt.toISOString()}), or stop the server and run \`npm run setup\`.`,
        );
      } else if (demoPresent && isLocalUrl(url) && config.logLevel !== 'silent') {
        process.stdout.write(demoSignInsBanner(url));
      }
    },
  };
}
