import { Global, Module } from '@nestjs/common';
import { EmailRepository } from './email.repository';
import { MailLinks } from './mail-links';
import { MailLogResolver } from './mail-log.resolver';
import { MailLogService } from './mail-log.service';
import { MailQueue } from './mail-queue';
import { MailWorkers } from './mail-workers';
import { MailService } from './mail.service';
import { NotificationMailService } from './notification-mail.service';
import { ReportRemindersService } from './report-reminders.service';
import { UnsubscribeController } from './unsubscribe.controller';
import { UnsubscribeService } from './unsubscribe.service';

/** Email: the queue, the sender, what is sent (notifications, digests, reminders), unsubscribing, the admin log. */
@Global()
@Module({
  controllers: [UnsubscribeController],
  providers: [
    EmailRepository,
    MailLinks,
    MailQueue,
    MailService,
    NotificationMailService,
    ReportRemindersService,
    UnsubscribeService,
    MailLogService,
    MailLogResolver,
    MailWorkers,
  ],
  exports: [MailService, MailWorkers, NotificationMailService, ReportRemindersService],
})
export class MailModule {}
