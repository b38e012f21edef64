import { Inject, Injectable, Optional } from '@nestjs/common';
import { queryTerms } from '@commons/shared';
import { Prisma } from '../generated/prisma/client';
import type { Db } from '../platform/database/db';
import { PrismaService } from '../platform/database/prisma.service';
import { IdeaGroupSearch } from './idea-group.search';
import {
  FACET_LIMIT,
  type FacetCount,
  HIGHLIGHT_END,
  HIGHLIGHT_START,
  mergeResults,
  type SearchDocument,
  type SearchEngine,
  type SearchHitRow,
  type SearchRequest,
  type SearchResult,
  segmentsOf,
  vocabularyOf,
} from './search-engine';
import { estimatedMatches, type Mode, type TermRow, type TsQueries, tsqueries } from './tsquery';

/** How many resources a PostgreSQL search ranks and counts, and how far it looks for them. */
export interface PostgresSearchTuning {
  /** A query estimated to match at most this many resources is answered exactly: every match ranked and counted. */
  exactLimit: number;
  /** A broader query ranks and counts this many matches, the most used and newest first. */
  sample: number;
  /** ...plus up to this many matches in a title or tag, from the title index (relevance only). */
  titleSample: number;
  /** Rows a broad query reads in each order before it stops looking. */
  window: number;
  /** Characters of the summary and body a snippet is cut from (around the first query word). */
  snippetChars: number;
}

export const POSTGRES_SEARCH_TUNING = Symbol('POSTGRES_SEARCH_TUNING');

export const DEFAULT_TUNING: PostgresSearchTuning = {
  exactLimit: 1000,
  sample: 150,
  titleSample: 100,
  window: 1200,
  snippetChars: 320,
};

interface AnswerRow {
  total: number;
  complete: boolean;
  kinds: FacetCount[];
  tags: FacetCount[];
  audiences: FacetCount[];
  sites: FacetCount[];
  authors: FacetCount[];
  hits: { id: string; score: number; title: string; snippet: string; row: JsonRow }[];
}

type JsonRow = Omit<SearchHitRow, 'createdAt' | 'updatedAt' | 'hiddenAt'> & {
  createdAt: string;
  updatedAt: string;
  hiddenAt: string | null;
};

/** How the words of a query combine: every word must match, or any may (the fallback). */

/** Misspellings are looked for only for words at least this long. */
const MIN_CORRECTABLE_LENGTH = 4;
/** Alternatives tried per misspelt word. */
const CORRECTIONS_PER_TERM = 3;
/** Prefix completions counted to estimate how broad the last word is. */
const COMPLETIONS_COUNTED = 2000;
/** Matches of a narrow query given the full score: all of them, unless it is near exactLimit. */
const EXACT_RANKED = 300;
/** Candidates of a broad relevance search given the full score, in steps of this many. */
const RANKED_STEP = 50;
/** A last word with at most this many completions is looked up in an index by them rather than as a prefix. */
const COMPLETIONS_LISTED = 16;

const EMPTY: SearchResult = {
  hits: [],
  totalCount: 0,
  exact: true,
  facets: { kinds: [], tags: [], audiences: [], sites: [], authors: [] },
};
const TRUE = Prisma.sql`TRUE`;

const HEADLINE_MARKS = `StartSel="${HIGHLIGHT_START}", StopSel="${HIGHLIGHT_END}"`;
const TITLE_HEADLINE = `HighlightAll=true, ${HEADLINE_MARKS}`;
const SNIPPET_HEADLINE = `MaxFragments=2, MaxWords=24, MinWords=10, FragmentDelimiter=" … ", ${HEADLINE_MARKS}`;
const SNIPPET_PLAIN_LENGTH = 240;
/** Characters a snippet's window starts before the first query word in the text. */
const SNIPPET_LEAD = 60;

