-- AlterTable
ALTER TABLE "Resource" ADD COLUMN     "searchTitle" tsvector;

-- AlterTable
ALTER TABLE "SearchWord" ADD COLUMN     "documents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "stem" TEXT;


-- ---------------------------------------------------------------------------------------------
-- Hand-written: what Prisma cannot express. Search over a large commons (see
-- server/src/search/postgres-search.engine.ts): a broad query is answered from the best matches
-- found by walking an index in a useful order, checking each row's search document as it goes,
-- instead of ranking and counting every match.

-- The title and tags alone, weighted and parsed as in the search document: a broad query checks
-- and ranks this small vector while it looks for its best matches, and the title part of the
-- relevance score (weight A only) is the same computed on it as on the whole document.
ALTER TABLE "Resource" DROP COLUMN "searchTitle";
ALTER TABLE "Resource" ADD COLUMN "searchTitle" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english'::regconfig, "title"), 'A') ||
  setweight(to_tsvector('simple'::regconfig, "title"), 'A') ||
  setweight(to_tsvector('english'::regconfig, commons_tags_text("tags")), 'B') ||
  setweight(to_tsvector('simple'::regconfig, commons_tags_text("tags")), 'B')
) STORED;
ALTER TABLE "Resource" ALTER COLUMN "searchTitle" SET STORAGE MAIN;
CREATE INDEX "Resource_searchTitle_idx" ON "Resource" USING GIN ("searchTitle");

-- Keep the search document in the row instead of out of line in TOAST, so checking a row against
-- a query or ranking it reads the heap page it is on rather than the TOAST table and its index
-- (about five times cheaper per row); and with it what a search reads of every candidate (title,
-- tags, audiences), which PostgreSQL would otherwise move out first to make room. Bodies go out
-- of line instead; only a row too large for a page moves these out too. Rewriting the values
-- makes existing rows follow.
ALTER TABLE "Resource"
  ALTER COLUMN "searchDocument" SET STORAGE MAIN,
  ALTER COLUMN "title" SET STORAGE MAIN,
  ALTER COLUMN "tags" SET STORAGE MAIN,
  ALTER COLUMN "audiences" SET STORAGE MAIN;
UPDATE "Resource" SET "title" = "title" || '', "tags" = "tags" || ARRAY[]::TEXT[], "audiences" = "audiences" || ARRAY[]::"Role"[];

-- What relevance expects of a resource before reading it: used by sites and marked helpful, and
-- recent (each year of age weighs as much as e-fold use). Broad queries look at resources in
-- this order.
CREATE FUNCTION commons_search_prior(use_count INTEGER, helpful_count INTEGER, created_at TIMESTAMP(3)) RETURNS DOUBLE PRECISION
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT ln(1 + 2 * greatest(use_count, 0) + greatest(helpful_count, 0)) + extract(epoch FROM created_at)::double precision / 31557600 $$;

CREATE INDEX "Resource_searchPrior_idx" ON "Resource" ("networkId", commons_search_prior("useCount", "helpfulCount", "createdAt") DESC);

-- The order of "most used", complete, so a walk in that order needs no sort.
CREATE INDEX "Resource_networkId_mostUsed_idx" ON "Resource" ("networkId", "useCount" DESC, "helpfulCount" DESC, "createdAt" DESC);

-- A word's English stem: the search document holds stems, so every word sharing one matches alike
-- ("knowing" finds "know" and "knows"), and is counted alike when a query's breadth is estimated.
CREATE FUNCTION commons_stem(word TEXT) RETURNS TEXT
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce((SELECT min(lexeme) FROM unnest(to_tsvector('english'::regconfig, word))), word) $$;
ALTER TABLE "SearchWord" DROP COLUMN "stem";
ALTER TABLE "SearchWord" ADD COLUMN "stem" TEXT GENERATED ALWAYS AS (commons_stem(word)) STORED;

-- Words and stems starting with what is being typed, with how common they are (the collation is
-- not C, so LIKE 'pre%' needs the pattern operator class).
CREATE INDEX "SearchWord_prefix_idx" ON "SearchWord" ("networkId", word text_pattern_ops) INCLUDE (documents);
CREATE INDEX "SearchWord_stem_idx" ON "SearchWord" ("networkId", stem text_pattern_ops) INCLUDE (documents);

-- The vocabulary's counts for what is already written (addToVocabulary keeps them from now on).
UPDATE "SearchWord" s SET documents = c.documents
FROM (
  SELECT r."networkId", w.word, count(DISTINCT r.id)::int AS documents
  FROM "Resource" r,
    regexp_split_to_table(lower(concat_ws(' ', r.title, array_to_string(r.tags, ' '), r.summary, r."bodyText")), '[^[:alnum:]]+') AS w(word)
  WHERE length(w.word) BETWEEN 3 AND 40
  GROUP BY 1, 2
) c
WHERE s."networkId" = c."networkId" AND s.word = c.word;
