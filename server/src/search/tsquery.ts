import { Prisma } from '../generated/prisma/client';

// The tsquery building shared by the resource engine and the idea and group search.

/** How a query's words combine: every word must match, or any may. */
export type Mode = 'all' | 'any';

/** Letters of a query word looked for to place a snippet (stems differ from words at the end: "colonoscopy" → "colonoscopi"). */
const SNIPPET_STEM = 5;

/** A query word as the network's vocabulary knows it (one row of the engine's term lookup). */
export interface TermRow {
  idx: number;
  term: string;
  known: boolean;
  similar: string[];
  /**
   * Resources estimated to hold the word, from the vocabulary's counts of every word sharing its
   * stem (for the last word, every word it starts), plus its corrections' when it is unknown; null
   * when the vocabulary cannot tell (words under 3 letters) or the word does not narrow a search
   * (a stop word).
   */
  documents: number | null;
  /** For the last word: every word of the vocabulary it starts (or whose stem it starts), when there are at most COMPLETIONS_LISTED. */
  completions: string[] | null;
  /** Resources of the network, counted up to exactLimit + 1. */
  resources: number;
}

/**
 * How many resources a query may match at most: every word must match, so no more than its
 * rarest word holds; any word may, so no more than all of them together. Words the vocabulary
 * cannot tell about (under 3 letters) do not narrow it.
 */
export function estimatedMatches(rows: TermRow[], mode: Mode): number {
  const known = rows.map((row) => row.documents).filter((documents): documents is number => documents !== null);
  if (known.length === 0) return Number.POSITIVE_INFINITY;
  if (mode === 'any') return known.length < rows.length ? Number.POSITIVE_INFINITY : known.reduce((a, b) => a + b, 0);
  return Math.min(...known);
}

export interface TsQueries {
  /** What a document must match. */
  match: Prisma.Sql;
  /**
   * What the GIN index is asked for when every match is read: the words the vocabulary knows
   * (a prefix of one or two letters would make the index read most of its entries); the rest of
   * `match` is checked on the rows it finds.
   */
  index: Prisma.Sql;
  /** The same with every word, for when the matches are known to be rare. */
  everyWordIndex: Prisma.Sql;
  /** The words as typed (with corrections), for highlighting where stems do not line up. */
  headline: Prisma.Sql;
  /** The first letters of each word (and its corrections), to find where a snippet should start. */
  words: string[];
}

/** A query word and the words it stands for: itself, or with its corrections when unknown. */
function alternatives(row: TermRow): string[] {
  return row.known ? [row.term] : [row.term, ...row.similar.filter((word) => word !== row.term)];
}

/**
 * The tsquery for corrected query words. Words are letters and digits only (queryTerms), so they
 * are safe inside to_tsquery.
 * The last word also matches as a prefix, both stemmed and as written, so "remissi" finds
 * "remission" (stem "remiss") while it is being typed.
 */
function tsquery(rows: TermRow[], mode: Mode, lastWords?: string[]): Prisma.Sql {
  const sql = Prisma.sql;
  const group = (words: string[]) => `(${words.join(' | ')})`;
  const head = rows.slice(0, -1);
  const last = rows[rows.length - 1];
  const main = head.map((row) => group(alternatives(row))).join(mode === 'all' ? ' & ' : ' | ');
  const lastEnglish = group(lastWords ?? [`${last.term}:*`, ...alternatives(last).slice(1)]);
  const english = (text: string) => sql`to_tsquery('english'::regconfig, ${text})`;
  const mainQuery = main ? english(main) : sql`''::tsquery`;
  const simplePrefix = sql`to_tsquery('simple'::regconfig, ${lastWords ? group(lastWords) : `${last.term}:*`})`;
  // A stop word typed after other words ("guide for the") would otherwise demand a word
  // starting with "the"; typed alone, it is the start of a word ("the" → "therapy").
  const lastSimple = main
    ? sql`CASE WHEN numnode(${mainQuery}) > 0 AND numnode(${english(last.term)}) = 0 THEN ''::tsquery ELSE ${simplePrefix} END`
    : simplePrefix;
  const lastQuery = sql`(${english(lastEnglish)} || ${lastSimple})`;
  return mode === 'all' ? sql`(${mainQuery} && ${lastQuery})` : sql`(${mainQuery} || ${lastQuery})`;
}

export function tsqueries(rows: TermRow[], mode: Mode): TsQueries {
  const last = rows[rows.length - 1];
  const everyWord = [...rows.slice(0, -1).flatMap(alternatives), `${last.term}:*`, ...alternatives(last).slice(1)];
  const words = [
    ...new Set(
      [...rows.flatMap(alternatives).filter((word) => word.length >= 3), last.term].map((word) =>
        word.slice(0, SNIPPET_STEM),
      ),
    ),
  ];
  return {
    match: tsquery(rows, mode),
    index: indexQuery(rows, mode, true),
    everyWordIndex: indexQuery(rows, mode, false),
    headline: Prisma.sql`to_tsquery('simple'::regconfig, ${everyWord.join(' | ')})`,
    words,
  };
}

/**
 * What to ask the GIN index for: a superset of the matches, checked on the rows it finds. A GIN
 * prefix search reads every posting list it may match and is slow even for "letter:*", so a last
 * word with few completions is asked for as those words (and itself, whose stem a word may share
 * without starting with it: "happi" of "happy"); and words of one or two letters, which the
 * vocabulary cannot tell about, are left to the check when other words narrow the search
 * (`narrowing`; not when the matches are known to be rare, as a GIN lookup of every word is then
 * cheaper than checking every row of the common ones).
 */
function indexQuery(rows: TermRow[], mode: Mode, narrowing: boolean): Prisma.Sql {
  const told =
    narrowing && mode === 'all' && rows.some((row) => row.documents !== null)
      ? rows.filter((row) => row.documents !== null)
      : rows;
  const last = told[told.length - 1];
  if (last !== rows[rows.length - 1] || !last.completions) return tsquery(told, mode);
  return tsquery(told, mode, [...new Set([...alternatives(last), ...last.completions])]);
}
