import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../platform/config/config';
import { MailLinks } from './mail-links';
import { MAIL_QUEUES, MailQueue } from './mail-queue';
import { MailService } from './mail.service';
import { NotificationMailService } from './notification-mail.service';
import { ReportRemindersService } from './report-reminders.service';

/**
 * Starts this process's part in sending email: started by `startServer` once it listens (never
 * by building the app alone, as `npm run schema` does), stopped before the app closes.
 */
@Injectable()
export class MailWorkers {
  private readonly logger = new Logger('Mail');

  constructor(
    private readonly queue: MailQueue,
    private readonly mail: MailService,
    private readonly links: MailLinks,
    private readonly notifications: NotificationMailService,
    private readonly reminders: ReportRemindersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The origin the app answers at, once it listens (links in emails when PUBLIC_URL is unset). */
  setOrigin(origin: string): void {
    this.links.setListeningOrigin(origin);
  }

  async start(): Promise<void> {
    if (!this.config.mailWorkers) {
      this.logger.log('mail: MAIL_WORKERS=false, this process sends no email (others do)');
      return;
    }
    await this.queue.start({
      [MAIL_QUEUES.send]: async (data) => this.mail.deliver(String(data.emailId)),
      [MAIL_QUEUES.sweep]: async () => this.mail.sweep(),
      [MAIL_QUEUES.immediate]: async () => void (await this.notifications.sendImmediate()),
      [MAIL_QUEUES.dailyDigest]: async () => void (await this.notifications.sendDigests('DAILY')),
      [MAIL_QUEUES.weeklyDigest]: async () => void (await this.notifications.sendDigests('WEEKLY')),
      [MAIL_QUEUES.reportReminders]: async () => void (await this.reminders.send()),
    });
    // What an earlier process left behind: abandoned sends, emails whose job was lost.
    await this.mail.sweep(0).catch((error: Error) => this.logger.warn(`mail sweep at start-up: ${error.message}`));
    this.logger.log(
      `mail: ${this.mail.delivers ? 'SMTP' : 'outbox (SMTP_URL unset: emails stay in the database, admins read them in the app)'}`,
    );
  }

  stop(): Promise<void> {
    return this.queue.stop();
  }
}