/**
 * Search in PostgreSQL itself, the default engine. Each resource row carries a generated,
 * weighted tsvector (title A > tags B > summary C > body D; see the commons migration), so the
 * index is current in the very transaction that writes the row. A query matches every word
 * (stemmed), the last one also as a prefix (results as you type); a word found nowhere in the
 * network's vocabulary is widened to its nearest words by pg_trgm similarity ("remision" →
 * "remission"). When every word together matches nothing, any word may match, best first.
 *
 * How a query runs depends on how many resources it may match, estimated from the vocabulary's
 * counts (of every word sharing a stem; of a prefix's completions). A small network, or a narrow
 * query (at most `exactLimit`), is answered exactly: the GIN index finds every match, all are
 * counted, and they are ranked by title and tags first (cheap) and the best EXACT_RANKED (as a
 * rule all of them) by the full score. A broad query (a common word, the first letters typed)
 * would rank and count tens of thousands of rows, so it walks the network's resources in the
 * order of a prior (used and recent first; or in the requested sort's own order), checking each
 * row's document as it goes, and stops at `sample` matches; when those hold too few title or tag
 * matches to fill the page, the title index finds up to `titleSample` more. These candidates are
 * ranked as above, and the total and facet counts count them: lower bounds, `exact: false`. With
 * NEWEST and MOST_USED the walk follows the sort, so the page is the exact one. A broad query
 * whose walk finds too few matches to fill the page is answered exactly after all.
 */
@Injectable()
export class PostgresSearchEngine implements SearchEngine {
  readonly name = 'postgres' as const;
  private readonly tuning: PostgresSearchTuning;
  /** Change ideas and groups: few per network, so searched on a path of their own. */
  readonly ideasAndGroups: IdeaGroupSearch;

  constructor(
    private readonly prisma: PrismaService,
    @Optional() @Inject(POSTGRES_SEARCH_TUNING) tuning?: Partial<PostgresSearchTuning>,
  ) {
    this.tuning = { ...DEFAULT_TUNING, ...tuning };
    this.ideasAndGroups = new IdeaGroupSearch(prisma);
  }

  /** The document itself is the row; what is left is adding its words to the vocabulary. */
  async index(db: Db, document: SearchDocument): Promise<void> {
    await addToVocabulary(db, document);
  }

  /** Nothing to do: the document is the row, and deleting the row removes it. */
  async remove(): Promise<void> {}

  /**
   * Resources, and change ideas and groups when asked for (IdeaGroupSearch): with several types,
   * each is asked for its first `offset + limit` hits and they are merged (see mergeResults).
   */
  async search(request: SearchRequest): Promise<SearchResult> {
    const others = request.types.filter((type) => type !== 'RESOURCE');
    if (others.length === 0) return this.searchResources(request);
    const first = { ...request, offset: 0, limit: request.offset + request.limit };
    const [resources, ideasAndGroups] = await Promise.all([
      request.types.includes('RESOURCE') ? this.searchResources(first) : null,
      this.ideasAndGroups.search(first),
    ]);
    return mergeResults(request, resources ? [resources, ideasAndGroups] : [ideasAndGroups], resources);
  }

  private async searchResources(request: SearchRequest): Promise<SearchResult> {
    if (!request.types.includes('RESOURCE')) return EMPTY;
    const terms = queryTerms(request.text);
    if (terms.length === 0) return this.walked(request, null);
    const rows = await this.correctedTerms(request.networkId, terms);
    const all = await this.answer(request, rows, 'all');
    if (all.totalCount > 0 || terms.length === 1) return all;
    return this.answer(request, rows, 'any');
  }

  private async answer(request: SearchRequest, rows: TermRow[], mode: Mode): Promise<SearchResult> {
    const queries = tsqueries(rows, mode);
    // A small network, or a query that matches few of a large one's resources, is answered exactly.
    if (Math.min(rows[0].resources, estimatedMatches(rows, mode)) <= this.tuning.exactLimit)
      return this.exact(request, queries);
    const walked = await this.walked(request, queries);
    // Too few among the rows walked: the matches are rare, so the index is asked for every word,
    // short ones too, rather than reading the rows of the common ones.
    return walked.exact || walked.hits.length >= request.limit
      ? walked
      : this.exact(request, { ...queries, index: queries.everyWordIndex });
  }

