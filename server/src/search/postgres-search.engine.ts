import { Injectable } from '@nestjs/common';
import { queryTerms } from '@commons/shared';
import { Prisma } from '../generated/prisma/client';
import type { Db } from '../members/user.repository';
import { PrismaService } from '../platform/database/prisma.service';
import {
  FACET_LIMIT,
  type FacetCount,
  HIGHLIGHT_END,
  HIGHLIGHT_START,
  type SearchDocument,
  type SearchEngine,
  type SearchRequest,
  type SearchResult,
  segmentsOf,
  vocabularyOf,
} from './search-engine';

export interface TermRow {
  idx: number;
  term: string;
  known: boolean;
  similar: string[];
}

interface AnswerRow {
  total: number;
  kinds: FacetCount[];
  tags: FacetCount[];
  audiences: FacetCount[];
  sites: FacetCount[];
  authors: FacetCount[];
  hits: { id: string; score: number; title: string; snippet: string }[];
}

/** How the words of a query combine: every word must match, or any may (the fallback). */
type Mode = 'all' | 'any';

/** Misspellings are looked for only for words at least this long. */
const MIN_CORRECTABLE_LENGTH = 4;
/** Alternatives tried per misspelt word. */
const CORRECTIONS_PER_TERM = 3;

const EMPTY: SearchResult = { hits: [], totalCount: 0, facets: { kinds: [], tags: [], audiences: [], sites: [], authors: [] } };
const TRUE = Prisma.sql`TRUE`;

const HEADLINE_MARKS = `StartSel="${HIGHLIGHT_START}", StopSel="${HIGHLIGHT_END}"`;
const TITLE_HEADLINE = `HighlightAll=true, ${HEADLINE_MARKS}`;
const SNIPPET_HEADLINE = `MaxFragments=2, MaxWords=24, MinWords=10, FragmentDelimiter=" … ", ${HEADLINE_MARKS}`;
const SNIPPET_PLAIN_LENGTH = 240;

/**
 * Search in PostgreSQL itself, the default engine. Each resource row carries a generated,
 * weighted tsvector (title A > tags B > summary C > body D; see the commons migration), so the
 * index is current in the very transaction that writes the row. A query matches every word
 * (stemmed), the last one also as a prefix (results as you type); a word found nowhere in the
 * network's vocabulary is widened to its nearest words by pg_trgm similarity ("remision" →
 * "remission"). When every word together matches nothing, any word may match, best first.
 */
@Injectable()
export class PostgresSearchEngine implements SearchEngine {
  readonly name = 'postgres' as const;

  constructor(private readonly prisma: PrismaService) {}

  /** The document itself is the row; what is left is adding its words to the vocabulary. */
  async index(db: Db, document: SearchDocument): Promise<void> {
    await addToVocabulary(db, document);
  }

  /** Nothing to do: the document is the row, and deleting the row removes it. */
  async remove(): Promise<void> {}

  async search(request: SearchRequest): Promise<SearchResult> {
    if (!request.types.includes('RESOURCE')) return EMPTY;
    const terms = queryTerms(request.text);
    if (terms.length === 0) return this.answer(request, null);
    const rows = await this.correctedTerms(request.networkId, terms);
    const all = await this.answer(request, tsqueries(rows, 'all'));
    if (all.totalCount > 0 || terms.length === 1) return all;
    return this.answer(request, tsqueries(rows, 'any'));
  }

  /** Each query word, whether the network's vocabulary knows it, and its nearest known words. */
  private correctedTerms(networkId: string, terms: string[]): Promise<TermRow[]> {
    const last = terms.length;
    return this.prisma.$queryRaw<TermRow[]>`
      SELECT t.idx::int AS idx, t.term,
        EXISTS (
          SELECT 1 FROM "SearchWord" w
          WHERE w."networkId" = ${networkId}::uuid AND (w.word = t.term OR (t.idx = ${last} AND w.word LIKE t.term || '%'))
        ) AS known,
        CASE WHEN length(t.term) < ${MIN_CORRECTABLE_LENGTH} THEN ARRAY[]::text[] ELSE ARRAY(
          SELECT w.word FROM "SearchWord" w
          WHERE w."networkId" = ${networkId}::uuid AND w.word % t.term
          ORDER BY similarity(w.word, t.term) DESC, w.word
          LIMIT ${CORRECTIONS_PER_TERM}
        ) END AS similar
      FROM unnest(${terms}::text[]) WITH ORDINALITY AS t(term, idx)
      ORDER BY t.idx`;
  }

