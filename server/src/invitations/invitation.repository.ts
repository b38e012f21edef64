import { Injectable } from '@nestjs/common';
import type { Prisma, Role } from '../generated/prisma/client';
import type { Db } from '../platform/database/db';
import { PrismaService } from '../platform/database/prisma.service';
import type { Page } from '../platform/graphql/pagination';

export const INVITATION_SELECT = {
  id: true,
  networkId: true,
  email: true,
  role: true,
  siteId: true,
  expiresAt: true,
  acceptedAt: true,
  revokedAt: true,
  createdAt: true,
  invitedBy: { select: { name: true } },
  network: { select: { name: true, slug: true } },
  site: { select: { name: true } },
} as const;

export type InvitationRow = Prisma.InvitationGetPayload<{ select: typeof INVITATION_SELECT }>;

@Injectable()
export class InvitationRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** `invitedById` is null for the first admin's invitation, which `npm run setup` makes. */
  create(
    data: {
      networkId: string;
      email: string;
      role: Role;
      siteId: string | null;
      tokenHash: string;
      invitedById: string | null;
      expiresAt: Date;
    },
    db: Db = this.prisma,
  ) {
    return db.invitation.create({ data, select: INVITATION_SELECT });
  }

  findByTokenHash(tokenHash: string, db: Db = this.prisma) {
    return db.invitation.findUnique({ where: { tokenHash }, select: INVITATION_SELECT });
  }

  findById(id: string) {
    return this.prisma.invitation.findUnique({ where: { id }, select: INVITATION_SELECT });
  }

  async list(networkId: string, siteId: string | null, page: Page) {
    const where: Prisma.InvitationWhereInput = { networkId, ...(siteId ? { siteId } : {}) };
    const [rows, totalCount] = await Promise.all([
      this.prisma.invitation.findMany({
        where,
        orderBy: { createdAt: 'desc' },
        skip: page.skip,
        take: page.take,
        select: INVITATION_SELECT,
      }),
      this.prisma.invitation.count({ where }),
    ]);
    return { rows, totalCount };
  }

  revoke(id: string, at: Date) {
    return this.prisma.invitation.update({ where: { id }, data: { revokedAt: at }, select: INVITATION_SELECT });
  }

  /** Marks the invitation used, unless another request used it first; true when this one did. */
  async markAccepted(id: string, userId: string, at: Date, db: Db): Promise<boolean> {
    const { count } = await db.invitation.updateMany({
      where: { id, acceptedAt: null, revokedAt: null, expiresAt: { gt: at } },
      data: { acceptedAt: at, acceptedById: userId },
    });
    return count === 1;
  }

  transaction<T>(work: (db: Prisma.TransactionClient) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work);
  }
}
