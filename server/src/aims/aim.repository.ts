import { Injectable } from '@nestjs/common';
import type { DriverKind } from '../generated/prisma/client';
import { PrismaService } from '../platform/database/prisma.service';

const AIM_SELECT = {
  id: true,
  networkId: true,
  statement: true,
  outcomeMeasureId: true,
  baselineValue: true,
  baselineFrom: true,
  baselineTo: true,
  targetValue: true,
  dueDate: true,
} as const;

const DRIVER_SELECT = {
  id: true,
  networkId: true,
  parentId: true,
  kind: true,
  title: true,
  description: true,
  position: true,
} as const;

export interface AimData {
  statement: string;
  outcomeMeasureId: string | null;
  baselineValue: number;
  baselineFrom: string;
  baselineTo: string;
  targetValue: number;
  dueDate: Date;
}

@Injectable()
export class AimRepository {
  constructor(private readonly prisma: PrismaService) {}

  find(networkId: string) {
    return this.prisma.aim.findUnique({ where: { networkId }, select: AIM_SELECT });
  }

  upsert(networkId: string, data: AimData, updatedById: string) {
    return this.prisma.aim.upsert({
      where: { networkId },
      create: { networkId, ...data, updatedById },
      update: { ...data, updatedById },
      select: AIM_SELECT,
    });
  }

  drivers(networkId: string) {
    return this.prisma.driver.findMany({
      where: { networkId },
      orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
      select: DRIVER_SELECT,
    });
  }

  driver(id: string) {
    return this.prisma.driver.findUnique({ where: { id }, select: DRIVER_SELECT });
  }

  async createDriver(
    networkId: string,
    data: { parentId: string | null; kind: DriverKind; title: string; description: string; position: number | null },
  ) {
    const position =
      data.position ?? (await this.prisma.driver.count({ where: { networkId, parentId: data.parentId } }));
    return this.prisma.driver.create({ data: { ...data, networkId, position }, select: DRIVER_SELECT });
  }

  updateDriver(id: string, data: { title: string; description: string; position?: number }) {
    return this.prisma.driver.update({ where: { id }, data, select: DRIVER_SELECT });
  }

  /** Deletes a driver and, through the foreign key, its secondary drivers. */
  deleteDriver(id: string) {
    return this.prisma.driver.delete({ where: { id }, select: { id: true } });
  }
}
