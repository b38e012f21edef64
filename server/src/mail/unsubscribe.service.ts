import { Injectable } from '@nestjs/common';
import { NOTIFICATION_KINDS, type NotificationKind } from '@commons/shared';
import { PrismaService } from '../platform/database/prisma.service';
import { notFound } from '../platform/graphql/app-error';
import { MailService } from './mail.service';

export type UnsubscribeScope = NotificationKind | 'DIGEST_DAILY' | 'DIGEST_WEEKLY' | 'REPORT_REMINDERS';

/**
 * One-click unsubscribe (RFC 8058), without signing in: the token in an email's link stands for
 * its recipient and what the email was (a kind of notification, a digest, reporting reminders).
 * Unknown tokens are NOT_FOUND; using a token twice is harmless.
 */
@Injectable()
export class UnsubscribeService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly mail: MailService,
  ) {}

  async describe(token: string): Promise<{ scope: UnsubscribeScope; networkName: string | null; done: boolean }> {
    const email = await this.mail.findByUnsubscribeToken(token);
    if (!email?.userId || !email.unsubscribeScope) throw notFound('Unsubscribe link');
    return {
      scope: email.unsubscribeScope as UnsubscribeScope,
      networkName: email.network?.name ?? null,
      done: email.unsubscribedAt !== null,
    };
  }

  async unsubscribe(token: string): Promise<{ scope: UnsubscribeScope; networkName: string | null; done: boolean }> {
    const email = await this.mail.findByUnsubscribeToken(token);
    if (!email?.userId || !email.unsubscribeScope) throw notFound('Unsubscribe link');
    const userId = email.userId;
    const scope = email.unsubscribeScope as UnsubscribeScope;
    const at = new Date();
    await this.prisma.$transaction(async (tx) => {
      if (scope === 'REPORT_REMINDERS') {
        await tx.user.update({ where: { id: userId }, data: { emailReportReminders: false } });
      } else if (scope === 'DIGEST_DAILY' || scope === 'DIGEST_WEEKLY') {
        const frequency = scope === 'DIGEST_DAILY' ? 'DAILY' : 'WEEKLY';
        await tx.notificationPreference.updateMany({
          where: { userId, emailFrequency: frequency },
          data: { emailFrequency: 'OFF', email: false, updatedAt: at },
        });
      } else if ((NOTIFICATION_KINDS as readonly string[]).includes(scope)) {
        await tx.notificationPreference.upsert({
          where: { userId_kind: { userId, kind: scope } },
          create: { userId, kind: scope, inApp: true, email: false, emailFrequency: 'OFF', updatedAt: at },
          update: { email: false, emailFrequency: 'OFF', updatedAt: at },
        });
      }
      await tx.emailMessage.updateMany({ where: { id: email.id, unsubscribedAt: null }, data: { unsubscribedAt: at } });
    });
    return { scope, networkName: email.network?.name ?? null, done: true };
  }
}
