import nodemailer from 'nodemailer';
import type { ClaimedEmail } from './email.repository';

/** The outcome of handing one email over. */
export type DeliveryResult = { ok: true; response: string } | { ok: false; permanent: boolean; error: string };

/** Where queued emails go: an SMTP server, or nowhere beyond the database (the outbox). */
export interface MailTransport {
  readonly kind: 'smtp' | 'outbox';
  deliver(email: ClaimedEmail): Promise<DeliveryResult>;
  close(): void;
}

export class SmtpTransport implements MailTransport {
  readonly kind = 'smtp';
  private readonly transport: nodemailer.Transporter;

  /**
   * `leaseMs`: how long a claim on an email lasts. The SMTP timeouts stay well inside it (unless
   * the URL sets its own), so a send never outlives its claim and gets marked abandoned meanwhile.
   */
  constructor(
    smtpUrl: string,
    private readonly from: string,
    leaseMs: number,
  ) {
    const url = new URL(smtpUrl);
    const timeouts: [string, number][] = [
      ['connectionTimeout', Math.min(30_000, leaseMs / 4)],
      ['greetingTimeout', Math.min(30_000, leaseMs / 4)],
      ['socketTimeout', leaseMs / 2],
    ];
    for (const [key, ms] of timeouts) if (!url.searchParams.has(key)) url.searchParams.set(key, String(Math.round(ms)));
    this.transport = nodemailer.createTransport(url.toString());
  }

  async deliver(email: ClaimedEmail): Promise<DeliveryResult> {
    const headers: Record<string, string> = { 'Auto-Submitted': 'auto-generated' };
    if (email.unsubscribeUrl) {
      headers['List-Unsubscribe'] = `<${email.unsubscribeUrl}>`;
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    }
    try {
      const info = (await this.transport.sendMail({
        from: this.from,
        to: email.toAddress,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId: email.messageId,
        headers,
      })) as { rejected: unknown[]; response?: string };
      if (info.rejected.length > 0)
        return { ok: false, permanent: true, error: `rejected: ${String(info.response ?? '')}` };
      return { ok: true, response: String(info.response ?? 'accepted') };
    } catch (error) {
      const smtpError = error as Error & { responseCode?: number };
      // 5xx is the server refusing for good (no such mailbox, policy): a bounce, not worth retrying.
      const permanent =
        typeof smtpError.responseCode === 'number' && smtpError.responseCode >= 500 && smtpError.responseCode < 600;
      return { ok: false, permanent, error: smtpError.message };
    }
  }

  close(): void {
    this.transport.close();
  }
}

/** Without SMTP_URL: the email stays in the database, where network admins read it (the outbox). */
export class OutboxTransport implements MailTransport {
  readonly kind = 'outbox';
  deliver(): Promise<DeliveryResult> {
    return Promise.resolve({ ok: true, response: 'outbox' });
  }
  close(): void {}
}
