import { randomUUID } from 'node:crypto';
import { addMonths, type MonthKey, monthRange } from '@commons/shared';
import type { Prisma } from '../generated/prisma/client';

/** The demo network's outcome and process measures. */
export const DEMO_MEASURES = [
  {
    key: 'remission',
    name: 'Steroid-free remission',
    definition: 'Children and young people with IBD seen this month who are in remission without steroids.',
    numeratorDefinition:
      'Patients seen this month with a physician global assessment of "quiescent" and no steroids in the last 90 days.',
    denominatorDefinition: 'Patients with IBD seen in clinic this month.',
    inclusions: "Crohn's disease, ulcerative colitis and IBD-unclassified, aged 2 to 18.",
    exclusions: 'Diagnosed less than 90 days ago.',
    kind: 'PROPORTION',
    direction: 'UP',
    unit: '%',
    target: 0.8,
    defaultChart: 'P',
  },
  {
    key: 'growth-assessed',
    name: 'Growth assessed at visit',
    definition: 'Visits where height, weight and BMI were measured and plotted.',
    numeratorDefinition: 'Visits with height, weight and BMI recorded.',
    denominatorDefinition: 'Clinic visits this month.',
    inclusions: 'All IBD clinic visits.',
    exclusions: 'Telephone and video visits.',
    kind: 'PROPORTION',
    direction: 'UP',
    unit: '%',
    target: 0.95,
    defaultChart: 'P',
  },
  {
    key: 'tdm',
    name: 'Biologic drug levels checked',
    definition: 'Patients on anti-TNF therapy with a drug level measured in the last 12 months.',
    numeratorDefinition: 'Patients on anti-TNF with a trough level in the last 12 months.',
    denominatorDefinition: 'Patients on anti-TNF therapy seen this month.',
    inclusions: 'Infliximab and adalimumab.',
    exclusions: 'Started anti-TNF less than 8 weeks ago.',
    kind: 'PROPORTION',
    direction: 'UP',
    unit: '%',
    target: 0.9,
    defaultChart: 'P',
  },
  {
    key: 'admissions',
    name: 'Unplanned IBD admissions',
    // Rates are charted per 1,000 units of exposure, so the definition and the target say the same.
    definition:
      "Unplanned hospital admissions for IBD per 1,000 patient-months: each patient in the site's registry counts one patient-month a month.",
    numeratorDefinition: 'Unplanned admissions with IBD as the main reason.',
    denominatorDefinition: 'Patients in the site registry this month (one patient-month each).',
    inclusions: 'Emergency and unplanned elective admissions.',
    exclusions: 'Planned infusions and scheduled procedures.',
    kind: 'RATE',
    direction: 'DOWN',
    unit: 'patient-months',
    // 12 per 1,000 patient-months, from about 19 when the network began.
    target: 0.012,
    defaultChart: 'U',
  },
  {
    key: 'wait-days',
    name: 'Days from referral to first visit',
    definition: 'Average days from a referral being received to the first IBD clinic visit.',
    numeratorDefinition: 'Sum of days waited by new patients seen this month.',
    denominatorDefinition: 'New patients seen this month.',
    inclusions: 'New referrals with suspected IBD.',
    exclusions: 'Transfers from another IBD centre.',
    kind: 'MEAN',
    direction: 'DOWN',
    unit: 'days',
    target: 14,
    defaultChart: 'I',
  },
  {
    key: 'steroid-courses',
    name: 'New steroid courses',
    definition: 'Courses of systemic steroids started for IBD this month.',
    numeratorDefinition: '',
    denominatorDefinition: '',
    inclusions: 'Oral prednisolone and IV methylprednisolone for IBD.',
    exclusions: 'Budesonide.',
    kind: 'COUNT',
    direction: 'DOWN',
    unit: 'courses',
    target: null,
    defaultChart: 'C',
  },
] as const;

/** The aim; its baseline is the network's first six months. */
export function demoAim(firstMonth: MonthKey) {
  return {
    statement:
      'Within three years, 80% of children and young people with IBD in our network will be in steroid-free remission (from 62% in our first six months).',
    baselineValue: 0.62,
    baselineFrom: firstMonth,
    baselineTo: addMonths(firstMonth, 5),
    targetValue: 0.8,
    dueDate: new Date(`${addMonths(firstMonth, 36)}-01T00:00:00Z`),
  };
}

export const DEMO_DRIVERS: { title: string; description: string; secondary: string[] }[] = [
  {
    title: 'Reliable, proactive care at every visit',
    description: 'Every child gets the right assessment and treatment at the right time.',
    secondary: [
      'Pre-visit planning huddles',
      'Therapeutic drug monitoring for biologics',
      'Growth and nutrition assessed at every visit',
    ],
  },
  {
    title: 'Activated, supported families and young people',
    description: 'Patients and families have the knowledge, confidence and support to manage IBD.',
    secondary: ['Shared decision making about treatment', 'School support plans', 'Peer support from other families'],
  },
  {
    title: 'Population management with accurate data',
    description: 'Teams know which patients need attention before they become unwell.',
    secondary: ['Registry reviewed monthly', 'Outreach to patients overdue for review'],
  },
  {
    title: 'Timely access to specialist care',
    description: 'New and flaring patients are seen quickly.',
    secondary: ['Rapid-access flare clinic', 'Telephone advice line for families'],
  },
];

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
      const values: Record<string, { numerator: number | null; denominator: number | null; value: number | null }> = {
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
            reason: 'Two patients seen at the satellite clinic were missing from the first extract.',
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
