import { addMonths, type MonthKey, monthKeyFromParts } from '@commons/shared';
import { stringify } from 'csv-stringify/sync';
import type { TestMember } from './test-app';

export type MeasureKind = 'PROPORTION' | 'RATE' | 'MEAN' | 'COUNT';

export interface TestMeasure {
  id: string;
  key: string;
  name: string;
  kind: MeasureKind;
  direction: 'UP' | 'DOWN';
  defaultChart: string;
}

export const MEASURE_FIELDS = 'id key name kind direction unit target defaultChart position';

const KIND_DEFAULTS: Record<MeasureKind, { direction: 'UP' | 'DOWN'; defaultChart: string; unit: string }> = {
  PROPORTION: { direction: 'UP', defaultChart: 'P', unit: '%' },
  RATE: { direction: 'DOWN', defaultChart: 'U', unit: 'per patient-month' },
  MEAN: { direction: 'DOWN', defaultChart: 'I', unit: 'days' },
  COUNT: { direction: 'DOWN', defaultChart: 'C', unit: 'courses' },
};

let measureCounter = 0;

/** The input of `createMeasure` for a measure of `kind`, with sensible defaults. */
export function measureInput(kind: MeasureKind = 'PROPORTION', overrides: Record<string, unknown> = {}) {
  const n = ++measureCounter;
  return {
    key: `${kind.toLowerCase()}-${n}`,
    name: `${kind.charAt(0)}${kind.slice(1).toLowerCase()} measure ${n}`,
    definition: `What ${kind.toLowerCase()} measure ${n} means.`,
    kind,
    ...KIND_DEFAULTS[kind],
    target: null,
    ...overrides,
  };
}

/** A measure defined by the network admin through the real `createMeasure` mutation. */
export async function newMeasure(
  admin: TestMember,
  networkId: string,
  kind: MeasureKind = 'PROPORTION',
  overrides: Record<string, unknown> = {},
): Promise<TestMeasure> {
  const data = await admin.client.ok(
    `mutation($networkId: ID!, $input: MeasureInput!) { createMeasure(networkId: $networkId, input: $input) { ${MEASURE_FIELDS} } }`,
    {
      networkId,
      input: measureInput(kind, overrides),
    },
  );
  return data.createMeasure;
}

/** One measure of each kind, made in this order: PROPORTION, RATE, MEAN, COUNT. */
export async function newMeasureSet(admin: TestMember, networkId: string) {
  const proportion = await newMeasure(admin, networkId, 'PROPORTION');
  const rate = await newMeasure(admin, networkId, 'RATE');
  const mean = await newMeasure(admin, networkId, 'MEAN');
  const count = await newMeasure(admin, networkId, 'COUNT');
  return { proportion, rate, mean, count, all: [proportion, rate, mean, count] };
}

export interface CsvRow {
  site: string;
  measure: string;
  month: string;
  numerator?: number | string | null;
  denominator?: number | string | null;
  value?: number | string | null;
}

/** A reports CSV file (the import format), header first. */
export function reportsCsv(rows: CsvRow[]): string {
  return stringify(
    rows.map((row) => ({
      site: row.site,
      measure: row.measure,
      month: row.month,
      numerator: row.numerator ?? '',
      denominator: row.denominator ?? '',
      value: row.value ?? '',
    })),
    { header: true, columns: ['site', 'measure', 'month', 'numerator', 'denominator', 'value'] },
  );
}

/** Submitted reports made through the real CSV import (one transaction) by `member`; returns its summary. */
export async function importReports(member: TestMember, networkId: string, rows: CsvRow[]) {
  const data = await member.client.ok(
    `mutation($networkId: ID!, $csv: String!) { commitMeasureImport(networkId: $networkId, csv: $csv) { rows changes unchanged } }`,
    {
      networkId,
      csv: reportsCsv(rows),
    },
  );
  return data.commitMeasureImport as { rows: number; changes: number; unchanged: number };
}

/** The month `count` months before the current one (UTC): 0 is this month. */
export function monthsAgo(count: number): MonthKey {
  const now = new Date();
  return addMonths(monthKeyFromParts(now.getUTCFullYear(), now.getUTCMonth() + 1), -count);
}

export const REPORT_ENTRY_FIELDS = `measure { id key kind } reportId numerator denominator value status version updatedAt updatedByName
  history { version numerator denominator value status reason changedByName changedAt }`;

export const SAVE_MONTH = `mutation($input: SaveMonthReportInput!) {
  saveMonthReport(input: $input) { site { id } month dueDate entries { ${REPORT_ENTRY_FIELDS} } }
}`;

export const MONTH_REPORT = `query($networkId: ID!, $siteId: ID!, $month: String!) {
  monthReport(networkId: $networkId, siteId: $siteId, month: $month) { site { id } month dueDate entries { ${REPORT_ENTRY_FIELDS} } }
}`;

export interface EntryInput {
  measureId: string;
  numerator?: number | null;
  denominator?: number | null;
  value?: number | null;
  expectedVersion?: number;
}

/** Sends `saveMonthReport` as `member` (expectedVersion defaults to 0); returns the raw response. */
export function saveMonth(
  member: TestMember,
  input: {
    networkId: string;
    siteId: string;
    month: string;
    submit: boolean;
    reason?: string | null;
    entries: EntryInput[];
  },
) {
  return member.client.gql(SAVE_MONTH, {
    input: { ...input, entries: input.entries.map((e) => ({ expectedVersion: 0, ...e })) },
  });
}
