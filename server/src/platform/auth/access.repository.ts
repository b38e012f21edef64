import { Injectable } from '@nestjs/common';
import type { Role } from '../../generated/prisma/client';
import { PrismaService } from '../database/prisma.service';

@Injectable()
export class AccessRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Every request of a network's data asks this, so it is a prepared read rather than a Prisma query. */
  async membership(userId: string, networkId: string): Promise<{ role: Role; siteId: string | null; deactivatedAt: Date | null } | null> {
    const [row] = await this.prisma.read<{ role: Role; siteId: string | null; deactivatedAt: Date | null }>(
      `SELECT role::text AS role, "siteId", "deactivatedAt" AT TIME ZONE 'UTC' AS "deactivatedAt"
       FROM "Membership" WHERE "userId" = $1::uuid AND "networkId" = $2::uuid`,
      [userId, networkId],
    );
    return row ?? null;
  }
}
