import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../platform/config/config';
import { readMigrations } from '../platform/database/migrator';
import { HealthRepository } from './health.repository';
import { Readiness } from './readiness';

@Controller()
export class HealthController {
  private expectedMigrations: Promise<string[]>;

  constructor(
    private readonly health: HealthRepository,
    private readonly readiness: Readiness,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.expectedMigrations = readMigrations(config.migrationsDir).then((list) => list.map((m) => m.name));
  }

  /** Liveness: the process is up and serving HTTP. */
  @Get('healthz')
  @HttpCode(200)
  live() {
    return { status: 'ok' };
  }

  /** Readiness: the database answers and has every committed migration; not while draining. */
  @Get('readyz')
  async ready(@Res({ passthrough: true }) res: Response) {
    if (this.readiness.isDraining) {
      res.status(503);
      return { status: 'draining' };
    }
    try {
      const applied = await this.health.appliedMigrations();
      const pending = (await this.expectedMigrations).filter((name) => !applied.has(name));
      if (pending.length > 0) {
        res.status(503);
        return { status: 'migrations pending', pending };
      }
      return { status: 'ready' };
    } catch {
      res.status(503);
      return { status: 'database unreachable' };
    }
  }
}