  private async answer(request: SearchRequest, queries: TsQueries | null): Promise<SearchResult> {
    const { filters } = request;
    const sql = Prisma.sql;
    const dimension = {
      kind: filters.kinds.length ? sql`r.kind::text = ANY(${filters.kinds}::text[])` : TRUE,
      tag: filters.tags.length ? sql`r.tags && ${filters.tags}::text[]` : TRUE,
      audience: filters.audiences.length ? sql`r.audiences::text[] && ${filters.audiences}::text[]` : TRUE,
      site: filters.siteIds.length ? sql`r."siteId" = ANY(${filters.siteIds}::uuid[])` : TRUE,
      author: filters.authorIds.length ? sql`r."authorId" = ANY(${filters.authorIds}::uuid[])` : TRUE,
    };
    const hidden = request.hidden.all
      ? TRUE
      : request.hidden.authorId
        ? sql`(r."hiddenAt" IS NULL OR r."authorId" = ${request.hidden.authorId}::uuid)`
        : sql`r."hiddenAt" IS NULL`;
    const conditions = [sql`r."networkId" = ${request.networkId}::uuid`, hidden];
    if (filters.createdFrom) conditions.push(sql`r."createdAt" >= ${filters.createdFrom}`);
    if (filters.createdTo) conditions.push(sql`r."createdAt" <= ${filters.createdTo}`);
    if (queries) conditions.push(sql`r."searchDocument" @@ q.query`);

    const q = queries
      ? sql`SELECT ${queries.match} AS query, ${queries.headline} AS simple_query`
      : sql`SELECT NULL::tsquery AS query, NULL::tsquery AS simple_query`;
    // Relevance: ts_rank over the weighted document (normalisation 1 divides by 1 + log(length),
    // so a long body does not drown a short resource whose title matches); plus a title bonus
    // that is larger for short, focused titles (the title-only rank over the title's length);
    // times a popularity factor from sites that used it and helpful marks, so among near-equal
    // matches (an original and its adaptations) the proven one comes first.
    const score = queries
      ? sql`(ts_rank(r."searchDocument", q.query, 1)
            + 0.5 * ts_rank('{0,0,0,1}', r."searchDocument", q.query, 0) / (1 + char_length(r.title) / 40.0))
          * (1 + ln(1 + 2 * r."useCount" + r."helpfulCount") / 5)`
      : sql`0::real`;
    const sort = request.sort === 'RELEVANCE' && !queries ? 'NEWEST' : request.sort;
    const order =
      sort === 'RELEVANCE'
        ? sql`m.score DESC, m."createdAt" DESC, m.id`
        : sort === 'MOST_USED'
          ? sql`m."useCount" DESC, m."helpfulCount" DESC, m."createdAt" DESC, m.id`
          : sql`m."createdAt" DESC, m.id`;
    const title = queries
      ? sql`CASE WHEN strpos(ts_headline('english', r.title, q.query, ${TITLE_HEADLINE}), ${HIGHLIGHT_START}) > 0
          THEN ts_headline('english', r.title, q.query, ${TITLE_HEADLINE})
          ELSE ts_headline('simple', r.title, q.simple_query, ${TITLE_HEADLINE}) END`
      : sql`r.title`;
    const snippetText = sql`concat_ws(E'\n', nullif(r.summary, ''), nullif(r."bodyText", ''))`;
    const snippet = queries
      ? sql`CASE WHEN strpos(ts_headline('english', ${snippetText}, q.query, ${SNIPPET_HEADLINE}), ${HIGHLIGHT_START}) > 0
          THEN ts_headline('english', ${snippetText}, q.query, ${SNIPPET_HEADLINE})
          ELSE ts_headline('simple', ${snippetText}, q.simple_query, ${SNIPPET_HEADLINE}) END`
      : sql`left(${snippetText}, ${SNIPPET_PLAIN_LENGTH})`;
    const facet = (value: Prisma.Sql, from: Prisma.Sql, where: Prisma.Sql, limit: number | null) => sql`(
      SELECT coalesce(json_agg(json_build_object('value', x.value, 'count', x.count) ORDER BY x.count DESC, x.value), '[]'::json)
      FROM (SELECT ${value} AS value, count(*)::int AS count FROM ${from} WHERE ${where} GROUP BY 1 ORDER BY 2 DESC, 1
            ${limit ? sql`LIMIT ${limit}` : Prisma.empty}) x)`;

    const [row] = await this.prisma.$queryRaw<AnswerRow[]>`
      WITH q AS (${q}),
      m AS MATERIALIZED (
        SELECT r.id, r.kind, r.tags, r.audiences, r."siteId", r."authorId", r."createdAt", r."useCount", r."helpfulCount",
          ${score} AS score,
          ${dimension.kind} AS f_kind, ${dimension.tag} AS f_tag, ${dimension.audience} AS f_audience,
          ${dimension.site} AS f_site, ${dimension.author} AS f_author
        FROM "Resource" r, q
        WHERE ${Prisma.join(conditions, ' AND ')}
      ),
      page AS (
        SELECT m.id, m.score, row_number() OVER (ORDER BY ${order}) AS position
        FROM m WHERE m.f_kind AND m.f_tag AND m.f_audience AND m.f_site AND m.f_author
        ORDER BY ${order}
        OFFSET ${request.offset} LIMIT ${request.limit}
      )
      SELECT
        (SELECT count(*)::int FROM m WHERE f_kind AND f_tag AND f_audience AND f_site AND f_author) AS total,
        ${facet(sql`m.kind::text`, sql`m`, sql`f_tag AND f_audience AND f_site AND f_author`, null)} AS kinds,
        ${facet(sql`t.tag`, sql`m, unnest(m.tags) AS t(tag)`, sql`f_kind AND f_audience AND f_site AND f_author`, FACET_LIMIT)} AS tags,
        ${facet(sql`a.role::text`, sql`m, unnest(m.audiences) AS a(role)`, sql`f_kind AND f_tag AND f_site AND f_author`, null)} AS audiences,
        ${facet(sql`m."siteId"::text`, sql`m`, sql`m."siteId" IS NOT NULL AND f_kind AND f_tag AND f_audience AND f_author`, null)} AS sites,
        ${facet(sql`m."authorId"::text`, sql`m`, sql`f_kind AND f_tag AND f_audience AND f_site`, FACET_LIMIT)} AS authors,
        (SELECT coalesce(json_agg(json_build_object('id', p.id, 'score', p.score, 'title', ${title}, 'snippet', ${snippet}) ORDER BY p.position), '[]'::json)
         FROM page p JOIN "Resource" r ON r.id = p.id, q) AS hits`;

    return {
      totalCount: row.total,
      facets: { kinds: row.kinds, tags: row.tags, audiences: row.audiences, sites: row.sites, authors: row.authors },
      hits: row.hits.map((hit) => ({
        type: 'RESOURCE' as const,
        id: hit.id,
        score: Number(hit.score),
        title: segmentsOf(hit.title),
        snippet: segmentsOf(hit.snippet),
      })),
    };
  }
}

