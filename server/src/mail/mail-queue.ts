import { Inject, Injectable, Logger } from '@nestjs/common';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { APP_CONFIG, type AppConfig } from '../platform/config/config';
import { DATABASE_URL } from '../platform/database/database.tokens';

/** The queues email uses. Cron schedules are kept by pg-boss, which runs each slot once across processes. */
export const MAIL_QUEUES = {
  send: 'mail-deliver',
  sweep: 'mail-sweep',
  immediate: 'mail-notifications-immediate',
  dailyDigest: 'mail-digest-daily',
  weeklyDigest: 'mail-digest-weekly',
  reportReminders: 'mail-report-reminders',
} as const;
export type MailQueueName = (typeof MAIL_QUEUES)[keyof typeof MAIL_QUEUES];

/** Five tries of a send: 30 s, then doubling (pg-boss's backoff), before the email is given up as FAILED. */
export const SEND_RETRY_LIMIT = 4;

/** An arbitrary, fixed advisory lock key for creating the queues. */
const QUEUE_SETUP_LOCK = 7_240_512_001;

export type JobHandler = (data: Record<string, unknown>) => Promise<void>;

/**
 * The job queue: pg-boss on the app's own PostgreSQL (schema `pgboss`), so it needs nothing more
 * to run, survives restarts and is shared by every app process (jobs are fetched with SKIP LOCKED).
 */
@Injectable()
export class MailQueue {
  private readonly logger = new Logger('MailQueue');
  private boss: PgBoss | null = null;

  constructor(
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get started(): boolean {
    return this.boss !== null;
  }

  /** Starts pg-boss, creates the queues, sets the schedules and starts a worker per handler. */
  async start(handlers: Record<MailQueueName, JobHandler>): Promise<void> {
    const boss = new PgBoss({
      connectionString: this.databaseUrl,
      max: Math.min(4, this.config.mailConcurrency + 2),
      schema: 'pgboss',
      application_name: 'commons-mail',
    });
    boss.on('error', (error) => this.logger.warn(`queue: ${error.message}`));
    await boss.start();
    // Processes starting together on a fresh database would deadlock creating the same queues'
    // tables: one creates them at a time.
    await this.exclusively(async () => {
      for (const name of Object.values(MAIL_QUEUES)) {
        if (await boss.getQueue(name)) continue;
        if (name === MAIL_QUEUES.send) {
          // 'short': one waiting job per email (its id is the singleton key), however often it is requeued.
          await boss.createQueue(name, {
            name,
            policy: 'short',
            retryLimit: SEND_RETRY_LIMIT,
            retryDelay: 30,
            retryBackoff: true,
            expireInSeconds: 15 * 60,
          });
        } else {
          await boss.createQueue(name, {
            name,
            retryLimit: 2,
            retryDelay: 60,
            retryBackoff: true,
            expireInSeconds: 60 * 60,
          });
        }
      }
    });
    const hour = this.config.mailDigestHourUtc;
    await boss.schedule(MAIL_QUEUES.sweep, '* * * * *', {}, { tz: 'UTC' });
    await boss.schedule(MAIL_QUEUES.immediate, '* * * * *', {}, { tz: 'UTC' });
    await boss.schedule(MAIL_QUEUES.dailyDigest, `0 ${hour} * * *`, {}, { tz: 'UTC' });
    await boss.schedule(MAIL_QUEUES.weeklyDigest, `0 ${hour} * * 1`, {}, { tz: 'UTC' });
    await boss.schedule(MAIL_QUEUES.reportReminders, `0 ${hour} * * *`, {}, { tz: 'UTC' });
    for (const [name, handler] of Object.entries(handlers)) {
      if (name !== MAIL_QUEUES.send) {
        await boss.work<Record<string, unknown>>(
          name,
          { pollingIntervalSeconds: this.config.mailPollSeconds, batchSize: 1 },
          async ([job]) => handler(job.data ?? {}),
        );
      }
    }
    await this.workSends(boss, handlers[MAIL_QUEUES.send]);
    this.boss = boss;
  }

  /** Runs `work` holding a PostgreSQL advisory lock of the mail queue (across every app process). */
  private async exclusively(work: () => Promise<void>): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    await client.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [QUEUE_SETUP_LOCK]);
      await work();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [QUEUE_SETUP_LOCK]).catch(() => undefined);
      await client.end();
    }
  }

  /**
   * Sends in batches: a worker takes up to 10 × MAIL_CONCURRENCY jobs at once and sends
   * MAIL_CONCURRENCY at a time; a failed send fails its own job only (pg-boss retries it with
   * backoff), and a full batch fetches the next at once rather than after the poll interval.
   */
  private async workSends(boss: PgBoss, handler: JobHandler): Promise<void> {
    const batchSize = this.config.mailConcurrency * 10;
    let workerId = '';
    workerId = await boss.work<Record<string, unknown>>(
      MAIL_QUEUES.send,
      { pollingIntervalSeconds: this.config.mailPollSeconds, batchSize },
      async (jobs) => {
        let next = 0;
        const lane = async () => {
          while (next < jobs.length) {
            const job = jobs[next++];
            try {
              await handler(job.data ?? {});
            } catch (error) {
              await boss.fail(MAIL_QUEUES.send, job.id, { message: (error as Error).message });
            }
          }
        };
        await Promise.all(Array.from({ length: Math.min(this.config.mailConcurrency, jobs.length) }, lane));
        if (jobs.length === batchSize) boss.notifyWorker(workerId);
      },
    );
  }

  /** Jobs to send these emails (their rows are committed already). Before start, the sweep picks them up. */
  async send(emailIds: string[]): Promise<void> {
    if (!this.boss || emailIds.length === 0) return;
    for (let i = 0; i < emailIds.length; i += 1000) {
      await this.boss.insert(
        emailIds.slice(i, i + 1000).map((emailId) => ({
          name: MAIL_QUEUES.send,
          data: { emailId },
          singletonKey: emailId,
          retryLimit: SEND_RETRY_LIMIT,
          retryDelay: 30,
          retryBackoff: true,
        })),
      );
    }
  }

  /** Runs a scheduled job now (admins, tests), through the queue like its schedule would. */
  async runNow(name: MailQueueName, data: Record<string, unknown> = {}): Promise<void> {
    await this.boss?.send(name, data);
  }

  async stop(): Promise<void> {
    const boss = this.boss;
    this.boss = null;
    await boss?.stop({
      graceful: true,
      wait: true,
      timeout: Math.max(1000, Math.min(this.config.shutdownGraceMs, 10_000)),
    });
  }
}
