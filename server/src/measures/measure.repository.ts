import { Injectable } from '@nestjs/common';
import type { MeasureDefinitionInput } from '@commons/shared';
import { PrismaService } from '../platform/database/prisma.service';
import { MEASURE_SELECT } from './measure.select';

@Injectable()
export class MeasureRepository {
  constructor(private readonly prisma: PrismaService) {}

  list(networkId: string) {
    return this.prisma.measure.findMany({
      where: { networkId },
      orderBy: [{ position: 'asc' }, { name: 'asc' }],
      select: MEASURE_SELECT,
    });
  }

  find(id: string) {
    return this.prisma.measure.findUnique({ where: { id }, select: MEASURE_SELECT });
  }

  keyTaken(networkId: string, key: string, exceptId?: string) {
    return this.prisma.measure
      .findFirst({ where: { networkId, key, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } })
      .then(Boolean);
  }

  async create(networkId: string, data: MeasureDefinitionInput) {
    const position = await this.prisma.measure.count({ where: { networkId } });
    return this.prisma.measure.create({ data: { ...data, networkId, position }, select: MEASURE_SELECT });
  }

  update(id: string, data: MeasureDefinitionInput) {
    return this.prisma.measure.update({ where: { id }, data, select: MEASURE_SELECT });
  }
}
