import { PRODUCTION_SET_BY_OPERATOR } from './platform/production-default';
import { startServer } from './app';
import { loadConfig } from './platform/config/config';
import { createLogger, defaultLogFormat } from './platform/logging/logger';
import { StartupError } from './platform/startup-error';

async function main() {
  const config = loadConfig();
  const format = config.logFormat ?? defaultLogFormat(Boolean(process.stdout.isTTY), PRODUCTION_SET_BY_OPERATOR);
  const logger = createLogger(config.logLevel, undefined, format);
  const server = await startServer(config, logger);
  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down: draining requests');
    try {
      await server.close();
      logger.info('shut down cleanly');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
  if (error instanceof StartupError) console.error(`\nCommons could not start.\n${error.message}\n`);
  else console.error(error);
  process.exit(1);
});
