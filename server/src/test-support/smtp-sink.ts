import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  parsed: ParsedMail;
  raw: string;
}

/**
 * A real SMTP server (smtp-server, from the nodemailer project) on a free local port, keeping
 * every message it accepts, parsed with mailparser. `reject` refuses recipients (a bounce);
 * `stallData` holds messages in DATA without ever answering (a send that never finishes).
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  private waiters: (() => void)[] = [];
  reject = new Set<string>();
  stallData = false;

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(): Promise<SmtpSink> {
    let sink: SmtpSink | null = null;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (sink?.reject.has(address.address.toLowerCase())) {
          const error = Object.assign(new Error('550 5.1.1 No such user here'), { responseCode: 550 });
          callback(error);
          return;
        }
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (sink?.stallData) return; // never answers
          const raw = Buffer.concat(chunks).toString('utf8');
          simpleParser(raw).then(
            (parsed) => {
              sink?.received.push({ to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), parsed, raw });
              sink?.notify();
              callback();
            },
            (error: Error) => callback(error),
          );
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.server.address() as AddressInfo;
    sink = new SmtpSink(server, port);
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  private notify() {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Messages to `address` received so far, those whose subject matches `subject` when given. */
  to(address: string, subject?: RegExp): ReceivedMail[] {
    return this.received.filter(
      (mail) => mail.to.includes(address.toLowerCase()) && (!subject || subject.test(mail.parsed.subject ?? '')),
    );
  }

  /** Waits until `predicate` holds over what arrived (or throws after `timeoutMs`). */
  async waitFor(predicate: (received: ReceivedMail[]) => boolean, timeoutMs = 20_000): Promise<ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.received)) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `timed out waiting for mail; received: ${this.received.map((m) => `${m.to.join(',')}: ${m.parsed.subject}`).join(' | ')}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 250));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.received;
  }

  /** Waits for `count` messages to `address` (with a subject matching `subject`) and returns them. */
  async waitForMail(address: string, count = 1, subject?: RegExp, timeoutMs?: number): Promise<ReceivedMail[]> {
    await this.waitFor(() => this.to(address, subject).length >= count, timeoutMs);
    return this.to(address, subject);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The first link in a text part that starts with `prefix`. */
export function linkIn(text: string, prefix: string): string {
  const match = text.match(new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^\\s)>"]+`));
  if (!match) throw new Error(`no link starting with ${prefix} in: ${text}`);
  return match[0];
}

/** A header's value as sent (mailparser folds List-* headers into one object, so read the raw lines). */
export function headerOf(mail: ReceivedMail, name: string): string | undefined {
  const line = mail.parsed.headerLines.find((header) => header.key === name.toLowerCase());
  return line?.line.slice(line.line.indexOf(':') + 1).trim();
}
