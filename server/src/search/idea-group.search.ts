import { queryTerms } from '@commons/shared';
import { Prisma } from '../generated/prisma/client';
import type { IdeaRow } from '../change-ideas/change-idea.select';
import type { GroupRow } from '../groups/group.select';
import { PrismaService } from '../platform/database/prisma.service';
import { type Mode, type TermRow, tsqueries } from './tsquery';
import {
  EMPTY_RESULT,
  filtersResources,
  HIGHLIGHT_END,
  HIGHLIGHT_START,
  NO_FACETS,
  type SearchHit,
  type SearchRequest,
  type SearchResult,
  segmentsOf,
} from './search-engine';

/** Misspellings are looked for only for words at least this long (as for resources). */
const MIN_CORRECTABLE_LENGTH = 4;
/** Alternatives tried per misspelt word. */
const CORRECTIONS_PER_TERM = 3;
const HEADLINE_MARKS = `StartSel="${HIGHLIGHT_START}", StopSel="${HIGHLIGHT_END}"`;
const TITLE_HEADLINE = `HighlightAll=true, ${HEADLINE_MARKS}`;
const SNIPPET_HEADLINE = `MaxFragments=2, MaxWords=24, MinWords=10, FragmentDelimiter=" … ", ${HEADLINE_MARKS}`;
const SNIPPET_PLAIN_LENGTH = 240;

interface AnswerRow {
  ideas: number;
  groups: number;
  hits: {
    type: 'CHANGE_IDEA' | 'GROUP';
    id: string;
    score: number;
    title: string;
    snippet: string;
    idea:
      | (Omit<IdeaRow, 'createdAt' | 'updatedAt' | 'statusChangedAt' | 'nextDecisionOn'> &
          Record<'createdAt' | 'updatedAt' | 'statusChangedAt', string> & { nextDecisionOn: string | null })
      | null;
    group:
      | (Omit<GroupRow, 'createdAt' | 'updatedAt' | 'archivedAt'> &
          Record<'createdAt' | 'updatedAt', string> & { archivedAt: string | null })
      | null;
  }[];
}

/**
 * Search over change ideas and working groups, in PostgreSQL whichever engine serves resources:
 * a network holds hundreds of them, not a hundred thousand, so every match is ranked and counted
 * (exact). Each row carries a generated, weighted tsvector (idea: title A > problem B > idea C;
 * group: name A > purpose B; see the search_ideas_groups migration). As for resources, a query
 * matches every word (stemmed), the last also as a prefix; a word found in none of them is
 * widened to its nearest words among theirs by pg_trgm similarity; when every word together
 * matches nothing, any may. Invite-only groups are only ever read for those who may see them
 * (`request.groups`), counts included.
 *
 * Meilisearch seam: MeilisearchEngine answers ideas and groups from here too. To move them into
 * Meilisearch, the change-ideas and groups services would enqueue SearchDocuments of these types
 * in their write transactions (SearchEngine.index), and the engine would search their indexes.
 */
export class IdeaGroupSearch {
  constructor(private readonly prisma: PrismaService) {}

  /** The ideas and groups `request.types` asks for, the first `offset + limit` of them. */
  async search(request: SearchRequest): Promise<SearchResult> {
    const ideas = request.types.includes('CHANGE_IDEA');
    const groups = request.types.includes('GROUP');
    // Ideas and groups have no kind, tag, audience, site or author of a resource.
    if ((!ideas && !groups) || filtersResources(request.filters)) return EMPTY_RESULT;
    const scope = { ideas, groups };
    const terms = queryTerms(request.text);
    if (terms.length === 0) return this.answer(request, scope, null);
    const rows = await this.correctedTerms(request, scope, terms);
    const all = await this.answer(request, scope, rows, 'all');
    if (all.totalCount > 0 || terms.length === 1) return all;
    return this.answer(request, scope, rows, 'any');
  }

  private groupVisible(request: SearchRequest): Prisma.Sql {
    const access = request.groups ?? { all: false, inviteOnlyIds: [] };
    if (access.all) return Prisma.sql`TRUE`;
    return Prisma.sql`(g.visibility = 'OPEN' OR g.id = ANY(${access.inviteOnlyIds}::uuid[]))`;
  }