  /** Runs a read as a named prepared statement: PostgreSQL plans each shape of search once per connection, not per keystroke. */
  private rows<T>(query: Prisma.Sql): Promise<T[]> {
    return this.prisma.read<T>(query.text, query.values);
  }

  /** Each query word, whether the network's vocabulary knows it, its nearest known words when it does not, and how common it is. */
  private correctedTerms(networkId: string, terms: string[]): Promise<TermRow[]> {
    // The words are rows of their own (not an array to unnest), so the plan PostgreSQL keeps for
    // each number of words knows how many there are, and is reused rather than made anew.
    const last = literal(terms.length);
    const sql = Prisma.sql;
    return this.rows<TermRow>(Prisma.sql`
      SELECT t.idx, t.term, k.known, c.similar, p.completions,
        (SELECT count(*)::int FROM (
          SELECT 1 FROM "Resource" r WHERE r."networkId" = ${networkId}::uuid ORDER BY r."networkId", r."createdAt"
          LIMIT ${literal(this.tuning.exactLimit + 1)}) n) AS resources,
        CASE WHEN length(t.term) < 3 OR length(to_tsvector('english'::regconfig, t.term)) = 0 THEN NULL
          ELSE coalesce(p.documents, s.documents, 0) + x.documents END AS documents
      FROM (VALUES ${Prisma.join(terms.map((term, i) => sql`(${term}::text, ${literal(i + 1)})`))}) AS t(term, idx),
        LATERAL (SELECT EXISTS (
          SELECT 1 FROM "SearchWord" w
          WHERE w."networkId" = ${networkId}::uuid AND (w.word = t.term OR (t.idx = ${last} AND ${startsWith(sql`w.word`, sql`t.term`)}))
        ) AS known) k,
        LATERAL (SELECT CASE WHEN k.known OR length(t.term) < ${literal(MIN_CORRECTABLE_LENGTH)} THEN ARRAY[]::text[] ELSE ARRAY(
          SELECT w.word FROM "SearchWord" w
          WHERE w."networkId" = ${networkId}::uuid AND w.word % t.term
          ORDER BY similarity(w.word, t.term) DESC, w.word
          LIMIT ${literal(CORRECTIONS_PER_TERM)}
        ) END AS similar) c,
        -- The last word, a prefix: the words it starts, and those whose stem starts with its own
        -- (as an English prefix query stems it: "knowing:*" is "know:*").
        LATERAL (SELECT CASE WHEN count(*) <= ${literal(COMPLETIONS_LISTED)} THEN array_agg(pw.word) END AS completions,
            sum(pw.documents)::int AS documents
          FROM (SELECT w.word, w.documents FROM "SearchWord" w
                WHERE t.idx = ${last} AND length(t.term) >= 3 AND w."networkId" = ${networkId}::uuid AND ${startsWith(sql`w.word`, sql`t.term`)}
                UNION
                SELECT w.word, w.documents FROM "SearchWord" w
                WHERE t.idx = ${last} AND length(t.term) >= 3 AND w."networkId" = ${networkId}::uuid AND ${startsWith(sql`w.stem`, sql`commons_stem(t.term)`)}
                LIMIT ${literal(COMPLETIONS_COUNTED)}) pw) p,
        -- Another word: every word of the vocabulary that shares its stem.
        LATERAL (SELECT sum(w.documents)::int AS documents FROM "SearchWord" w
          WHERE t.idx <> ${last} AND w."networkId" = ${networkId}::uuid AND w.stem = commons_stem(t.term)) s,
        LATERAL (SELECT coalesce(sum(w.documents), 0)::int AS documents FROM "SearchWord" w
          WHERE w."networkId" = ${networkId}::uuid AND w.stem IN (SELECT commons_stem(cw) FROM unnest(c.similar) AS cw)) x
      ORDER BY t.idx`);
  }

