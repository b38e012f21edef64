import { Injectable } from '@nestjs/common';
import type { Prisma, ReportStatus } from '../generated/prisma/client';
import type { Db } from '../platform/database/db';
import { PrismaService } from '../platform/database/prisma.service';

export const REPORT_SELECT = {
  id: true,
  siteId: true,
  measureId: true,
  month: true,
  numerator: true,
  denominator: true,
  value: true,
  status: true,
  version: true,
  submittedAt: true,
  updatedAt: true,
  updatedById: true,
} as const;

export type ReportRow = Prisma.MeasureReportGetPayload<{ select: typeof REPORT_SELECT }>;

/** What charts, the aim and the export read of a submitted report: its numbers only. */
export const SUBMITTED_NUMBERS_SELECT = {
  siteId: true,
  measureId: true,
  month: true,
  numerator: true,
  denominator: true,
  value: true,
} as const;

export type SubmittedNumbers = Prisma.MeasureReportGetPayload<{ select: typeof SUBMITTED_NUMBERS_SELECT }>;

export interface ReportWrite {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  status: ReportStatus;
  reason: string | null;
  changedById: string;
  at: Date;
}

@Injectable()
export class ReportRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(work: (db: Prisma.TransactionClient) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work, { timeout: 30_000 });
  }

  forSiteMonth(siteId: string, month: string, db: Db = this.prisma) {
    return db.measureReport.findMany({ where: { siteId, month }, select: REPORT_SELECT });
  }

  forNetwork(
    networkId: string,
    filter: { measureId?: string; siteIds?: string[]; fromMonth?: string; toMonth?: string } = {},
  ) {
    return this.prisma.measureReport.findMany({
      where: {
        networkId,
        ...(filter.measureId ? { measureId: filter.measureId } : {}),
        ...(filter.siteIds ? { siteId: { in: filter.siteIds } } : {}),
        ...(filter.fromMonth || filter.toMonth ? { month: { gte: filter.fromMonth, lte: filter.toMonth } } : {}),
      },
      orderBy: [{ month: 'asc' }],
      select: REPORT_SELECT,
    });
  }

  /**
   * The numbers of submitted reports, by month. A narrow select on purpose: charts read a whole
   * network's history, and Prisma's cost grows with every column it maps (ids, dates).
   */
  /**
   * Every submitted number of a network (or one measure of it), oldest month first: the hot read of
   * charts and the aim, so a prepared statement rather than Prisma's compile per query. One text
   * with and one without the measure, so each plan can use the (network, measure, month) index.
   */
  submittedNumbers(
    networkId: string,
    filter: { measureId?: string; fromMonth?: string; toMonth?: string } = {},
  ): Promise<SubmittedNumbers[]> {
    const months = [filter.fromMonth ?? '0000-00', filter.toMonth ?? '9999-99'];
    const columns = `SELECT "siteId", "measureId", month, numerator, denominator, value FROM "MeasureReport"
      WHERE "networkId" = $1::uuid AND status = 'SUBMITTED' AND month >= $2::char(7) AND month <= $3::char(7)`;
    return filter.measureId
      ? this.prisma.read<SubmittedNumbers>(`${columns} AND "measureId" = $4::uuid ORDER BY month`, [
          networkId,
          ...months,
          filter.measureId,
        ])
      : this.prisma.read<SubmittedNumbers>(`${columns} ORDER BY month`, [networkId, ...months]);
  }

  /** A token that changes whenever a report of the measure is written: how many there are and the latest change. */
  async versionOf(measureId: string): Promise<string> {
    const [row] = await this.prisma.read<{ version: string }>(
      `SELECT count(*)::text || '|' || coalesce(max("updatedAt")::text, '') AS version FROM "MeasureReport" WHERE "measureId" = $1::uuid`,
      [measureId],
    );
    return row.version;
  }

  /** Submitted and draft counts per site and month, for the completeness grid. */
  statusCounts(networkId: string, fromMonth: string, toMonth: string) {
    return this.prisma.measureReport.groupBy({
      by: ['siteId', 'month', 'status'],
      where: { networkId, month: { gte: fromMonth, lte: toMonth } },
      _count: { _all: true },
      _max: { submittedAt: true },
    });
  }

  revisions(reportIds: string[]) {
    return this.prisma.measureReportRevision.findMany({
      where: { reportId: { in: reportIds } },
      orderBy: { version: 'desc' },
      select: {
        reportId: true,
        version: true,
        numerator: true,
        denominator: true,
        value: true,
        status: true,
        reason: true,
        changedAt: true,
        changedById: true,
      },
    });
  }

  userNames(ids: string[]) {
    return this.prisma.user
      .findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } })
      .then((users) => new Map(users.map((user) => [user.id, user.name])));
  }

  /** One site's report of one measure for one month, or null. */
  find(db: Db, { siteId, measureId, month }: { siteId: string; measureId: string; month: string }) {
    return db.measureReport.findUnique({
      where: { siteId_measureId_month: { siteId, measureId, month } },
      select: REPORT_SELECT,
    });
  }

  /**
   * Creates version 1 of a report; returns null when someone else created it in between (the
   * insert skips the duplicate rather than failing, which would abort the whole transaction).
   */
  async create(
    db: Db,
    key: { networkId: string; siteId: string; measureId: string; month: string },
    write: ReportWrite,
  ) {
    const { reason, changedById, at, ...values } = write;
    const [report] = await db.measureReport.createManyAndReturn({
      data: [
        {
          ...key,
          ...values,
          version: 1,
          updatedById: changedById,
          updatedAt: at,
          submittedAt: values.status === 'SUBMITTED' ? at : null,
        },
      ],
      skipDuplicates: true,
      select: REPORT_SELECT,
    });
    if (!report) return null;
    await db.measureReportRevision.create({
      data: { reportId: report.id, version: 1, ...values, reason, changedById, changedAt: at },
    });
    return report;
  }

  /**
   * Writes a new version when the report is still at `expectedVersion`; returns null when
   * someone else saved in between (optimistic concurrency), leaving the row as it is.
   */
  async update(db: Db, current: ReportRow, expectedVersion: number, write: ReportWrite) {
    const { reason, changedById, at, ...values } = write;
    const version = expectedVersion + 1;
    const submittedAt =
      values.status === 'SUBMITTED' ? (current.status === 'SUBMITTED' ? current.submittedAt : at) : null;
    const { count } = await db.measureReport.updateMany({
      where: { id: current.id, version: expectedVersion },
      data: { ...values, version, updatedById: changedById, updatedAt: at, submittedAt },
    });
    if (count === 0) return null;
    await db.measureReportRevision.create({
      data: { reportId: current.id, version, ...values, reason, changedById, changedAt: at },
    });
    return { ...current, ...values, version, updatedById: changedById, updatedAt: at, submittedAt };
  }
}
