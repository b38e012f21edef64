import { randomUUID } from 'node:crypto';
import { addMonths, type MonthKey, monthRange } from '@commons/shared';
import { z } from 'zod';
import type { Prisma } from '../generated/prisma/client';
import { ChartType, Direction, MeasureKind } from '../generated/prisma/enums';
import { readDemoData } from './demo-data';

/** The measures the generated reports below have numbers for, by their key. */
const GENERATED_MEASURES = [
  'remission',
  'growth-assessed',
  'tdm',
  'admissions',
  'wait-days',
  'steroid-courses',
] as const;

/**
 * data/measures.json: the demo network's outcome and process measures, its aim (on the outcome
 * measure; the baseline is the network's first months, the due date months after its start),
 * the driver diagram, and the reason given for the corrected reports.
 * A rate is charted per 1,000 units of exposure, so its definition and its target say the same:
 * the admissions target 0.012 is 12 per 1,000 patient-months, from about 19 when the network began.
 */
const measuresFileSchema = z
  .strictObject({
    measures: z.array(
      z.strictObject({
        key: z.enum(GENERATED_MEASURES),
        name: z.string().min(1),
        definition: z.string().min(1),
        numeratorDefinition: z.string(),
        denominatorDefinition: z.string(),
        inclusions: z.string(),
        exclusions: z.string(),
        kind: z.enum(MeasureKind),
        direction: z.enum(Direction),
        unit: z.string().min(1),
        target: z.number().nullable(),
        defaultChart: z.enum(ChartType),
      }),
    ),
    aim: z.strictObject({
      outcomeMeasure: z.enum(GENERATED_MEASURES),
      statement: z.string().min(1),
      baselineValue: z.number(),
      baselineMonths: z.number().int().min(1),
      targetValue: z.number(),
      dueAfterMonths: z.number().int().min(1),
    }),
    drivers: z.array(
      z.strictObject({
        title: z.string().min(1),
        description: z.string().min(1),
        secondary: z.array(z.string().min(1)),
      }),
    ),
    correctionReason: z.string().min(1),
  })
  .superRefine((file, context) => {
    const keys = file.measures.map((measure) => measure.key);
    for (const key of GENERATED_MEASURES)
      if (keys.filter((k) => k === key).length !== 1)
        context.addIssue({ code: 'custom', path: ['measures'], message: `needs measure "${key}" exactly once` });
  });

const MEASURES = readDemoData('measures.json', measuresFileSchema);

/** The demo network's outcome and process measures. */
export const DEMO_MEASURES = MEASURES.measures;

/** The key of the aim's outcome measure. */
export const DEMO_AIM_MEASURE = MEASURES.aim.outcomeMeasure;

/** The aim; its baseline is the network's first months. */
export function demoAim(firstMonth: MonthKey) {
  const { statement, baselineValue, baselineMonths, targetValue, dueAfterMonths } = MEASURES.aim;
  return {
    statement,
    baselineValue,
    baselineFrom: firstMonth,
    baselineTo: addMonths(firstMonth, baselineMonths - 1),
    targetValue,
    dueDate: new Date(`${addMonths(firstMonth, dueAfterMonths)}-01T00:00:00Z`),
  };
}

/** The driver diagram: primary drivers, each with its secondary drivers. */
export const DEMO_DRIVERS: { title: string; description: string; secondary: string[] }[] = MEASURES.drivers;

// Deterministic pseudo-random numbers (mulberry32), so every fresh start seeds the same data.
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function binomial(rand: () => number, n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; i += 1) if (rand() < p) k += 1;
  return k;
}

function poisson(rand: () => number, lambda: number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  let product = rand();
  while (product > limit) {
    k += 1;
    product *= rand();
  }
  return k;
}

/** Patients seen per month at each demo site: large university centres and small regional clinics. */
const SITE_SIZE = [72, 58, 84, 46, 22, 38, 64, 16];
/** Sites 0 (Riverside) and 2 (Lakeview) adopted pre-visit planning in month 10 and improved. */
const IMPROVING = new Set([0, 2]);
const CHANGE_MONTH = 10;

export const DEMO_MONTHS = 24;

/**
 * Sites with nothing for last month: Riverside (0), so the site lead sign-in always finds last
 * month waiting to be reported, and a small site (7) that is behind.
 */
const NOT_REPORTED_LAST_MONTH = new Set([0, 7]);

/** The day of the next month on which each demo site reports a month (at 09:00 UTC). */
const reportingDay = (site: number) => 5 + (site % 9);

/**
 * 24 months of reports for the demo measures at every site: noise around each site's level,
 * a real improvement at two sites, and a few corrected reports with their reasons. Every time
 * lies before `now` (default: the present): a site submits a month on its reporting day after
 * the month has ended, so last month is submitted only by the sites whose day has come; one small
 * site has a draft of it, and Riverside (the site lead's site) and another have nothing yet.
 */