  /** The documents of the network `request` may find, ideas and groups together. */
  private documents(request: SearchRequest, scope: { ideas: boolean; groups: boolean }): Prisma.Sql {
    const sql = Prisma.sql;
    const dated = (alias: string) => {
      const column = Prisma.raw(`${alias}."createdAt"`);
      const conditions: Prisma.Sql[] = [];
      if (request.filters.createdFrom) conditions.push(sql`${column} >= ${request.filters.createdFrom}`);
      if (request.filters.createdTo) conditions.push(sql`${column} <= ${request.filters.createdTo}`);
      return conditions.length ? sql`AND ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
    };
    const parts: Prisma.Sql[] = [];
    if (scope.ideas) {
      parts.push(sql`SELECT 'CHANGE_IDEA'::text AS type, i.id, i.title, i."createdAt", i."searchDocument" AS document
        FROM "ChangeIdea" i WHERE i."networkId" = ${request.networkId}::uuid ${dated('i')}`);
    }
    if (scope.groups) {
      parts.push(sql`SELECT 'GROUP'::text AS type, g.id, g.name AS title, g."createdAt", g."searchDocument" AS document
        FROM "WorkingGroup" g WHERE g."networkId" = ${request.networkId}::uuid AND ${this.groupVisible(request)} ${dated('g')}`);
    }
    return Prisma.join(parts, ' UNION ALL ');
  }

  /** Each query word, whether any document the viewer may find holds it, and its nearest words among theirs when none does. */
  private async correctedTerms(
    request: SearchRequest,
    scope: { ideas: boolean; groups: boolean },
    terms: string[],
  ): Promise<TermRow[]> {
    const sql = Prisma.sql;
    const last = terms.length;
    const rows = await this.prisma.$queryRaw<{ idx: number; term: string; known: boolean; similar: string[] }[]>(sql`
      WITH d AS MATERIALIZED (${this.documents(request, scope)}),
      words AS MATERIALIZED (SELECT DISTINCT u.lexeme AS word FROM d, unnest(d.document) AS u)
      SELECT t.idx, t.term, k.known,
        CASE WHEN k.known OR length(t.term) < ${MIN_CORRECTABLE_LENGTH} THEN ARRAY[]::text[] ELSE ARRAY(
          SELECT w.word FROM words w WHERE w.word % t.term ORDER BY similarity(w.word, t.term) DESC, w.word LIMIT ${CORRECTIONS_PER_TERM}
        ) END AS similar
      FROM (VALUES ${Prisma.join(terms.map((term, i) => sql`(${term}::text, ${i + 1}::int)`))}) AS t(term, idx),
        LATERAL (SELECT EXISTS (
          SELECT 1 FROM d WHERE d.document @@ to_tsquery('simple'::regconfig, CASE WHEN t.idx = ${last}::int THEN t.term || ':*' ELSE t.term END)
        ) AS known) k
      ORDER BY t.idx`);
    return rows.map((row) => ({ ...row, documents: null, completions: null, resources: 0 }));
  }

  private async answer(
    request: SearchRequest,
    scope: { ideas: boolean; groups: boolean },
    terms: TermRow[] | null,
    mode: Mode = 'all',
  ): Promise<SearchResult> {
    const sql = Prisma.sql;
    const queries = terms ? tsqueries(terms, mode) : null;
    const q = queries
      ? sql`SELECT ${queries.match} AS query, ${queries.headline} AS simple_query`
      : sql`SELECT NULL::tsquery AS query, NULL::tsquery AS simple_query`;
    // The same score as a resource's without popularity (ideas and groups have no uses): the
    // weighted rank, plus a bonus for a match in a short title or name.
    const score = queries
      ? sql`(ts_rank(d.document, q.query, 1) + 0.5 * ts_rank('{0,0,0,1}', d.document, q.query, 0) / (1 + char_length(d.title) / 40.0))::real`
      : sql`0::real`;
    const order =
      queries && request.sort === 'RELEVANCE'
        ? sql`m.score DESC, m."createdAt" DESC, m.id`
        : sql`m."createdAt" DESC, m.id`;
    // Markdown marks are left out of snippets.
    const text = sql`regexp_replace(concat_ws(E'\n', nullif(x.a, ''), nullif(x.b, '')), '[*_#>\`~]+|\\]\\([^)]*\\)|\\[', '', 'g')`;
    const headlines = queries
      ? sql`LATERAL (SELECT ts_headline('english', x.title, q.query, ${TITLE_HEADLINE}) AS title,
            ts_headline('english', ${text}, q.query, ${SNIPPET_HEADLINE}) AS snippet, ${text} AS plain OFFSET 0) e,
          LATERAL (SELECT
            CASE WHEN strpos(e.title, ${HIGHLIGHT_START}) > 0 THEN e.title ELSE ts_headline('simple', x.title, q.simple_query, ${TITLE_HEADLINE}) END AS title,
            CASE WHEN strpos(e.snippet, ${HIGHLIGHT_START}) > 0 THEN e.snippet
              ELSE coalesce(nullif(ts_headline('simple', e.plain, q.simple_query, ${SNIPPET_HEADLINE}), ''), left(e.plain, ${SNIPPET_PLAIN_LENGTH})) END AS snippet) h`
      : sql`LATERAL (SELECT x.title, left(${text}, ${SNIPPET_PLAIN_LENGTH}) AS snippet) h`;
    const [row] = await this.prisma.$queryRaw<AnswerRow[]>(sql`
      WITH q AS (${q}),
      m AS MATERIALIZED (
        SELECT d.type, d.id, d."createdAt", ${score} AS score
        FROM (${this.documents(request, scope)}) d, q
        WHERE ${queries ? sql`d.document @@ q.query` : sql`TRUE`}
      ),
      page AS (
        SELECT m.*, row_number() OVER (ORDER BY ${order}) AS position FROM m ORDER BY ${order} LIMIT ${request.offset + request.limit}::int
      )
      SELECT
        (SELECT count(*)::int FROM m WHERE m.type = 'CHANGE_IDEA') AS ideas,
        (SELECT count(*)::int FROM m WHERE m.type = 'GROUP') AS groups,
        (SELECT coalesce(json_agg(json_build_object('type', p.type, 'id', p.id, 'score', p.score, 'title', h.title, 'snippet', h.snippet,
            'idea', CASE WHEN i.id IS NULL THEN NULL ELSE json_build_object('id', i.id, 'networkId', i."networkId", 'title', i.title,
              'problem', i.problem, 'idea', i.idea, 'proposerId', i."proposerId", 'status', i.status, 'nextDecisionOn', i."nextDecisionOn",
              'version', i.version, 'statusChangedAt', i."statusChangedAt", 'createdAt', i."createdAt", 'updatedAt', i."updatedAt") END,
            'group', CASE WHEN g.id IS NULL THEN NULL ELSE json_build_object('id', g.id, 'networkId', g."networkId", 'name', g.name,
              'purpose', g.purpose, 'visibility', g.visibility, 'createdById', g."createdById", 'createdAt', g."createdAt",
              'updatedAt', g."updatedAt", 'archivedAt', g."archivedAt") END)
          ORDER BY p.position), '[]'::json)
        FROM page p
          LEFT JOIN "ChangeIdea" i ON p.type = 'CHANGE_IDEA' AND i.id = p.id
          LEFT JOIN "WorkingGroup" g ON p.type = 'GROUP' AND g.id = p.id,
          LATERAL (SELECT coalesce(i.title, g.name) AS title, coalesce(i.problem, g.purpose) AS a, i.idea AS b) x,
          q, ${headlines}) AS hits`);
    return {
      totalCount: row.ideas + row.groups,
      exact: true,
      facets: NO_FACETS,
      hits: row.hits.map((hit): SearchHit => ({
        type: hit.type,
        id: hit.id,
        score: Number(hit.score),
        title: segmentsOf(hit.title),
        snippet: segmentsOf(hit.snippet ?? ''),
        idea: hit.idea
          ? {
              ...hit.idea,
              nextDecisionOn:
                hit.idea.nextDecisionOn === null ? null : new Date(`${hit.idea.nextDecisionOn}T00:00:00Z`),
              statusChangedAt: utc(hit.idea.statusChangedAt),
              createdAt: utc(hit.idea.createdAt),
              updatedAt: utc(hit.idea.updatedAt),
            }
          : undefined,
        group: hit.group
          ? {
              ...hit.group,
              createdAt: utc(hit.group.createdAt),
              updatedAt: utc(hit.group.updatedAt),
              archivedAt: hit.group.archivedAt === null ? null : utc(hit.group.archivedAt),
            }
          : undefined,
      })),
    };
  }
}

/** A timestamp(3) column as json_build_object writes it (no zone; Prisma keeps them in UTC). */
function utc(value: string): Date {
  return new Date(`${value}Z`);
}
