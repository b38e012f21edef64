import { Inject, Injectable } from '@nestjs/common';
import { type NotificationKind, notificationView } from '@commons/shared';
import type { EmailFrequency } from '../generated/prisma/client';
import { APP_CONFIG, type AppConfig } from '../platform/config/config';
import { PrismaService } from '../platform/database/prisma.service';
import { MailService, type OutgoingEmail } from './mail.service';
import { type DigestSection, digestEmail, emailLocale, notificationEmail, notificationLine } from './templates/emails';
import type { Locale } from '@commons/shared';

/** A notification taken for email, with what its email needs of its member and network. */
interface PendingRow {
  id: string;
  userId: string;
  networkId: string;
  kind: NotificationKind;
  subjectType: 'CHANGE_IDEA' | 'PDSA_CYCLE' | 'MESSAGE' | 'GROUP' | 'SITE_REQUEST';
  subjectId: string;
  payload: unknown;
  email: string;
  locale: string | null;
  slug: string;
  networkName: string;
}

/** How many members' digests are built and queued per transaction. */
const DIGEST_BATCH = 500;

const SUBJECT_LABELS: Record<Locale, Record<string, string>> = {
  en: { CHANGE_IDEA: 'Change idea', RESOURCE: 'Resource', GROUP: 'Group', SITE: 'Site', SITE_REQUEST: 'Site' },
  sv: { CHANGE_IDEA: 'Förändringsidé', RESOURCE: 'Resurs', GROUP: 'Grupp', SITE: 'Enhet', SITE_REQUEST: 'Enhet' },
};

/**
 * How far back email reaches: turning email on for a kind does not mail a backlog of old,
 * unread notifications, only recent ones (a day for right away, eight days for digests).
 */
const IMMEDIATE_WINDOW_MS = 86_400_000;
const DIGEST_WINDOW_MS = 8 * 86_400_000;

const utcDay = (date: Date) => date.toISOString().slice(0, 10);
/** A timestamp column holds UTC: compare with this rather than a timestamptz parameter. */
const asUtcTimestamp = (date: Date) => date.toISOString().replace('Z', '');

/**
 * Notifications by email, as each member chose per kind: right away (after a short delay, so
 * what she reads in the app meanwhile is not emailed), in a daily or weekly digest, or not at all.
 * A notification is taken for email once (`emailedAt`, set in the transaction that queues its
 * email, only while it is still unread), so nothing is emailed twice or after it was read.
 */