  /**
   * Every match, counted; ranked by title and tags first (cheap), and the best EXACT_RANKED of
   * them (all of a narrow query's, as a rule) by the full score.
   */
  private async exact(request: SearchRequest, queries: TsQueries): Promise<SearchResult> {
    const parts = this.parts(request, queries);
    const sql = Prisma.sql;
    const [row] = await this.rows<AnswerRow>(Prisma.sql`
      WITH q AS (${parts.q}),
      m AS MATERIALIZED (
        SELECT ${parts.columns(R, parts.titleScore(R))}
        FROM "Resource" r, q
        WHERE ${parts.base(R)} AND r."searchDocument" @@ q.index_query AND ts_match_vq(r."searchDocument", q.query)
      ),
      page AS (
        SELECT m.id, m.score, row_number() OVER (ORDER BY ${parts.order}) AS position
        FROM ${request.sort === 'RELEVANCE' ? parts.ranked(sql`m`, Math.max(EXACT_RANKED, Math.ceil((request.offset + request.limit) / RANKED_STEP) * RANKED_STEP)) : sql`m`} m
        WHERE ${parts.everyFilter}
        ORDER BY ${parts.order}
        OFFSET ${request.offset} LIMIT ${request.limit}
      )
      SELECT
        (SELECT count(*)::int FROM m WHERE ${parts.everyFilter}) AS total,
        TRUE AS complete,
        ${parts.facets(sql`m`)},
        ${parts.hits}`);
    return toResult(row);
  }

  /**
   * The matches met first in the order of the prior (relevance) or of the sort, ranked and
   * counted; complete when the network is small enough for the walk to see every row.
   */
  private async walked(request: SearchRequest, queries: TsQueries | null): Promise<SearchResult> {
    const { tuning } = this;
    const parts = this.parts(request, queries);
    const sql = Prisma.sql;
    const need = request.offset + request.limit;
    // Limits shape the plan, so they are written into the statement, rounded to keep its shapes
    // few; and so that the candidates given the full score are the same for the first pages,
    // which then neither repeat nor skip one.
    const enough = Math.ceil(need / RANKED_STEP) * RANKED_STEP;
    const sample = Math.max(tuning.sample, enough);
    const relevance = queries !== null && request.sort === 'RELEVANCE';
    const walkOrder = relevance ? PRIOR_ORDER : parts.walkOrder;
    const matches = (w: Prisma.Sql) => (queries ? sql`${w}."searchDocument" @@ q.query` : TRUE);
    // The candidates are ranked by their title and tags first (cheap); the best of them by the full score.
    const preliminary = (w: Prisma.Sql) => (relevance ? parts.titleScore(w) : sql`0::real`);
    // Reads rows of the network in `order`, at most `window` of them, and keeps those `where` holds for.
    const walk = (where: (w: Prisma.Sql) => Prisma.Sql, limit: number, window: number) => sql`
      SELECT ${parts.columns(W, preliminary(W))}, ${relevance ? sql`${W}."searchTitle" @@ q.query` : sql`FALSE`} AS in_title
      FROM (SELECT r.id, r.kind, r.tags, r.audiences, r."siteId", r."authorId", r."createdAt", r."useCount", r."helpfulCount", r.title,
              r."searchDocument", r."searchTitle"
            FROM "Resource" r WHERE ${parts.base(R)} ORDER BY ${walkOrder} LIMIT ${literal(window)}) w, q
      WHERE ${where(W)}
      LIMIT ${literal(limit)}`;
    // Matches in a title or tag rank first. When the sample holds too few to fill the page, the
    // title index finds more: all of them when they are few (a title searched by its words).
    const titleMatches = relevance
      ? sql`SELECT ${parts.columns(R, preliminary(R))}, TRUE AS in_title
          FROM "Resource" r, q
          WHERE ${parts.base(R)} AND r."searchTitle" @@ q.index_query AND ts_match_vq(r."searchTitle", q.query) AND ${parts.filtersOn(R)}
            AND (SELECT count(*) FROM m WHERE m.in_title AND ${parts.everyFilter}) < ${need}
          LIMIT ${literal(tuning.titleSample)}`
      : null;
    const filteredWalk = parts.filtered
      ? walk((w) => sql`${matches(w)} AND ${parts.filtersOn(w)}`, enough, tuning.window * 2)
      : null;
    const ranked = relevance ? parts.ranked(sql`candidates`, enough) : sql`candidates`;
    const [row] = await this.rows<AnswerRow>(Prisma.sql`
      WITH q AS (${parts.q}),
      m AS MATERIALIZED (${walk(matches, sample, tuning.window)}),
      candidates AS MATERIALIZED (
        SELECT DISTINCT ON (x.id) x.* FROM (
          SELECT * FROM m
          ${titleMatches ? sql`UNION ALL (${titleMatches})` : Prisma.empty}
          ${filteredWalk ? sql`UNION ALL (${filteredWalk})` : Prisma.empty}
        ) x ORDER BY x.id
      ),
      page AS (
        SELECT m.id, m.score, row_number() OVER (ORDER BY ${parts.order}) AS position
        FROM ${ranked} m WHERE ${parts.everyFilter}
        ORDER BY ${parts.order}
        OFFSET ${request.offset} LIMIT ${request.limit}
      )
      SELECT
        (SELECT count(*)::int FROM candidates m WHERE ${parts.everyFilter}) AS total,
        (SELECT count(*) FROM m) < ${literal(sample)}
          AND (SELECT count(*) FROM (
            SELECT 1 FROM "Resource" r WHERE r."networkId" = ${request.networkId}::uuid ORDER BY r."networkId", r."createdAt"
            LIMIT ${literal(tuning.window + 1)}) n) <= ${literal(tuning.window)} AS complete,
        ${parts.facets(sql`m`)},
        ${parts.hits}`);
    return toResult(row);
  }

