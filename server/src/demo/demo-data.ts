import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROLES } from '@commons/shared';
import { z } from 'zod';

/** The demo's content: JSON and Markdown files beside the code (copied into dist by the build). */
const DATA_DIR = path.join(__dirname, 'data');

/**
 * A JSON file of the demo's data, checked against the shape its seeder expects. A malformed file
 * fails with its name and the path of each wrong field, e.g. `data/people.json: sites[2].city: ...`.
 */
export function readDemoData<S extends z.ZodType>(name: string, schema: S): z.output<S> {
  return parseDemoData(name, readFileSync(path.join(DATA_DIR, name), 'utf8'), schema);
}

/** The text of demo data file `name` parsed and checked against `schema` (see readDemoData). */
export function parseDemoData<S extends z.ZodType>(name: string, text: string, schema: S): z.output<S> {
  const file = `data/${name}`;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`Demo data file ${file} is not JSON: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new Error(demoDataProblem(file, parsed.error));
  return parsed.data;
}

/** The message for a demo data file that does not have its expected shape: one line per wrong field. */
function demoDataProblem(file: string, error: z.ZodError): string {
  const fields = error.issues.map(
    (issue) => `  ${file}: ${fieldPath(issue.path) || '(the whole file)'}: ${describe(issue)}`,
  );
  return [`Demo data file ${file} is malformed:`, ...fields].join('\n');
}

/** What is wrong; for a value that may take several forms, what is wrong with it in each form. */
function describe(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return issue.message;
  const forms = issue.errors.map(
    (form, i) =>
      `(${i + 1}) ${form.map((sub) => (sub.path.length ? `${fieldPath(sub.path)}: ` : '') + describe(sub)).join('; ')}`,
  );
  return `none of its forms fits: ${forms.join(' ')}`;
}

function fieldPath(path: PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}

/** A Markdown text of the demo, without the final new line every file ends with. */
export function readDemoMarkdown(name: string): string {
  return readFileSync(path.join(DATA_DIR, name), 'utf8').replace(/\n$/, '');
}

/** A member's role in the network. */
export const roleSchema = z.enum(ROLES);

/** An index into the demo's sites (data/people.json), or null for someone network-wide. */
export const siteIndexSchema = z.number().int().min(0);

/**
 * Who someone in the demo is: a memorable sign-in by the part of her email before the @
 * ('patient'), or the nth member (default the first) with a role at a site (null: network-wide).
 */
export const whoSchema = z.union([
  z.string().min(1),
  z.strictObject({ role: roleSchema, site: siteIndexSchema.nullable(), n: z.number().int().min(0).optional() }),
]);
export type Who = z.output<typeof whoSchema>;

/** A day of the demo: months after the network's first month, and the day of that month. */
export const daySchema = z.tuple([z.number().int().min(0), z.number().int().min(1).max(28)]);
export type Day = z.output<typeof daySchema>;
