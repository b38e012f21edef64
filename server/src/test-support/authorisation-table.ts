import { type Role, ROLES } from '@commons/shared';
import { errorOf, type GraphqlResponse } from './graphql-client';

/**
 * Authorisation tables: every role, plus a non-member (the admin of another network) and a
 * signed-out visitor. Cells: ok = allowed, F = FORBIDDEN, NF = NOT_FOUND (nothing is revealed),
 * UA = UNAUTHENTICATED; `|` only separates groups of columns.
 */
export type Actor = Role | 'NON_MEMBER' | 'SIGNED_OUT';
export type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHENTICATED';

export const ACTORS: Actor[] = [...ROLES, 'NON_MEMBER', 'SIGNED_OUT'];
const CELLS: Record<string, Outcome> = { ok: 'ok', F: 'FORBIDDEN', NF: 'NOT_FOUND', UA: 'UNAUTHENTICATED' };

/** Turns a table of actor → cells (one per column) into test cases: [actor, column label, expected outcome, column]. */
export function authorisationCases<C>(
  columns: C[],
  table: Record<Actor, string>,
  label: (column: C) => string = String,
): [Actor, string, Outcome, C][] {
  return ACTORS.flatMap((actor) => {
    const cells = table[actor].split(/\s+/).filter((cell) => cell && cell !== '|');
    if (cells.length !== columns.length)
      throw new Error(`${actor}: ${cells.length} cells for ${columns.length} columns`);
    return cells.map((cell, i): [Actor, string, Outcome, C] => {
      if (!(cell in CELLS)) throw new Error(`${actor}: unknown cell ${cell}`);
      return [actor, label(columns[i]), CELLS[cell], columns[i]];
    });
  });
}

/** 'ok', or the error code a response carries. */
export const outcomeOf = <O extends string = Outcome>(result: GraphqlResponse): O | 'ok' =>
  result.errors?.length ? (errorOf(result).code as O) : 'ok';

/**
 * How a member stands with a site, for every rule that says "her own site" (unsuppressed
 * numbers, the month form, the site's thread). CONFIRMED: it is her site (set by an admin or an
 * invitation, or her request to join it was confirmed). PENDING: she asked to join it and nobody
 * answered yet. OUTSIDER: she belongs to another site or to none. Tables put PENDING beside
 * OUTSIDER: until a request is confirmed, the member must be treated exactly as an outsider.
 */
export const SITE_STANDINGS = ['CONFIRMED', 'PENDING', 'OUTSIDER'] as const;
export type SiteStanding = (typeof SITE_STANDINGS)[number];