  /** The pieces of SQL both ways of answering share. */
  private parts(request: SearchRequest, queries: TsQueries | null) {
    const { filters } = request;
    const sql = Prisma.sql;
    const dimensions = (r: Prisma.Sql) => ({
      kind: filters.kinds.length ? sql`${r}.kind::text = ANY(${filters.kinds}::text[])` : TRUE,
      tag: filters.tags.length ? sql`${r}.tags && ${filters.tags}::text[]` : TRUE,
      audience: filters.audiences.length ? sql`${r}.audiences::text[] && ${filters.audiences}::text[]` : TRUE,
      site: filters.siteIds.length ? sql`${r}."siteId" = ANY(${filters.siteIds}::uuid[])` : TRUE,
      author: filters.authorIds.length ? sql`${r}."authorId" = ANY(${filters.authorIds}::uuid[])` : TRUE,
    });
    const filtered = [filters.kinds, filters.tags, filters.audiences, filters.siteIds, filters.authorIds].some(
      (values) => values.length > 0,
    );
    const base = (r: Prisma.Sql) => {
      const hidden = request.hidden.all
        ? TRUE
        : request.hidden.authorId
          ? sql`(${r}."hiddenAt" IS NULL OR ${r}."authorId" = ${request.hidden.authorId}::uuid)`
          : sql`${r}."hiddenAt" IS NULL`;
      const conditions = [sql`${r}."networkId" = ${request.networkId}::uuid`, hidden];
      if (filters.createdFrom) conditions.push(sql`${r}."createdAt" >= ${filters.createdFrom}`);
      if (filters.createdTo) conditions.push(sql`${r}."createdAt" <= ${filters.createdTo}`);
      return Prisma.join(conditions, ' AND ');
    };
    const popularity = (r: Prisma.Sql) => sql`(1 + ln(1 + 2 * ${r}."useCount" + ${r}."helpfulCount") / 5)`;
    // The title bonus: the title-only rank (weight A; the same on the title vector as on the whole
    // document, and cheaper there) over the title's length, so short, focused titles come first.
    const titleBonus = (r: Prisma.Sql) =>
      sql`0.5 * ts_rank('{0,0,0,1}', ${r}."searchTitle", q.query, 0) / (1 + char_length(${r}.title) / 40.0)`;
    // Relevance: ts_rank over the weighted document (normalisation 1 divides by 1 + log(length),
    // so a long body does not drown a short resource whose title matches); plus the title bonus;
    // times a popularity factor from sites that used it and helpful marks, so among near-equal
    // matches (an original and its adaptations) the proven one comes first.
    const score = (r: Prisma.Sql) =>
      queries
        ? sql`((ts_rank(${r}."searchDocument", q.query, 1) + ${titleBonus(r)}) * ${popularity(r)})::real`
        : sql`0::real`;
    // The same from the title and tags alone, to choose which candidates get the full score.
    const titleScore = (r: Prisma.Sql) =>
      sql`((ts_rank(${r}."searchTitle", q.query, 1) + ${titleBonus(r)}) * ${popularity(r)})::real`;
    const columns = (r: Prisma.Sql, scored: Prisma.Sql) => {
      const d = dimensions(r);
      return sql`${r}.id, ${r}.kind, ${r}.tags, ${r}.audiences, ${r}."siteId", ${r}."authorId", ${r}."createdAt", ${r}."useCount", ${r}."helpfulCount",
        ${scored} AS score, ${d.kind} AS f_kind, ${d.tag} AS f_tag, ${d.audience} AS f_audience, ${d.site} AS f_site, ${d.author} AS f_author`;
    };
    const filtersOn = (r: Prisma.Sql) => {
      const d = dimensions(r);
      return sql`${d.kind} AND ${d.tag} AND ${d.audience} AND ${d.site} AND ${d.author}`;
    };
    const sort = request.sort === 'RELEVANCE' && !queries ? 'NEWEST' : request.sort;
    const order =
      sort === 'RELEVANCE'
        ? sql`m.score DESC, m."createdAt" DESC, m.id`
        : sort === 'MOST_USED'
          ? sql`m."useCount" DESC, m."helpfulCount" DESC, m."createdAt" DESC, m.id`
          : sql`m."createdAt" DESC, m.id`;
    const walkOrder = sort === 'MOST_USED' ? MOST_USED_ORDER : NEWEST_ORDER;
    const q = queries
      ? sql`SELECT ${queries.match} AS query, ${queries.index} AS index_query, ${queries.headline} AS simple_query, ${queries.words}::text[] AS words`
      : sql`SELECT NULL::tsquery AS query, NULL::tsquery AS index_query, NULL::tsquery AS simple_query, ARRAY[]::text[] AS words`;
    // Site and author values are labelled with the site's or the member's name.
    const facet = (
      value: Prisma.Sql,
      from: Prisma.Sql,
      where: Prisma.Sql,
      named: 'Site' | 'User' | null,
      limit: number | null,
    ) => sql`(
      SELECT coalesce(json_agg(json_build_object('value', x.value, 'count', x.count${named ? sql`, 'label', l.name` : Prisma.empty}) ORDER BY x.count DESC, x.value), '[]'::json)
      FROM (SELECT ${value} AS value, count(*)::int AS count FROM ${from} WHERE ${where} GROUP BY 1 ORDER BY 2 DESC, 1
            ${limit ? sql`LIMIT ${literal(limit)}` : Prisma.empty}) x
      ${named ? sql`LEFT JOIN ${Prisma.raw(`"${named}"`)} l ON l.id = x.value::uuid` : Prisma.empty})`;
    const facets = (m: Prisma.Sql) => sql`
      ${facet(sql`m.kind::text`, m, sql`f_tag AND f_audience AND f_site AND f_author`, null, null)} AS kinds,
      ${facet(sql`t.tag`, sql`${m}, unnest(m.tags) AS t(tag)`, sql`f_kind AND f_audience AND f_site AND f_author`, null, FACET_LIMIT)} AS tags,
      ${facet(sql`a.role::text`, sql`${m}, unnest(m.audiences) AS a(role)`, sql`f_kind AND f_tag AND f_site AND f_author`, null, null)} AS audiences,
      ${facet(sql`m."siteId"::text`, m, sql`m."siteId" IS NOT NULL AND f_kind AND f_tag AND f_audience AND f_author`, 'Site', null)} AS sites,
      ${facet(sql`m."authorId"::text`, m, sql`f_kind AND f_tag AND f_audience AND f_site`, 'User', FACET_LIMIT)} AS authors`;
    // Headlines parse all the text they are given, so they are made once per returned row, and
    // the snippet from a window of the summary and body that starts a little before the first
    // place a query word (its first letters, as stems go) appears; where none does (the title
    // matched), the start of the text is the snippet.
    const text = sql`concat_ws(E'\n', nullif(r.summary, ''), nullif(r."bodyText", ''))`;
    const marked = queries
      ? sql`LATERAL (SELECT ${text} AS full_text) t,
          LATERAL (SELECT (SELECT min(nullif(strpos(lower(t.full_text), w), 0)) FROM unnest(q.words) AS w) AS first OFFSET 0) f,
          LATERAL (SELECT substr(t.full_text, greatest(1, f.first - ${SNIPPET_LEAD}), ${literal(this.tuning.snippetChars)}) AS text) sn,
          LATERAL (SELECT ts_headline('english', r.title, q.query, ${TITLE_HEADLINE}) AS title,
            CASE WHEN f.first IS NULL THEN NULL ELSE ts_headline('english', sn.text, q.query, ${SNIPPET_HEADLINE}) END AS snippet OFFSET 0) e,
          LATERAL (SELECT
            CASE WHEN strpos(e.title, ${HIGHLIGHT_START}) > 0 THEN e.title ELSE ts_headline('simple', r.title, q.simple_query, ${TITLE_HEADLINE}) END AS title,
            CASE WHEN f.first IS NULL THEN left(t.full_text, ${literal(SNIPPET_PLAIN_LENGTH)})
              WHEN strpos(e.snippet, ${HIGHLIGHT_START}) > 0 THEN e.snippet
              ELSE ts_headline('simple', sn.text, q.simple_query, ${SNIPPET_HEADLINE}) END AS snippet) h`
      : sql`LATERAL (SELECT r.title, left(${text}, ${SNIPPET_PLAIN_LENGTH}) AS snippet) h`;
    const hits = sql`(
      SELECT coalesce(json_agg(json_build_object('id', p.id, 'score', p.score, 'title', h.title, 'snippet', h.snippet,
        'row', json_build_object('id', r.id, 'networkId', r."networkId", 'kind', r.kind, 'title', r.title, 'summary', r.summary, 'body', r.body,
          'tags', r.tags, 'audiences', r.audiences, 'siteId', r."siteId", 'license', r.license, 'authorId', r."authorId",
          'adaptedFromId', r."adaptedFromId", 'version', r.version, 'hiddenAt', r."hiddenAt", 'hiddenById', r."hiddenById",
          'hiddenReason', r."hiddenReason", 'helpfulCount', r."helpfulCount", 'useCount', r."useCount", 'viewCount', r."viewCount",
          'downloadCount', r."downloadCount", 'createdAt', r."createdAt", 'updatedAt', r."updatedAt",
          'authorName', u.name,
          'site', CASE WHEN s.id IS NULL THEN NULL ELSE json_build_object('id', s.id, 'networkId', s."networkId", 'slug', s.slug, 'name', s.name, 'city', s.city) END))
        ORDER BY p.position), '[]'::json)
      FROM page p JOIN "Resource" r ON r.id = p.id JOIN "User" u ON u.id = r."authorId" LEFT JOIN "Site" s ON s.id = r."siteId", q, ${marked}) AS hits`;
    // Candidates of relevance, `from` ranked by the title score, the best `limit` of them given the full score.
    const ranked = (from: Prisma.Sql, limit: number) => sql`(
      SELECT c.id, c.kind, c.tags, c.audiences, c."siteId", c."authorId", c."createdAt", c."useCount", c."helpfulCount",
        ${score(R)} AS score, c.f_kind, c.f_tag, c.f_audience, c.f_site, c.f_author
      FROM (SELECT * FROM ${from} m WHERE f_kind AND f_tag AND f_audience AND f_site AND f_author
            ORDER BY m.score DESC, m."useCount" DESC, m."createdAt" DESC LIMIT ${literal(limit)}) c
        JOIN "Resource" r ON r.id = c.id, q)`;
    return {
      q,
      base,
      score,
      ranked,
      titleScore,
      columns,
      filtersOn,
      filtered,
      everyFilter: sql`f_kind AND f_tag AND f_audience AND f_site AND f_author`,
      order,
      walkOrder,
      facets,
      hits,
    };
  }
}

