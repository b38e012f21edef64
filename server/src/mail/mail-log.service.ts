import { Injectable } from '@nestjs/common';
import { AccessService } from '../platform/auth/access.service';
import type { Viewer } from '../platform/auth/viewer';
import { PrismaService } from '../platform/database/prisma.service';
import { networkMailSettingsSchema } from '@commons/shared';
import { AppError, parseInput, requireId } from '../platform/graphql/app-error';
import { pageInfo, toPage } from '../platform/graphql/pagination';
import { EmailRepository, REDACTED } from './email.repository';
import { MailService } from './mail.service';
import type { EmailLogArgs, EmailLogConnection, MailSettingsInput } from './models/mail.model';

/** Account emails: their content is the member's own business (and held a secret link). */
const PRIVATE_KINDS = new Set([
  'PASSWORD_RESET',
  'EMAIL_CHANGE_VERIFY',
  'PASSWORD_CHANGED',
  'EMAIL_CHANGED',
  'TWO_FACTOR_CHANGED',
]);

/** The admin mail log: what was sent to the network's members, what failed or bounced. */
@Injectable()
export class MailLogService {
  constructor(
    private readonly emails: EmailRepository,
    private readonly access: AccessService,
    private readonly prisma: PrismaService,
    private readonly mail: MailService,
  ) {}

  async list(viewer: Viewer, args: EmailLogArgs): Promise<EmailLogConnection> {
    await this.access.require(viewer, args.networkId, 'network.configure');
    const page = toPage(args);
    const userId = args.userId ? requireId(args.userId, 'userId') : null;
    const memberIds = userId
      ? null
      : (await this.prisma.membership.findMany({ where: { networkId: args.networkId }, select: { userId: true } })).map(
          (m) => m.userId,
        );
    if (
      userId &&
      !(await this.prisma.membership.findUnique({
        where: { userId_networkId: { userId, networkId: args.networkId } },
        select: { id: true },
      }))
    ) {
      return { nodes: [], totalCount: 0, pageInfo: pageInfo(page, 0, 0) };
    }
    const { rows, totalCount } = await this.emails.log(
      { networkId: args.networkId, memberIds, status: args.status ?? null, userId },
      page,
    );
    return {
      nodes: rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        toAddress: row.toAddress,
        userId: row.userId,
        userName: row.user?.name ?? null,
        subject: row.subject,
        text: PRIVATE_KINDS.has(row.kind) ? REDACTED : row.text,
        status: row.status,
        attempts: row.attempts,
        lastError: row.lastError,
        response: row.response,
        createdAt: row.createdAt,
        sentAt: row.sentAt,
        unsubscribedAt: row.unsubscribedAt,
      })),
      totalCount,
      pageInfo: pageInfo(page, rows.length, totalCount),
    };
  }

  async summary(viewer: Viewer, networkId: string) {
    await this.access.require(viewer, networkId, 'network.configure');
    return this.emails.summary(networkId);
  }

  async settings(viewer: Viewer, networkId: string) {
    await this.access.require(viewer, networkId, 'network.configure');
    const network = await this.prisma.network.findUniqueOrThrow({
      where: { id: networkId },
      select: { reportDueDay: true, reportReminderDays: true, requireTwoFactorForLeads: true },
    });
    return { transport: this.mail.delivers ? 'SMTP' : 'OUTBOX', ...network };
  }

  /** Turning the two-factor requirement on needs the admin's own two-factor first, so she is not locked out. */
  async setSettings(viewer: Viewer, networkId: string, input: MailSettingsInput) {
    await this.access.require(viewer, networkId, 'network.configure');
    const data = parseInput(networkMailSettingsSchema, input, 'input');
    if (data.requireTwoFactorForLeads) {
      const own = await this.prisma.user.findUniqueOrThrow({
        where: { id: viewer.userId },
        select: { twoFactorEnabledAt: true },
      });
      if (!own.twoFactorEnabledAt)
        throw new AppError(
          'TWO_FACTOR_SETUP_REQUIRED',
          'Turn on two-factor sign-in for yourself before requiring it.',
          { field: 'input.requireTwoFactorForLeads' },
        );
    }
    await this.prisma.network.update({ where: { id: networkId }, data });
    return this.settings(viewer, networkId);
  }
}