@Injectable()
export class NotificationMailService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Emails each notification set to IMMEDIATE that is older than the delay and still unread. Returns how many. */
  async sendImmediate(now = new Date()): Promise<number> {
    const cutoff = asUtcTimestamp(new Date(now.getTime() - this.config.notificationEmailDelayMs));
    const since = asUtcTimestamp(new Date(now.getTime() - IMMEDIATE_WINDOW_MS));
    let total = 0;
    for (;;) {
      const ids = await this.prisma.$transaction(async (tx) => {
        const rows = await tx.$queryRaw<PendingRow[]>`
          WITH taken AS (
            UPDATE "Notification" n SET "emailedAt" = (now() AT TIME ZONE 'UTC')
            WHERE n.id IN (
              SELECT n2.id FROM "Notification" n2
              JOIN "NotificationPreference" p ON p."userId" = n2."userId" AND p.kind = n2.kind AND p."emailFrequency" = 'IMMEDIATE'
              WHERE n2."emailedAt" IS NULL AND n2."readAt" IS NULL AND n2."createdAt" <= ${cutoff}::timestamp AND n2."createdAt" > ${since}::timestamp
              ORDER BY n2."createdAt" LIMIT 1000 FOR UPDATE OF n2 SKIP LOCKED)
            RETURNING n.id, n."userId", n."networkId", n.kind, n."subjectType", n."subjectId", n.payload)
          SELECT t.*, u.email, u.locale, net.slug, net.name AS "networkName"
          FROM taken t JOIN "User" u ON u.id = t."userId" JOIN "Network" net ON net.id = t."networkId"
          JOIN "Membership" m ON m."userId" = t."userId" AND m."networkId" = t."networkId" AND m."deactivatedAt" IS NULL`;
        return this.mail.queue(
          tx,
          rows.map((row) => this.immediateEmail(row)),
        );
      });
      total += ids.length;
      if (ids.length < 1000) return total;
    }
  }

  private immediateEmail(row: PendingRow): OutgoingEmail {
    const view = notificationView(row);
    const locale = emailLocale(row.locale);
    return {
      kind: 'NOTIFICATION',
      dedupeKey: `notification:${row.id}`,
      to: row.email,
      userId: row.userId,
      networkId: row.networkId,
      locale,
      unsubscribeScope: row.kind,
      render: ({ unsubscribeUrl }) =>
        notificationEmail(locale, {
          networkName: row.networkName,
          kind: row.kind,
          actorName: view.actorName,
          title: view.title,
          detail: view.detail,
          link: this.mail.links.network(row.slug, view.link || 'notifications'),
          settingsUrl: this.mail.links.accountSettings,
          unsubscribeUrl: unsubscribeUrl!,
        }),
    };
  }

  /**
   * Builds and queues the digest of every member with unread, un-emailed notifications of kinds
   * she set to `frequency`, one email per member and network. Safe to run twice for the same
   * day (the dedupe key holds the day). Returns how many digests were queued.
   */
  async sendDigests(frequency: Extract<EmailFrequency, 'DAILY' | 'WEEKLY'>, now = new Date()): Promise<number> {
    const day = utcDay(now);
    const since = asUtcTimestamp(new Date(now.getTime() - DIGEST_WINDOW_MS));
    let after = '00000000-0000-0000-0000-000000000000';
    let total = 0;
    for (;;) {
      const users = await this.prisma.$queryRaw<{ userId: string }[]>`
        SELECT DISTINCT n."userId" FROM "Notification" n
        JOIN "NotificationPreference" p ON p."userId" = n."userId" AND p.kind = n.kind AND p."emailFrequency" = ${frequency}::"EmailFrequency"
        WHERE n."emailedAt" IS NULL AND n."readAt" IS NULL AND n."createdAt" > ${since}::timestamp AND n."userId" > ${after}::uuid
        ORDER BY n."userId" LIMIT ${DIGEST_BATCH}`;
      if (users.length === 0) return total;
      after = users[users.length - 1].userId;
      const userIds = users.map((row) => row.userId);
      const ids = await this.prisma.$transaction(
        async (tx) => {
          const rows = await tx.$queryRaw<(PendingRow & { createdAt: Date })[]>`
          WITH taken AS (
            UPDATE "Notification" n SET "emailedAt" = (now() AT TIME ZONE 'UTC')
            FROM "NotificationPreference" p
            WHERE p."userId" = n."userId" AND p.kind = n.kind AND p."emailFrequency" = ${frequency}::"EmailFrequency"
              AND n."userId" = ANY(${userIds}::uuid[]) AND n."emailedAt" IS NULL AND n."readAt" IS NULL AND n."createdAt" > ${since}::timestamp
            RETURNING n.id, n."userId", n."networkId", n.kind, n."subjectType", n."subjectId", n.payload, n."createdAt")
          SELECT t.*, u.email, u.locale, net.slug, net.name AS "networkName"
          FROM taken t JOIN "User" u ON u.id = t."userId" JOIN "Network" net ON net.id = t."networkId"
          JOIN "Membership" m ON m."userId" = t."userId" AND m."networkId" = t."networkId" AND m."deactivatedAt" IS NULL
          ORDER BY t."createdAt"`;
          const byMember = new Map<string, PendingRow[]>();
          for (const row of rows) {
            const key = `${row.userId}:${row.networkId}`;
            byMember.set(key, [...(byMember.get(key) ?? []), row]);
          }
          const emails = [...byMember.values()].map((group) => this.digest(frequency, day, group));
          const inserted = await this.mail.queue(tx, emails);
          return inserted;
        },
        { timeout: 120_000 },
      );
      total += ids.length;
    }
  }

  private digest(frequency: 'DAILY' | 'WEEKLY', day: string, rows: PendingRow[]): OutgoingEmail {
    const first = rows[0];
    const locale = emailLocale(first.locale);
    const links = this.mail.links;
    return {
      kind: frequency === 'DAILY' ? 'DIGEST_DAILY' : 'DIGEST_WEEKLY',
      dedupeKey: `digest:${frequency}:${first.userId}:${first.networkId}:${day}`,
      to: first.email,
      userId: first.userId,
      networkId: first.networkId,
      locale,
      unsubscribeScope: frequency === 'DAILY' ? 'DIGEST_DAILY' : 'DIGEST_WEEKLY',
      render: ({ unsubscribeUrl }) =>
        digestEmail(locale, {
          frequency,
          networkName: first.networkName,
          count: rows.length,
          sections: digestSections(locale, rows, (page) => links.network(first.slug, page)),
          notificationsUrl: links.network(first.slug, 'notifications'),
          settingsUrl: links.accountSettings,
          unsubscribeUrl: unsubscribeUrl!,
        }),
    };
  }
}

/** Groups a member's notifications by what they are about: a change idea, a thread's subject, a group, a site. */
export function digestSections(locale: Locale, rows: PendingRow[], url: (page: string) => string): DigestSection[] {
  const sections = new Map<string, DigestSection>();
  for (const row of rows) {
    const view = notificationView(row);
    const payload = (row.payload && typeof row.payload === 'object' ? row.payload : {}) as Record<string, unknown>;
    let type: string = row.subjectType;
    let subjectId = row.subjectId;
    if (row.subjectType === 'MESSAGE') {
      type = textOf(payload.threadSubjectType, 'MESSAGE');
      subjectId = textOf(payload.threadSubjectId, row.subjectId);
    } else if (row.subjectType === 'PDSA_CYCLE' || row.subjectType === 'CHANGE_IDEA') {
      type = 'CHANGE_IDEA';
      subjectId = textOf(payload.ideaId, row.subjectId);
    } else if (row.subjectType === 'GROUP') {
      subjectId = textOf(payload.groupId, row.subjectId);
    }
    const key = `${type}:${subjectId}`;
    const page = view.link ? view.link.split(/[?#]/)[0] : '';
    let section = sections.get(key);
    if (!section) {
      const label = SUBJECT_LABELS[locale][type];
      section = { heading: label ? `${label}: ${view.title}` : view.title, url: page ? url(page) : null, items: [] };
      sections.set(key, section);
    }
    const line = notificationLine(locale, row.kind, view.actorName, view.title);
    section.items.push({
      text: view.detail ? `${line}: “${view.detail}”` : line,
      url: view.link ? url(view.link) : null,
    });
  }
  return [...sections.values()];
}

/** A payload field as text, or `fallback` when it is not text. */
function textOf(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}
