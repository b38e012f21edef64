import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server (smtp-server) on a free local port that keeps what it receives, parsed (mailparser). */
export class SmtpInbox {
  readonly received: { to: string[]; mail: ParsedMail }[] = [];

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(): Promise<SmtpInbox> {
    const received: SmtpInbox['received'] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        simpleParser(stream).then(
          (mail) => {
            received.push({ to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), mail });
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const inbox = new SmtpInbox(server, (server.server.address() as AddressInfo).port);
    (inbox as { received: SmtpInbox['received'] }).received = received;
    return inbox;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Waits for an email to `address` whose subject matches, and returns it. */
  async waitFor(address: string, subject: RegExp, timeoutMs = 30_000): Promise<ParsedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.find(
        (m) => m.to.includes(address.toLowerCase()) && subject.test(m.mail.subject ?? ''),
      );
      if (found) return found.mail;
      if (Date.now() > deadline)
        throw new Error(
          `no email to ${address} matching ${subject}; got: ${this.received.map((m) => m.mail.subject).join(' | ')}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
