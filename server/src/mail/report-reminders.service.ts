import { Injectable } from '@nestjs/common';
import { PrismaService } from '../platform/database/prisma.service';
import { MailService, type OutgoingEmail } from './mail.service';
import { emailLocale, reportReminderEmail } from './templates/emails';

const DAY_MS = 86_400_000;

/** The month before `yyyy-mm`. */
function previousMonth(year: number, monthIndex: number): string {
  const date = new Date(Date.UTC(year, monthIndex - 1, 1));
  return date.toISOString().slice(0, 7);
}

/**
 * What reminder a network's sites get on `today` (UTC midnight): the month last ended is due on
 * the network's due day of the month after it. `dueInDays` days before: "due in N days";
 * the day after the due day, and every 7 days after that: "overdue". Null: nothing today.
 */
export function reminderFor(
  today: Date,
  dueDay: number,
  reminderDays: number,
): { month: string; dueOn: Date; overdue: boolean; daysLeft: number } | null {
  const year = today.getUTCFullYear();
  const monthIndex = today.getUTCMonth();
  // The report of the month before this one is due this month on dueDay.
  const dueOn = new Date(Date.UTC(year, monthIndex, dueDay));
  const month = previousMonth(year, monthIndex);
  const daysLeft = Math.round((dueOn.getTime() - today.getTime()) / DAY_MS);
  if (reminderDays > 0 && daysLeft === reminderDays) return { month, dueOn, overdue: false, daysLeft };
  if (daysLeft < 0 && (-daysLeft - 1) % 7 === 0) return { month, dueOn, overdue: true, daysLeft };
  return null;
}

/**
 * Monthly reporting reminders: each site's reporting team (its clinicians and lead) hears that
 * the last month's report is due in N days, then that it is overdue, until every measure of that
 * month is submitted for the site.
 */
@Injectable()
export class ReportRemindersService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly mail: MailService,
  ) {}

  /** Queues today's reminders in every network; returns how many. Running twice a day queues them once. */
  async send(now = new Date()): Promise<number> {
    const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    const networks = await this.prisma.network.findMany({
      select: { id: true, slug: true, name: true, startedOn: true, reportDueDay: true, reportReminderDays: true },
    });
    let total = 0;
    for (const network of networks) {
      const reminder = reminderFor(today, network.reportDueDay, network.reportReminderDays);
      if (!reminder || reminder.month < network.startedOn.toISOString().slice(0, 7)) continue;
      const recipients = await this.prisma.$queryRaw<
        { userId: string; email: string; locale: string | null; siteId: string; siteName: string }[]
      >`
        SELECT u.id AS "userId", u.email, u.locale, s.id AS "siteId", s.name AS "siteName"
        FROM "Site" s
        JOIN "Membership" m ON m."siteId" = s.id AND m."networkId" = s."networkId" AND m."deactivatedAt" IS NULL AND m.role IN ('SITE_LEAD', 'CLINICIAN')
        JOIN "User" u ON u.id = m."userId" AND u."emailReportReminders"
        WHERE s."networkId" = ${network.id}::uuid
          AND (SELECT COUNT(*) FROM "MeasureReport" r WHERE r."siteId" = s.id AND r.month = ${reminder.month} AND r.status = 'SUBMITTED')
            < (SELECT COUNT(*) FROM "Measure" me WHERE me."networkId" = s."networkId")`;
      const day = today.toISOString().slice(0, 10);
      const emails = recipients.map((recipient): OutgoingEmail => {
        const locale = emailLocale(recipient.locale);
        return {
          kind: reminder.overdue ? 'REPORT_OVERDUE' : 'REPORT_DUE',
          dedupeKey: `report-reminder:${recipient.siteId}:${reminder.month}:${recipient.userId}:${day}`,
          to: recipient.email,
          userId: recipient.userId,
          networkId: network.id,
          locale,
          unsubscribeScope: 'REPORT_REMINDERS',
          render: ({ unsubscribeUrl }) =>
            reportReminderEmail(locale, {
              overdue: reminder.overdue,
              daysLeft: reminder.daysLeft,
              networkName: network.name,
              siteName: recipient.siteName,
              month: reminder.month,
              dueOn: reminder.dueOn,
              link: this.mail.links.network(network.slug, `report?month=${reminder.month}`),
              settingsUrl: this.mail.links.accountSettings,
              unsubscribeUrl: unsubscribeUrl!,
            }),
        };
      });
      total += (await this.mail.queue(this.prisma, emails)).length;
    }
    return total;
  }
}
