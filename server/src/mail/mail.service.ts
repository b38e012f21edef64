import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Locale } from '@commons/shared';
import { hashToken, newSessionToken } from '../platform/auth/session-token';
import type { EmailKind } from '../generated/prisma/client';
import type { Db } from '../platform/database/db';
import { APP_CONFIG, type AppConfig } from '../platform/config/config';
import { afterCommit } from '../platform/database/after-commit';
import { PrismaService } from '../platform/database/prisma.service';
import { EmailRepository, type NewEmailRow } from './email.repository';
import { MailLinks } from './mail-links';
import { MailQueue, SEND_RETRY_LIMIT } from './mail-queue';
import { type MailTransport, OutboxTransport, SmtpTransport } from './mail-transport';
import type { RenderedEmail } from './templates/layout';

/** An email to queue. `render` receives the unsubscribe URL when `unsubscribeScope` is set. */
export interface OutgoingEmail {
  kind: EmailKind;
  /** Queueing the same key twice queues one email: what makes digests, reminders and notices idempotent. */
  dedupeKey: string;
  to: string;
  userId?: string | null;
  networkId?: string | null;
  locale: Locale;
  /** What the one-click unsubscribe turns off; none for account and security emails. */
  unsubscribeScope?: string | null;
  render(links: { unsubscribeUrl: string | null }): RenderedEmail;
}

/** The domain of MAIL_FROM, for Message-IDs. */
function senderDomain(mailFrom: string): string {
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom;
  return address.split('@')[1]?.trim() || 'localhost';
}

/**
 * Email: queued as rows (in the caller's transaction, rendered then), sent by the queue's
 * workers, through SMTP or into the outbox.
 *
 * Exactly once, as far as SMTP allows: a send first claims its row (QUEUED → SENDING, with a
 * lease) in one statement, so two processes or two jobs never both send it. A process that dies
 * after claiming leaves the row SENDING: whether the SMTP server took it cannot be known, and it
 * is NOT sent again once the lease runs out (it becomes FAILED, saying so). We chose at most
 * once over at least once: a duplicate password-reset or digest is worse for trust than a rare
 * lost one, which the admin log shows and the member can ask for again. A crash before the claim
 * (queued, not yet taken) loses nothing: the job is in PostgreSQL and runs after the restart.
 * Every attempt keeps the same Message-ID, so a receiver can also recognise a repeat.
 */
@Injectable()
export class MailService {
  private readonly logger = new Logger('Mail');
  readonly transport: MailTransport;
  private readonly domain: string;

  constructor(
    private readonly emails: EmailRepository,
    private readonly jobs: MailQueue,
    private readonly prisma: PrismaService,
    readonly links: MailLinks,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.transport = config.smtpUrl
      ? new SmtpTransport(config.smtpUrl, config.mailFrom, config.mailLeaseMs)
      : new OutboxTransport();
    this.domain = senderDomain(config.mailFrom);
  }

  /** Whether emails leave the server (SMTP configured), rather than stay in the outbox. */
  get delivers(): boolean {
    return this.transport.kind === 'smtp';
  }

  /** Rows for `emails`, without writing them (the bench and batch senders insert many at once). */
  build(emails: OutgoingEmail[]): NewEmailRow[] {
    return emails.map((email) => {
      const id = randomUUID();
      // The header's URL takes the one-click POST (RFC 8058); the link in the text opens a page that confirms.
      let unsubscribeUrl: string | null = null;
      let unsubscribePage: string | null = null;
      let unsubscribeTokenHash: string | null = null;
      if (email.unsubscribeScope) {
        const { token, tokenHash } = newSessionToken();
        unsubscribeUrl = this.links.url(`/mail/unsubscribe/${token}`);
        unsubscribePage = this.links.url(`/unsubscribe/${token}`);
        unsubscribeTokenHash = tokenHash;
      }
      const content = email.render({ unsubscribeUrl: unsubscribePage });
      return {
        id,
        kind: email.kind,
        dedupeKey: email.dedupeKey,
        messageId: `<${id}@${this.domain}>`,
        networkId: email.networkId ?? null,
        userId: email.userId ?? null,
        toAddress: email.to,
        locale: email.locale,
        subject: content.subject,
        text: content.text,
        html: content.html,
        unsubscribeTokenHash,
        unsubscribeUrl,
        unsubscribeScope: email.unsubscribeScope ?? null,
      };
    });
  }

  /**
   * Queues `emails` through `db` (in the caller's transaction when it has one; null: at once);
   * their sending is started once it commits. Returns the ids queued (a dedupeKey already queued is skipped).
   */
  async queue(db: Db | null, emails: OutgoingEmail[]): Promise<string[]> {
    db ??= this.prisma;
    const ids = await this.emails.insert(db, this.build(emails));
    if (ids.length) afterCommit(db, () => this.jobs.send(ids));
    return ids;
  }

  /** Sends one queued email, if this process wins its claim (see the class comment). */
  async deliver(emailId: string): Promise<void> {
    const email = await this.emails.claim(emailId, this.config.mailLeaseMs);
    if (!email) return;
    const result = await this.transport.deliver(email);
    if (result.ok) {
      await this.emails.markSent(email, result.response);
      return;
    }
    if (result.permanent) {
      await this.emails.markFinal(email.id, 'BOUNCED', result.error);
    } else if (email.attempts > SEND_RETRY_LIMIT) {
      await this.emails.markFinal(email.id, 'FAILED', result.error);
    } else {
      await this.emails.markRetry(email.id, result.error);
      // Failing the job makes pg-boss try again later, with backoff.
      throw new Error(`email ${email.id} not sent yet: ${result.error}`);
    }
    this.logger.warn(
      `email ${email.id} to ${email.toAddress} ${result.permanent ? 'bounced' : 'failed'}: ${result.error}`,
    );
  }

  /**
   * Housekeeping, every minute and at start-up: emails abandoned mid-send become FAILED, and
   * queued emails whose job was lost (a crash between the commit and the job) get one again.
   */
  async sweep(neverTriedAgeMs = 60_000): Promise<void> {
    const abandoned = await this.emails.failAbandoned();
    if (abandoned)
      this.logger.warn(`${abandoned} email(s) were interrupted while sending and are marked FAILED, not resent`);
    // One page per sweep: the rows just given jobs stay QUEUED with attempts 0 until sent.
    await this.jobs.send(await this.emails.neverTried(neverTriedAgeMs, 5000));
  }

  /** The unsubscribe token's email, for the confirmation page and the one-click POST. */
  findByUnsubscribeToken(token: string) {
    return this.emails.findByUnsubscribeToken(hashToken(token.slice(0, 200)));
  }
}
