import { Injectable } from '@nestjs/common';
import type { Role } from '../../generated/prisma/client';
import { PrismaService } from '../database/prisma.service';

@Injectable()
export class AccessRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Every request of a network's data asks this, so it is a prepared read rather than a Prisma query. */
  /**
   * `needsTwoFactor`: the network requires two-factor sign-in of its admins and site leads, she is
   * one, and has not turned it on.
   */
  async membership(
    userId: string,
    networkId: string,
  ): Promise<{ role: Role; siteId: string | null; deactivatedAt: Date | null; needsTwoFactor: boolean } | null> {
    const [row] = await this.prisma.read<{
      role: Role;
      siteId: string | null;
      deactivatedAt: Date | null;
      needsTwoFactor: boolean;
    }>(
      `SELECT m.role::text AS role, m."siteId", m."deactivatedAt" AT TIME ZONE 'UTC' AS "deactivatedAt",
         (n."requireTwoFactorForLeads" AND m.role IN ('NETWORK_ADMIN', 'SITE_LEAD') AND u."twoFactorEnabledAt" IS NULL) AS "needsTwoFactor"
       FROM "Membership" m JOIN "Network" n ON n.id = m."networkId" JOIN "User" u ON u.id = m."userId"
       WHERE m."userId" = $1::uuid AND m."networkId" = $2::uuid`,
      [userId, networkId],
    );
    return row ?? null;
  }
}
