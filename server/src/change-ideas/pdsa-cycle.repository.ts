import { Injectable } from '@nestjs/common';
import type { PdsaAct, PdsaStage } from '../generated/prisma/client';
import { MEASURE_SELECT } from '../measures/measure.select';
import type { Db } from '../platform/database/db';
import { PrismaService } from '../platform/database/prisma.service';
import { CYCLE_SELECT, type CycleRow } from './pdsa-cycle.select';

export interface CycleContent {
  title: string;
  plan: string;
  prediction: string;
  doNotes: string;
  studyNotes: string;
  act: PdsaAct | null;
  actNotes: string;
  stage: PdsaStage;
  startOn: Date;
  endOn: Date | null;
}

export interface AnnotationFilter {
  networkId: string | null;
  siteId: string | null;
  measureId: string | null;
}

/** PDSA cycles and the measures each should move. */
@Injectable()
export class PdsaCycleRepository {
  constructor(private readonly prisma: PrismaService) {}

  find(id: string, db: Db = this.prisma): Promise<CycleRow | null> {
    return db.pdsaCycle.findUnique({ where: { id }, select: CYCLE_SELECT });
  }

  /** The cycles of `ideaIds`, by site, then cycle number. */
  cyclesOf(ideaIds: string[], siteId: string | null = null): Promise<CycleRow[]> {
    return this.prisma.pdsaCycle.findMany({
      where: { ideaId: { in: ideaIds }, ...(siteId ? { siteId } : {}) },
      select: CYCLE_SELECT,
      orderBy: [{ startOn: 'asc' }, { siteId: 'asc' }, { number: 'asc' }],
    });
  }

  /** Creates the next cycle of the idea at the site (the caller holds the idea's row lock). */
  async create(
    db: Db,
    data: CycleContent & { networkId: string; ideaId: string; siteId: string; createdById: string; at: Date },
    measureIds: string[],
  ): Promise<CycleRow> {
    const { at, ...rest } = data;
    const last = await db.pdsaCycle.aggregate({
      where: { ideaId: data.ideaId, siteId: data.siteId },
      _max: { number: true },
    });
    return db.pdsaCycle.create({
      data: {
        ...rest,
        number: (last._max.number ?? 0) + 1,
        updatedById: data.createdById,
        createdAt: at,
        updatedAt: at,
        measures: { create: measureIds.map((measureId) => ({ measureId })) },
      },
      select: CYCLE_SELECT,
    });
  }

  /** Saves the cycle when it is still at `expectedVersion`; null when it is not. */
  async update(
    db: Db,
    id: string,
    expectedVersion: number,
    content: CycleContent,
    measureIds: string[],
    updatedById: string,
    at: Date,
  ): Promise<CycleRow | null> {
    const { count } = await db.pdsaCycle.updateMany({
      where: { id, version: expectedVersion },
      data: { ...content, updatedById, updatedAt: at, version: { increment: 1 } },
    });
    if (count === 0) return null;
    await db.pdsaCycleMeasure.deleteMany({ where: { cycleId: id, measureId: { notIn: measureIds } } });
    await db.pdsaCycleMeasure.createMany({
      data: measureIds.map((measureId) => ({ cycleId: id, measureId })),
      skipDuplicates: true,
    });
    return this.find(id, db);
  }

  /** Ids among `ids` that are measures of `networkId`. */
  async measureIdsIn(networkId: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.prisma.measure.findMany({ where: { networkId, id: { in: ids } }, select: { id: true } });
    return new Set(rows.map((row) => row.id));
  }

  measure(id: string) {
    return this.prisma.measure.findUnique({ where: { id }, select: { id: true, networkId: true } });
  }

  /** Cycles to draw on charts: of a network, optionally one site's, optionally moving one measure. */
  annotations(filter: AnnotationFilter) {
    return this.prisma.pdsaCycle.findMany({
      where: {
        ...(filter.networkId ? { networkId: filter.networkId } : {}),
        ...(filter.siteId ? { siteId: filter.siteId } : {}),
        ...(filter.measureId ? { measures: { some: { measureId: filter.measureId } } } : {}),
      },
      select: { ...CYCLE_SELECT, idea: { select: { title: true, status: true } } },
      orderBy: [{ startOn: 'asc' }, { siteId: 'asc' }, { number: 'asc' }],
    });
  }

  /** Active members whose site is `siteId`. */
  async siteMemberIds(db: Db, networkId: string, siteId: string): Promise<string[]> {
    const rows = await db.membership.findMany({
      where: { networkId, siteId, deactivatedAt: null },
      select: { userId: true },
    });
    return rows.map((row) => row.userId);
  }

  measuresOf(measureIds: string[]) {
    return this.prisma.measure.findMany({ where: { id: { in: measureIds } }, select: MEASURE_SELECT });
  }
}
