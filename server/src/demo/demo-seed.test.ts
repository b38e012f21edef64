import {
  addMonths,
  type MonthKey,
  monthKeyFromParts,
  RATE_DISPLAY_PER,
  reportSubmissionOpensAt,
} from '@commons/shared';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TestApp } from '../test-support/test-app';
import { DEMO_MEASURES } from './demo-measures';
import { seedDemoNetworkIfEmpty } from './seed-demo';

// Timestamp columns that hold a time to come by design, not something that happened.
const PLANNED_COLUMNS = new Set([
  'Session.expiresAt',
  'Invitation.expiresAt',
  'SearchOutbox.nextAttemptAt',
  'SearchOutbox.lockedUntil',
  'ChangeIdeaDecision.expiresAt',
  'Proposal.closesAt',
]);

/**
 * The demo seeded into a fresh database and checked against itself: what it shows must add up.
 * It is seeded at the most awkward moment for a timeline built from months, half an hour into a
 * month, so a "last month" event placed on a day of this month would lie in the future.
 */
describe('the demo seed', () => {
  let app: TestApp;
  let seededAt: Date;
  let networkId: string;

  beforeAll(async () => {
    app = await TestApp.start();
    const now = new Date();
    // In the future, so that rows the database stamps with its own clock are never later than it.
    seededAt = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 2, 1, 0, 30));
    vi.useFakeTimers({ toFake: ['Date'], now: seededAt });
    try {
      expect(await seedDemoNetworkIfEmpty(app.prisma, pino({ level: 'silent' }))).toBe(true);
    } finally {
      vi.useRealTimers();
    }
    networkId = (await app.prisma.network.findFirstOrThrow({ select: { id: true } })).id;
  }, 180_000);

  afterAll(() => app?.stop());

  it('has no time after the moment it was seeded', async () => {
    const columns = await app.prisma.$queryRaw<{ table: string; column: string }[]>`
      SELECT table_name::text AS "table", column_name::text AS "column" FROM information_schema.columns
      WHERE table_schema = current_schema() AND data_type IN ('timestamp without time zone', 'timestamp with time zone')
        AND table_name <> '_prisma_migrations'`;
    expect(columns.length).toBeGreaterThan(30);
    const late: string[] = [];
    for (const { table, column } of columns) {
      if (PLANNED_COLUMNS.has(`${table}.${column}`)) continue;
      const [row] = await app.prisma.$queryRawUnsafe<{ latest: Date | null; count: bigint }[]>(
        `SELECT max("${column}") AS latest, count(*) FILTER (WHERE "${column}" > $1) AS count FROM "${table}"`,
        seededAt,
      );
      if (row.count > 0n)
        late.push(
          `${table}.${column}: ${row.count} after ${seededAt.toISOString()}, latest ${row.latest?.toISOString()}`,
        );
    }
    expect(late).toEqual([]);
  });

  it("submits each month only once it has ended, and keeps every report's revisions in order", async () => {
    const reports = await app.prisma.measureReport.findMany({
      where: { networkId },
      select: {
        month: true,
        status: true,
        version: true,
        submittedAt: true,
        updatedAt: true,
        revisions: { orderBy: { version: 'asc' }, select: { version: true, changedAt: true, status: true } },
      },
    });
    expect(reports.length).toBeGreaterThan(1000);
    const problems: string[] = [];
    for (const report of reports) {
      const { revisions } = report;
      if (revisions.map((r) => r.version).join() !== Array.from({ length: report.version }, (_, i) => i + 1).join())
        problems.push(`${report.month}: versions ${revisions.map((r) => r.version).join()}`);
      revisions.slice(1).forEach((revision, i) => {
        if (revision.changedAt < revisions[i].changedAt)
          problems.push(`${report.month}: version ${revision.version} before version ${revisions[i].version}`);
      });
      if (revisions.at(-1)!.changedAt.getTime() !== report.updatedAt.getTime())
        problems.push(`${report.month}: updated at another time than its last revision`);
      if (report.status === 'SUBMITTED') {
        const opens = reportSubmissionOpensAt(report.month as MonthKey);
        if (!report.submittedAt || report.submittedAt < opens)
          problems.push(`${report.month}: submitted ${report.submittedAt?.toISOString()} before the month ended`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps the versions of resources, the messages of threads and the decisions on ideas in order', async () => {
    const resources = await app.prisma.resource.findMany({
      where: { networkId },
      select: {
        title: true,
        createdAt: true,
        updatedAt: true,
        adaptedFrom: { select: { createdAt: true } },
        versions: { orderBy: { version: 'asc' }, select: { editedAt: true } },
      },
    });
    const problems: string[] = [];
    for (const resource of resources) {
      const times = resource.versions.map((v) => v.editedAt.getTime());
      if (times.some((time, i) => i > 0 && time < times[i - 1]))
        problems.push(`${resource.title}: versions out of order`);
      if (times[0] !== resource.createdAt.getTime() || times.at(-1) !== resource.updatedAt.getTime())
        problems.push(`${resource.title}: created or updated at another time than its versions`);
      if (resource.adaptedFrom && resource.adaptedFrom.createdAt > resource.createdAt)
        problems.push(`${resource.title}: adapted before its original existed`);
    }
    const messages = await app.prisma.message.findMany({
      select: { threadId: true, seq: true, createdAt: true },
      orderBy: [{ threadId: 'asc' }, { seq: 'asc' }],
    });
    messages.slice(1).forEach((message, i) => {
      const previous = messages[i];
      if (message.threadId === previous.threadId && message.createdAt < previous.createdAt)
        problems.push(`message ${message.seq} of a thread before message ${previous.seq}`);
    });
    const ideas = await app.prisma.changeIdea.findMany({
      where: { networkId },
      select: {
        title: true,
        createdAt: true,
        decisions: {
          where: { status: 'TAKEN' },
          orderBy: { decidedAt: 'asc' },
          select: { fromStatus: true, toStatus: true, decidedAt: true },
        },
        coDesigners: { select: { invitedAt: true, joinedAt: true } },
      },
    });
    for (const idea of ideas) {
      idea.decisions.forEach((decision, i) => {
        const from = i === 0 ? 'PROPOSED' : idea.decisions[i - 1].toStatus;
        if (decision.fromStatus !== from)
          problems.push(`${idea.title}: decision ${i + 1} starts from ${decision.fromStatus}, not ${from}`);
        if (decision.decidedAt && decision.decidedAt < idea.createdAt)
          problems.push(`${idea.title}: decided before it was proposed`);
      });
      for (const coDesigner of idea.coDesigners) {
        if (coDesigner.joinedAt && coDesigner.joinedAt < coDesigner.invitedAt)
          problems.push(`${idea.title}: a co-designer joined before being invited`);
      }
    }
    const memberships = await app.prisma.membership.findMany({
      where: { networkId },
      select: { joinedAt: true, network: { select: { startedOn: true } } },
    });
    for (const membership of memberships) {
      if (membership.joinedAt < membership.network.startedOn)
        problems.push(`a member joined on ${membership.joinedAt.toISOString()}, before the network started`);
    }
    expect(problems).toEqual([]);
  });

  it('counts no downloads of files that are not there', async () => {
    const resources = await app.prisma.resource.findMany({
      where: { networkId },
      select: { title: true, downloadCount: true, attachments: { select: { downloadCount: true } } },
    });
    const overcounted = resources
      .filter(
        (resource) =>
          resource.downloadCount >
          resource.attachments.reduce((total, attachment) => total + attachment.downloadCount, 0),
      )
      .map(
        (resource) => `${resource.title}: ${resource.downloadCount} downloads of ${resource.attachments.length} files`,
      );
    expect(overcounted).toEqual([]);
  });

  it('states every measure in the unit it is charted and targeted in, with a target ahead of where the network began', async () => {
    const firstMonth = monthKeyFromParts(seededAt.getUTCFullYear(), seededAt.getUTCMonth() + 1);
    const baselineMonths = [0, 1, 2, 3, 4, 5].map((i) => addMonths(addMonths(firstMonth, -24), i));
    const problems: string[] = [];
    for (const demo of DEMO_MEASURES) {
      const measure = await app.prisma.measure.findFirstOrThrow({
        where: { networkId, key: demo.key },
        select: { id: true, kind: true, direction: true, unit: true, target: true, definition: true },
      });
      const per = /per ([\d,]+)/.exec(measure.definition)?.[1];
      if (measure.kind === 'RATE' && Number(per?.replace(/,/g, '')) !== RATE_DISPLAY_PER)
        problems.push(`${demo.key}: defined per ${per}, charted per ${RATE_DISPLAY_PER}`);
      if (measure.kind !== 'RATE' && per)
        problems.push(`${demo.key}: a ${measure.kind.toLowerCase()} defined per ${per}`);
      if (
        measure.kind === 'PROPORTION' &&
        (measure.unit !== '%' || (measure.target !== null && (measure.target <= 0 || measure.target > 1)))
      )
        problems.push(`${demo.key}: a proportion with unit ${measure.unit} and target ${measure.target}`);
      if (measure.target === null) continue;
      const reports = await app.prisma.measureReport.findMany({
        where: { measureId: measure.id, status: 'SUBMITTED', month: { in: baselineMonths } },
        select: { numerator: true, denominator: true, value: true },
      });
      const sum = (pick: (r: (typeof reports)[number]) => number | null) =>
        reports.reduce((total, r) => total + (pick(r) ?? 0), 0);
      const baseline =
        measure.kind === 'MEAN'
          ? sum((r) => (r.value ?? 0) * (r.denominator ?? 0)) / sum((r) => r.denominator)
          : measure.kind === 'COUNT'
            ? sum((r) => r.value) / baselineMonths.length
            : sum((r) => r.numerator) / sum((r) => r.denominator);
      // A target in another unit (per 100 for per 1,000, days for weeks) is off by a factor of 7 or more.
      if (measure.target / baseline > 5 || baseline / measure.target > 5)
        problems.push(`${demo.key}: target ${measure.target} against a baseline of ${baseline}`);
      const ahead = measure.direction === 'UP' ? measure.target > baseline : measure.target < baseline;
      if (!ahead)
        problems.push(
          `${demo.key}: target ${measure.target} is no improvement on the baseline ${baseline} (${measure.direction})`,
        );
    }
    expect(problems).toEqual([]);
  });
});
