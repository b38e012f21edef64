import { Injectable } from '@nestjs/common';
import type { EmailKind, EmailStatus, Prisma } from '../generated/prisma/client';
import type { Db } from '../platform/database/db';
import { PrismaService } from '../platform/database/prisma.service';
import type { Page } from '../platform/graphql/pagination';

export interface NewEmailRow {
  id: string;
  kind: EmailKind;
  dedupeKey: string;
  messageId: string;
  networkId: string | null;
  userId: string | null;
  toAddress: string;
  locale: string;
  subject: string;
  text: string;
  html: string;
  unsubscribeTokenHash: string | null;
  unsubscribeUrl: string | null;
  unsubscribeScope: string | null;
}

/** What the sender needs of a claimed email. */
export interface ClaimedEmail {
  id: string;
  kind: EmailKind;
  messageId: string;
  toAddress: string;
  subject: string;
  text: string;
  html: string;
  unsubscribeUrl: string | null;
  attempts: number;
}

/** Emails whose content holds a secret link: once delivered, the stored copy is blanked. */
const SECRET_KINDS: EmailKind[] = ['PASSWORD_RESET', 'EMAIL_CHANGE_VERIFY'];
export const REDACTED = '(not kept: this email held a one-time link)';

export const EMAIL_LOG_SELECT = {
  id: true,
  kind: true,
  toAddress: true,
  userId: true,
  networkId: true,
  subject: true,
  text: true,
  html: true,
  status: true,
  attempts: true,
  lastError: true,
  response: true,
  createdAt: true,
  sentAt: true,
  unsubscribedAt: true,
  user: { select: { name: true } },
} as const;
export type EmailLogRow = Prisma.EmailMessageGetPayload<{ select: typeof EMAIL_LOG_SELECT }>;

