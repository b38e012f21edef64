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
  const file = `data/${name}`;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path.join(DATA_DIR, name), 'utf8'));
  } catch (error) {
    throw new Error(`Demo data file ${file} cannot be read: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new Error(demoDataProblem(file, parsed.error));
  return parsed.data;
}

/** The message for a demo data file that does not have its expected shape: one line per wrong field. */
export function demoDataProblem(file: string, error: z.ZodError): string {
  const fields = error.issues.map(
    (issue) => `  ${file}: ${fieldPath(issue.path) || '(the whole file)'}: ${issue.message}`,
  );
  return [`Demo data file ${file} is malformed:`, ...fields].join('\n');
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