/**
 * `column` starts with `prefix`, as a range the pattern-ops index can scan for a prefix known only
 * at run time (LIKE needs a constant): byte order, up to the highest code point after it.
 */
function startsWith(column: Prisma.Sql, prefix: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(${column} ~>=~ ${prefix} AND ${column} ~<~ (${prefix} || chr(1114111)))`;
}

/** A number of ours written into a statement rather than passed as a parameter. */
function literal(value: number): Prisma.Sql {
  return Prisma.raw(String(Math.trunc(value)));
}

const R = Prisma.raw('r');
const W = Prisma.raw('w');

/** The prior of relevance (see commons_search_prior in the search performance migration), as its index has it. */
const PRIOR = Prisma.sql`commons_search_prior(r."useCount", r."helpfulCount", r."createdAt")`;
const PRIOR_ORDER = Prisma.sql`${PRIOR} DESC`;
const MOST_USED_ORDER = Prisma.sql`r."useCount" DESC, r."helpfulCount" DESC, r."createdAt" DESC`;
const NEWEST_ORDER = Prisma.sql`r."createdAt" DESC`;

function toResult(row: AnswerRow): SearchResult {
  return {
    totalCount: row.total,
    exact: row.complete,
    facets: { kinds: row.kinds, tags: row.tags, audiences: row.audiences, sites: row.sites, authors: row.authors },
    hits: row.hits.map((hit) => ({
      type: 'RESOURCE' as const,
      id: hit.id,
      score: Number(hit.score),
      title: segmentsOf(hit.title),
      snippet: segmentsOf(hit.snippet),
      row: {
        ...hit.row,
        createdAt: utc(hit.row.createdAt),
        updatedAt: utc(hit.row.updatedAt),
        hiddenAt: hit.row.hiddenAt === null ? null : utc(hit.row.hiddenAt),
      },
    })),
  };
}

/** A timestamp(3) column as json_build_object writes it (no zone; Prisma keeps them in UTC). */
function utc(value: string): Date {
  return new Date(`${value}Z`);
}

/** Zeroes the vocabulary's counts before a reindex counts every document again. */
export async function resetVocabularyCounts(db: Db): Promise<void> {
  await db.$executeRaw`UPDATE "SearchWord" SET documents = 0 WHERE documents <> 0`;
}

/**
 * Adds a document's words to its network's vocabulary, which misspelt query words are matched
 * against, and counts the document for each (in word order, so concurrent writers lock the same
 * rows in the same order).
 */
export async function addToVocabulary(db: Db, document: SearchDocument): Promise<void> {
  const words = vocabularyOf(document.title, document.tags.join(' '), document.summary, document.bodyText).sort();
  if (words.length === 0) return;
  await db.$executeRaw`
    INSERT INTO "SearchWord" ("networkId", word, documents)
    SELECT ${document.networkId}::uuid, w, 1 FROM unnest(${words}::text[]) AS w ORDER BY w
    ON CONFLICT ("networkId", word) DO UPDATE SET documents = "SearchWord".documents + 1`;
}
