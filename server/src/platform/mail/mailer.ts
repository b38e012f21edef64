import { Global, Logger, Module } from '@nestjs/common';
import nodemailer from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../config/config';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends mail. Without SMTP configured nothing is sent and callers show links in the app instead. */
export interface Mailer {
  readonly enabled: boolean;
  send(message: MailMessage): Promise<boolean>;
}

export const MAILER = Symbol('MAILER');

class SmtpMailer implements Mailer {
  readonly enabled = true;
  private readonly logger = new Logger('Mailer');
  private readonly transport;

  constructor(smtpUrl: string, private readonly from: string) {
    this.transport = nodemailer.createTransport(smtpUrl);
  }

  async send(message: MailMessage): Promise<boolean> {
    try {
      await this.transport.sendMail({ from: this.from, ...message });
      return true;
    } catch (error) {
      // A mail outage must not fail the invitation: the admin still gets the link to pass on.
      this.logger.warn(`could not send mail to ${message.to}: ${(error as Error).message}`);
      return false;
    }
  }
}

class DisabledMailer implements Mailer {
  readonly enabled = false;
  send(): Promise<boolean> {
    return Promise.resolve(false);
  }
}

@Global()
@Module({
  providers: [
    {
      provide: MAILER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): Mailer => (config.smtpUrl ? new SmtpMailer(config.smtpUrl, config.mailFrom) : new DisabledMailer()),
    },
  ],
  exports: [MAILER],
})
export class MailModule {}
