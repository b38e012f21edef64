import { Injectable } from '@nestjs/common';
import { PrismaService } from '../platform/database/prisma.service';

export const NETWORK_SELECT = {
  id: true,
  slug: true,
  name: true,
  description: true,
  startedOn: true,
  suppressionThreshold: true,
  reportGraceDays: true,
  decisionConfirmationDays: true,
} as const;

@Injectable()
export class NetworkRepository {
  constructor(private readonly prisma: PrismaService) {}

  findBySlug(slug: string) {
    return this.prisma.network.findUnique({ where: { slug }, select: NETWORK_SELECT });
  }

  findById(id: string) {
    return this.prisma.network.findUnique({ where: { id }, select: NETWORK_SELECT });
  }

  siteById(id: string) {
    return this.prisma.site.findUnique({ where: { id }, select: { id: true, slug: true, name: true, city: true } });
  }

  sites(networkId: string) {
    return this.prisma.site.findMany({
      where: { networkId },
      orderBy: { name: 'asc' },
      select: { id: true, slug: true, name: true, city: true },
    });
  }

  async setDecisionConfirmationDays(id: string, days: number) {
    return this.prisma.network.update({
      where: { id },
      data: { decisionConfirmationDays: days },
      select: NETWORK_SELECT,
    });
  }

  siteInNetwork(siteId: string, networkId: string) {
    return this.prisma.site.findFirst({ where: { id: siteId, networkId }, select: { id: true } });
  }
}