export function demoReports(input: {
  firstMonth: MonthKey;
  networkId: string;
  siteIds: string[];
  measureIds: Record<string, string>;
  reporterBySite: string[];
  now?: Date;
}): { reports: Prisma.MeasureReportCreateManyInput[]; revisions: Prisma.MeasureReportRevisionCreateManyInput[] } {
  const now = input.now ?? new Date();
  const rand = random(20241101);
  const months: MonthKey[] = monthRange(input.firstMonth, addMonths(input.firstMonth, DEMO_MONTHS - 1));
  const reports: Prisma.MeasureReportCreateManyInput[] = [];
  const revisions: Prisma.MeasureReportRevisionCreateManyInput[] = [];
  input.siteIds.forEach((siteId, site) => {
    const size = SITE_SIZE[site % SITE_SIZE.length];
    const baseRemission = 0.56 + (site % 4) * 0.03;
    months.forEach((month, m) => {
      const lastMonth = m === months.length - 1;
      const submittedOn = new Date(`${addMonths(month, 1)}-${String(reportingDay(site)).padStart(2, '0')}T09:00:00Z`);
      // Last month: one small site has a draft (saved before the month ended), two sites have
      // nothing yet, and the others submit it once their reporting day has come.
      const draft = lastMonth && site === 4;
      const status = draft ? 'DRAFT' : 'SUBMITTED';
      const reportedAt = draft ? new Date(`${month}-28T16:00:00Z`) : submittedOn;
      const improved = IMPROVING.has(site) && m >= CHANGE_MONTH;
      const seen = Math.max(4, Math.round(size * (0.85 + rand() * 0.3)));
      const onBiologic = Math.max(2, Math.round(seen * 0.45));
      const values: Record<
        (typeof GENERATED_MEASURES)[number],
        { numerator: number | null; denominator: number | null; value: number | null }
      > = {
        remission: {
          numerator: binomial(rand, seen, baseRemission + (improved ? 0.17 : 0.01 * (m / 24))),
          denominator: seen,
          value: null,
        },
        'growth-assessed': {
          numerator: binomial(rand, seen, Math.min(0.97, 0.78 + (improved ? 0.14 : 0.02))),
          denominator: seen,
          value: null,
        },
        tdm: { numerator: binomial(rand, onBiologic, improved ? 0.88 : 0.64), denominator: onBiologic, value: null },
        admissions: {
          numerator: poisson(rand, size * 4 * (improved ? 0.011 : 0.019)),
          denominator: size * 4,
          value: null,
        },
        'wait-days': (() => {
          const newPatients = 1 + Math.floor(rand() * (size / 6));
          const mean = (improved ? 12 : 24) + (rand() - 0.5) * 8;
          return { numerator: null, denominator: newPatients, value: Math.round(mean * 10) / 10 };
        })(),
        'steroid-courses': {
          numerator: null,
          denominator: null,
          value: poisson(rand, size * (improved ? 0.07 : 0.12)),
        },
      };
      // Drawn all the same (above), so the other sites' numbers do not depend on the day of seeding.
      if (lastMonth && (NOT_REPORTED_LAST_MONTH.has(site) || (!draft && submittedOn > now))) return;
      for (const [key, v] of Object.entries(values)) {
        const id = randomUUID();
        const correctedAt = new Date(reportedAt.getTime() + 3 * 86_400_000);
        const corrected =
          status === 'SUBMITTED' && key === 'remission' && m % 7 === 3 && site % 3 === 0 && correctedAt <= now;
        const common = { status, changedById: input.reporterBySite[site] } as const;
        reports.push({
          id,
          networkId: input.networkId,
          siteId,
          measureId: input.measureIds[key],
          month,
          ...v,
          status,
          version: corrected ? 2 : 1,
          submittedAt: status === 'SUBMITTED' ? reportedAt : null,
          updatedAt: corrected ? correctedAt : reportedAt,
          updatedById: input.reporterBySite[site],
        });
        if (corrected) {
          revisions.push({
            reportId: id,
            version: 1,
            ...v,
            numerator: Math.max(0, (v.numerator ?? 0) - 2),
            ...common,
            reason: null,
            changedAt: reportedAt,
          });
          revisions.push({
            reportId: id,
            version: 2,
            ...v,
            ...common,
            reason: MEASURES.correctionReason,
            changedAt: correctedAt,
          });
        } else {
          revisions.push({ reportId: id, version: 1, ...v, ...common, reason: null, changedAt: reportedAt });
        }
      }
    });
  });
  return { reports, revisions };
}