/** Adds a document's words to its network's vocabulary, which misspelt query words are matched against. */
export async function addToVocabulary(db: Db, document: SearchDocument): Promise<void> {
  const words = vocabularyOf(document.title, document.tags.join(' '), document.summary, document.bodyText);
  if (words.length === 0) return;
  await db.$executeRaw`
    INSERT INTO "SearchWord" ("networkId", word)
    SELECT ${document.networkId}::uuid, w FROM unnest(${words}::text[]) AS w
    ON CONFLICT DO NOTHING`;
}

interface TsQueries {
  /** What a document must match. */
  match: Prisma.Sql;
  /** The words as typed (with corrections), for highlighting where stems do not line up. */
  headline: Prisma.Sql;
}

/**
 * The tsqueries for corrected query words. Words are letters and digits only (queryTerms), so
 * they are safe inside to_tsquery. The last word also matches as a prefix, both stemmed and as
 * written, so "remissi" finds "remission" (stem "remiss") while it is being typed.
 */
export function tsqueries(rows: TermRow[], mode: Mode): TsQueries {
  const sql = Prisma.sql;
  const alternatives = (row: TermRow) => (row.known ? [row.term] : [row.term, ...row.similar.filter((word) => word !== row.term)]);
  const head = rows.slice(0, -1);
  const last = rows[rows.length - 1];
  const group = (words: string[]) => `(${words.join(' | ')})`;
  const main = head.map((row) => group(alternatives(row))).join(mode === 'all' ? ' & ' : ' | ');
  const lastAlternatives = alternatives(last);
  const lastEnglish = group([`${last.term}:*`, ...lastAlternatives.slice(1)]);
  const english = (text: string) => sql`to_tsquery('english'::regconfig, ${text})`;
  const mainQuery = main ? english(main) : sql`''::tsquery`;
  const simplePrefix = sql`to_tsquery('simple'::regconfig, ${`${last.term}:*`})`;
  // A stop word typed after other words ("guide for the") would otherwise demand a word
  // starting with "the"; typed alone, it is the start of a word ("the" → "therapy").
  const lastSimple = main
    ? sql`CASE WHEN numnode(${mainQuery}) > 0 AND numnode(${english(last.term)}) = 0 THEN ''::tsquery ELSE ${simplePrefix} END`
    : simplePrefix;
  const lastQuery = sql`(${english(lastEnglish)} || ${lastSimple})`;
  const match = mode === 'all' ? sql`(${mainQuery} && ${lastQuery})` : sql`(${mainQuery} || ${lastQuery})`;
  const everyWord = [...head.flatMap(alternatives), `${last.term}:*`, ...lastAlternatives.slice(1)];
  const headline = sql`to_tsquery('simple'::regconfig, ${everyWord.join(' | ')})`;
  return { match, headline };
}
