import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';

@Injectable()
export class AccessRepository {
  constructor(private readonly prisma: PrismaService) {}

  membership(userId: string, networkId: string) {
    return this.prisma.membership.findUnique({
      where: { userId_networkId: { userId, networkId } },
      select: { role: true, siteId: true, deactivatedAt: true },
    });
  }
}
