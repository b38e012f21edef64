import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import express from 'express';
import helmet from 'helmet';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger as NestPinoLogger } from 'nestjs-pino';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import { MailWorkers } from './mail/mail-workers';
import { Readiness } from './health/readiness';
import type { AppConfig } from './platform/config/config';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './platform/database/embedded-postgres';
import { migrate } from './platform/database/migrator';
import { originCheck } from './platform/http/origin-check';
import { proxyTrust } from './platform/http/proxy-trust';
import { StartupError } from './platform/startup-error';
import { RequestDrain } from './platform/http/request-drain';
import { RealtimeAdapter } from './platform/realtime/realtime-adapter';
import { REDIS, type RedisClient } from './platform/redis/redis.module';
import { createLogger, quietStartUp } from './platform/logging/logger';
import { prepareFirstStart } from './setup/first-start';
import { webApp } from './web/web-app';
import { type DrawPage, pageDrawing } from './web/page-drawing';
import { webAppOptions } from './web/web-app-options';

export interface RunningServer {
  app: INestApplication;
  url: string;
  databaseUrl: string;
  logger: Logger;
  /** Stops taking requests, lets those in flight finish (up to the grace period), closes connections. */
  close(): Promise<void>;
}

const BODY_LIMIT = '1mb';

/** Starts the whole platform: database (embedded when unconfigured), migrations, seed, HTTP. */
export async function startServer(
  config: AppConfig,
  logger: Logger = createLogger(config.logLevel),
): Promise<RunningServer> {
  const started = Date.now();
  let embedded: EmbeddedPostgres | null = null;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    logger.info({ dataDir: config.dataDir }, 'DATABASE_URL is unset: using the embedded PostgreSQL');
    embedded = await startEmbeddedPostgres(config.dataDir, logger);
    databaseUrl = embedded.url;
  }
  try {
    const { applied, unknown } = await migrate(databaseUrl, config.migrationsDir);
    logger.info({ applied }, applied.length ? `applied ${applied.length} migration(s)` : 'database schema is current');
    if (unknown.length)
      logger.warn(
        { unknown },
        'the database has migrations this version does not know: a newer version of Commons has run on it',
      );

    const app = await NestFactory.create(AppModule.register(config, databaseUrl, logger), {
      bodyParser: false,
      bufferLogs: true,
    });
    app.useLogger(quietStartUp(app.get(NestPinoLogger)));
    const drain = new RequestDrain();
    const drawPage = await pageDrawing(config.webDir, (error) =>
      logger.warn({ err: error }, 'a page could not be drawn on the server; it went to be drawn by the app'),
    );
    configureHttp(app, config, drain, drawPage);
    app.useWebSocketAdapter(new RealtimeAdapter(app, app.get<RedisClient | null>(REDIS)));

    const firstStart = await prepareFirstStart(app, config, logger, {
      embeddedCreatedNow: embedded?.created ?? false,
    }).catch(async (error) => {
      await app.close();
      throw error;
    });

    // Email workers start before the app answers, so what a previous process left is dealt with first.
    const mailWorkers = app.get(MailWorkers);
    await mailWorkers.start().catch(async (error) => {
      await app.close();
      throw error;
    });

    await app.listen(config.port, config.host).catch(async (error: NodeJS.ErrnoException) => {
      await mailWorkers.stop();
      await app.close();
      if (error.code !== 'EADDRINUSE') throw error;
      throw new StartupError(
        `Port ${config.port} is already in use (by another Commons, or another program). Stop it, or choose another port: PORT=${config.port + 1} npm start`,
      );
    });
    const server = app.getHttpServer() as Server;
    const { port } = server.address() as AddressInfo;
    const url = config.publicUrl ?? `http://localhost:${port}`;
    if (config.nodeEnv === 'production' && !config.publicUrl) {
      logger.warn('PUBLIC_URL is unset: invitation links and the origin check use the Host header of each request');
    }
    mailWorkers.setOrigin(url);
    logger.info(
      { port, url, redis: Boolean(config.redisUrl), startupMs: Date.now() - started },
      `Commons is ready at ${url}`,
    );
    firstStart.announce(url);

    let closing: Promise<void> | null = null;
    const close = () =>
      (closing ??= (async () => {
        const force = setTimeout(() => server.closeAllConnections(), config.shutdownGraceMs).unref();
        app.get(Readiness).startDraining();
        await drain.settle(config.shutdownGraceMs);
        server.close();
        await mailWorkers.stop();
        await app.close();
        clearTimeout(force);
        await embedded?.stop();
      })());
    return { app, url, databaseUrl, logger, close };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

function configureHttp(app: INestApplication, config: AppConfig, drain: RequestDrain, drawPage: DrawPage | null) {
  const http = app.getHttpAdapter().getInstance() as express.Express;
  app.use(drain.middleware);
  http.disable('x-powered-by');
  http.set('trust proxy', proxyTrust(config.trustProxy));
  const https = config.publicUrl?.startsWith('https:') ?? false;
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'script-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          'connect-src': ["'self'"],
          'upgrade-insecure-requests': https ? [] : null,
        },
      },
      strictTransportSecurity: https,
    }),
  );
  app.use(cookieParser());
  app.use('/graphql', originCheck(config.publicUrl));
  // GraphQL answers are JSON, compressed above 1 KB. Only here: socket.io, file downloads and the
  // precompressed web app stay as they are.
  app.use('/graphql', compression({ threshold: 1024 }));
  app.use(express.json({ limit: BODY_LIMIT }));
  app.use(express.urlencoded({ extended: false, limit: BODY_LIMIT }));
  app.use(webApp(config.webDir, { ...webAppOptions(app, config), drawPage: drawPage ?? undefined }));
}
