import { type FieldIssue, fieldIssue, type MeasureKind, reportValueIssues, type ReportValues } from '@commons/shared';
import type { CombinedError } from '@urql/core';
import type { TFunction } from 'i18next';
import { fieldNameOf, type FormErrors, translateIssue } from '../graphql/errors';

/** The numbers a month report holds for one measure. */
export type EntryField = 'numerator' | 'denominator' | 'value';

export type ReportStatus = 'DRAFT' | 'SUBMITTED';

/** Saved numbers of one measure, as the server holds them. */
export interface SavedNumbers {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

/** One measure's row of the month form: what is typed, and the saved state it was loaded from. */
export interface FormEntry {
  measureId: string;
  kind: MeasureKind;
  text: Record<EntryField, string>;
  /** The version to send back as expectedVersion (0 when nothing is saved yet). */
  version: number;
  status: ReportStatus | null;
  saved: SavedNumbers;
}

/** A teammate's numbers that won the race, from a CONFLICT error's `extensions.current`. */
export interface ConflictEntry extends SavedNumbers {
  measureId: string;
  status: ReportStatus;
  version: number;
  updatedByName: string;
  updatedAt: string;
}

/** The inputs a measure kind asks for, in form order. */
export function fieldsFor(kind: MeasureKind): readonly EntryField[] {
  switch (kind) {
    case 'PROPORTION':
    case 'RATE':
      return ['numerator', 'denominator'];
    case 'MEAN':
      return ['value', 'denominator'];
    case 'COUNT':
      return ['value'];
  }
}

/** The form's key for one input: "<measureId>.numerator". */
export const fieldKey = (measureId: string, field: EntryField) => `${measureId}.${field}`;

/** A typed number: '' is nothing, a decimal comma is accepted (Swedish), anything else not a number is NaN. */
export function parseNumberText(text: string): number | null {
  const trimmed = text.trim().replace(/\s/g, '');
  if (trimmed === '') return null;
  const normalised = trimmed.replace(',', '.');
  return /^-?(\d+\.?\d*|\.\d+)$/.test(normalised) ? Number(normalised) : Number.NaN;
}

const numberText = (value: number | null) => (value === null ? '' : String(value));

/** A form row from saved numbers (or an empty one). */
export function formEntry(
  measureId: string,
  kind: MeasureKind,
  saved: SavedNumbers,
  version: number,
  status: ReportStatus | null,
): FormEntry {
  return {
    measureId,
    kind,
    version,
    status,
    saved,
    text: {
      numerator: numberText(saved.numerator),
      denominator: numberText(saved.denominator),
      value: numberText(saved.value),
    },
  };
}

/** The numbers of a row that its kind uses; the others are sent as null. */
export function entryNumbers(entry: FormEntry): SavedNumbers {
  const used = fieldsFor(entry.kind);
  const read = (field: EntryField) => (used.includes(field) ? parseNumberText(entry.text[field]) : null);
  return { numerator: read('numerator'), denominator: read('denominator'), value: read('value') };
}

const same = (a: SavedNumbers, b: SavedNumbers) =>
  a.numerator === b.numerator && a.denominator === b.denominator && a.value === b.value;

/** True when a row differs from what is saved. */
export function isChanged(entry: FormEntry): boolean {
  return !same(entryNumbers(entry), entry.saved);
}

/** True when saving would change numbers that were already submitted (which needs a reason). */
export function changesSubmitted(entries: readonly FormEntry[]): boolean {
  return entries.some((entry) => entry.status === 'SUBMITTED' && isChanged(entry));
}

/** The entries of the save mutation, one per row in form order (so error paths index the rows). */
export function toEntryInputs(entries: readonly FormEntry[]) {
  return entries.map((entry) => ({
    measureId: entry.measureId,
    expectedVersion: entry.version,
    ...entryNumbers(entry),
  }));
}

/**
 * Problems found before sending, named like the server names them ("entries.2.numerator",
 * "reason"): the shared value rules per kind; a draft may be incomplete but never wrong.
 */
export function reportIssues(
  entries: readonly FormEntry[],
  options: { submit: boolean; reason: string },
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  entries.forEach((entry, index) => {
    const prefix = `entries.${index}`;
    const numbers = entryNumbers(entry);
    const notNumbers = fieldsFor(entry.kind).filter((field) => Number.isNaN(numbers[field] ?? 0));
    for (const field of notNumbers) issues.push(fieldIssue(`${prefix}.${field}`, 'not_a_number'));
    const values: ReportValues = { ...numbers };
    for (const field of notNumbers) values[field] = null;
    const found = reportValueIssues(entry.kind, values, prefix).filter(
      (issue) => !notNumbers.some((field) => issue.field === `${prefix}.${field}`),
    );
    issues.push(...(options.submit ? found : found.filter((issue) => issue.code !== 'required')));
  });
  if (changesSubmitted(entries) && !options.reason.trim()) issues.push(fieldIssue('reason', 'change_reason_required'));
  return issues;
}

/**
 * Places issues on the form's inputs: "input.entries.2.numerator" (server) and
 * "entries.2.numerator" (client) go to the numerator of the third row sent; "input.reason" to the
 * reason; anything else to the form as a whole.
 */
export function reportFormErrors(
  issues: readonly FieldIssue[],
  sentMeasureIds: readonly string[],
  t: TFunction,
): FormErrors<string> {
  const result: FormErrors<string> = { fields: {}, form: [] };
  for (const issue of issues) {
    const message = translateIssue(issue, t);
    const entry = /^(?:input\.)?entries\.(\d+)\.(numerator|denominator|value)$/.exec(issue.field);
    const measureId = entry ? sentMeasureIds[Number(entry[1])] : undefined;
    const name = entry ? (measureId ? fieldKey(measureId, entry[2] as EntryField) : null) : fieldNameOf(issue.field);
    if (name && (entry || name === 'reason' || name === 'month')) result.fields[name] ??= message;
    else result.form.push(message);
  }
  return result;
}

const isStatus = (value: unknown): value is ReportStatus => value === 'DRAFT' || value === 'SUBMITTED';
const numberOrNull = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** The teammate's current numbers from a CONFLICT error, or null when the error is something else. */
export function conflictEntries(error: CombinedError | null | undefined): ConflictEntry[] | null {
  const conflict = error?.graphQLErrors.find((e) => e.extensions?.code === 'CONFLICT');
  const current = conflict?.extensions?.current;
  if (!Array.isArray(current)) return null;
  return current
    .filter(
      (c): c is Record<string, unknown> =>
        typeof c === 'object' && c !== null && typeof (c as { measureId?: unknown }).measureId === 'string',
    )
    .map((c) => ({
      measureId: String(c.measureId),
      numerator: numberOrNull(c.numerator),
      denominator: numberOrNull(c.denominator),
      value: numberOrNull(c.value),
      status: isStatus(c.status) ? c.status : 'DRAFT',
      version: typeof c.version === 'number' ? c.version : 0,
      updatedByName: typeof c.updatedByName === 'string' ? c.updatedByName : '',
      updatedAt: typeof c.updatedAt === 'string' ? c.updatedAt : '',
    }));
}

/** The form with the teammate's numbers in place of the conflicting rows ("Use their numbers"). */
export function withTheirNumbers(entries: readonly FormEntry[], theirs: readonly ConflictEntry[]): FormEntry[] {
  const byMeasure = new Map(theirs.map((c) => [c.measureId, c]));
  return entries.map((entry) => {
    const their = byMeasure.get(entry.measureId);
    return their ? formEntry(entry.measureId, entry.kind, their, their.version, their.status) : entry;
  });
}

/** The form keeping what was typed, but based on the teammate's versions ("Keep mine and save again"). */
export function keepingMine(entries: readonly FormEntry[], theirs: readonly ConflictEntry[]): FormEntry[] {
  const byMeasure = new Map(theirs.map((c) => [c.measureId, c]));
  return entries.map((entry) => {
    const their = byMeasure.get(entry.measureId);
    if (!their) return entry;
    return {
      ...entry,
      version: their.version,
      status: their.status,
      saved: { numerator: their.numerator, denominator: their.denominator, value: their.value },
    };
  });
}