@Injectable()
export class EmailRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Queues emails through `db`; those whose dedupeKey is taken are left out. Returns the ids written. */
  async insert(db: Db, rows: NewEmailRow[]): Promise<string[]> {
    if (rows.length === 0) return [];
    const written = await db.emailMessage.createManyAndReturn({
      data: rows,
      skipDuplicates: true,
      select: { id: true },
    });
    return written.map((row) => row.id);
  }

  /**
   * Takes an email for sending: QUEUED becomes SENDING with a lease, in one statement, so of
   * several processes (or two jobs for the same email) exactly one gets it. Null: not queued
   * (sent, failed, or another process holds it).
   */
  async claim(id: string, leaseMs: number): Promise<ClaimedEmail | null> {
    const [row] = await this.prisma.$queryRaw<ClaimedEmail[]>`
      UPDATE "EmailMessage"
      SET status = 'SENDING', attempts = attempts + 1,
          "leaseUntil" = (now() AT TIME ZONE 'UTC') + make_interval(secs => ${leaseMs / 1000})
      WHERE id = ${id}::uuid AND status = 'QUEUED'
      RETURNING id, kind, "messageId", "toAddress", subject, text, html, "unsubscribeUrl", attempts`;
    return row ?? null;
  }

  /** Records delivery (only by the claim still holding it); secret links are not kept. */
  async markSent(email: ClaimedEmail, response: string): Promise<void> {
    const secret = SECRET_KINDS.includes(email.kind);
    await this.prisma.emailMessage.updateMany({
      where: { id: email.id, status: 'SENDING' },
      data: {
        status: 'SENT',
        sentAt: new Date(),
        leaseUntil: null,
        response: response.slice(0, 500),
        ...(secret ? { text: REDACTED, html: REDACTED } : {}),
      },
    });
  }

  /** A temporary failure: back to QUEUED for the queue's next try. */
  async markRetry(id: string, error: string): Promise<void> {
    await this.prisma.emailMessage.updateMany({
      where: { id, status: 'SENDING' },
      data: { status: 'QUEUED', leaseUntil: null, lastError: error.slice(0, 500) },
    });
  }

  async markFinal(id: string, status: Extract<EmailStatus, 'FAILED' | 'BOUNCED'>, error: string): Promise<void> {
    await this.prisma.emailMessage.updateMany({
      where: { id, status: 'SENDING' },
      data: { status, leaseUntil: null, lastError: error.slice(0, 500) },
    });
  }

  /**
   * Emails left SENDING past their lease: their process died mid-send, and whether the SMTP
   * server took them is unknown. They are not sent again (never twice): they become FAILED with
   * the reason, for an admin to see. Returns how many.
   */
  async failAbandoned(): Promise<number> {
    return this.prisma.$executeRaw`
      UPDATE "EmailMessage" SET status = 'FAILED', "leaseUntil" = NULL,
        "lastError" = 'interrupted while sending: it may or may not have been delivered, so it was not sent again'
      WHERE status = 'SENDING' AND "leaseUntil" < (now() AT TIME ZONE 'UTC')`;
  }

  /** Queued emails never tried, older than `ageMs`: their queue job was lost (a crash right after queueing). */
  async neverTried(ageMs: number, limit: number): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<{ id: string }[]>`
      SELECT id FROM "EmailMessage"
      WHERE status = 'QUEUED' AND attempts = 0 AND "createdAt" < (now() AT TIME ZONE 'UTC') - make_interval(secs => ${ageMs / 1000})
      ORDER BY "createdAt" LIMIT ${limit}`;
    return rows.map((row) => row.id);
  }

  async log(
    filter: { networkId: string; memberIds: string[] | null; status: EmailStatus | null; userId: string | null },
    page: Page,
  ) {
    const where: Prisma.EmailMessageWhereInput = {
      ...(filter.userId
        ? { userId: filter.userId }
        : { OR: [{ networkId: filter.networkId }, { networkId: null, userId: { in: filter.memberIds ?? [] } }] }),
      ...(filter.status ? { status: filter.status } : {}),
    };
    const [rows, totalCount] = await Promise.all([
      this.prisma.emailMessage.findMany({
        where,
        select: EMAIL_LOG_SELECT,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: page.take,
        skip: page.skip,
      }),
      this.prisma.emailMessage.count({ where }),
    ]);
    return { rows, totalCount };
  }

  /** Per member of the network: how many emails were sent, failed, bounced or wait. */
  async summary(networkId: string) {
    return this.prisma.$queryRaw<
      {
        userId: string;
        name: string;
        email: string;
        sent: number;
        failed: number;
        bounced: number;
        queued: number;
        lastAt: Date | null;
      }[]
    >`
      SELECT u.id AS "userId", u.name, u.email,
        COUNT(*) FILTER (WHERE e.status = 'SENT')::int AS sent,
        COUNT(*) FILTER (WHERE e.status = 'FAILED')::int AS failed,
        COUNT(*) FILTER (WHERE e.status = 'BOUNCED')::int AS bounced,
        COUNT(*) FILTER (WHERE e.status IN ('QUEUED', 'SENDING'))::int AS queued,
        MAX(e."createdAt") AS "lastAt"
      FROM "Membership" m JOIN "User" u ON u.id = m."userId"
      JOIN "EmailMessage" e ON e."userId" = u.id AND (e."networkId" = m."networkId" OR e."networkId" IS NULL)
      WHERE m."networkId" = ${networkId}::uuid
      GROUP BY u.id, u.name, u.email
      ORDER BY (COUNT(*) FILTER (WHERE e.status IN ('FAILED', 'BOUNCED'))) DESC, u.name`;
  }

  findByUnsubscribeToken(tokenHash: string) {
    return this.prisma.emailMessage.findUnique({
      where: { unsubscribeTokenHash: tokenHash },
      select: {
        id: true,
        userId: true,
        unsubscribeScope: true,
        unsubscribedAt: true,
        toAddress: true,
        locale: true,
        network: { select: { name: true } },
      },
    });
  }
}
