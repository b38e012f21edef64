-- CreateEnum
CREATE TYPE "ResourceKind" AS ENUM ('TOOL', 'TEMPLATE', 'GUIDE', 'STORY', 'CHANGE_PACKAGE', 'DATASET_DESCRIPTION');

-- CreateEnum
CREATE TYPE "SearchOutboxOperation" AS ENUM ('UPSERT', 'DELETE');

-- CreateTable
CREATE TABLE "NetworkTag" (
    "id" UUID NOT NULL,
    "networkId" UUID NOT NULL,
    "tag" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NetworkTag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Resource" (
    "id" UUID NOT NULL,
    "networkId" UUID NOT NULL,
    "kind" "ResourceKind" NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL DEFAULT '',
    "bodyText" TEXT NOT NULL DEFAULT '',
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "audiences" "Role"[] DEFAULT ARRAY[]::"Role"[],
    "siteId" UUID,
    "license" TEXT NOT NULL DEFAULT 'CC-BY-4.0',
    "authorId" UUID NOT NULL,
    "adaptedFromId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "hiddenAt" TIMESTAMP(3),
    "hiddenById" UUID,
    "hiddenReason" TEXT,
    "helpfulCount" INTEGER NOT NULL DEFAULT 0,
    "useCount" INTEGER NOT NULL DEFAULT 0,
    "viewCount" INTEGER NOT NULL DEFAULT 0,
    "downloadCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "searchDocument" tsvector,

    CONSTRAINT "Resource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResourceVersion" (
    "id" UUID NOT NULL,
    "resourceId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "kind" "ResourceKind" NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "tags" TEXT[],
    "audiences" "Role"[],
    "siteId" UUID,
    "license" TEXT NOT NULL,
    "changeNote" TEXT NOT NULL DEFAULT '',
    "editedById" UUID NOT NULL,
    "editedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResourceVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" UUID NOT NULL,
    "resourceId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "filename" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "storageKey" TEXT NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "uploadedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMP(3),
    "removedById" UUID,
    "downloadCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResourceHelpful" (
    "resourceId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResourceHelpful_pkey" PRIMARY KEY ("resourceId","userId")
);

-- CreateTable
CREATE TABLE "ResourceUse" (
    "id" UUID NOT NULL,
    "resourceId" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "recordedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResourceUse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResourceBookmark" (
    "resourceId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResourceBookmark_pkey" PRIMARY KEY ("resourceId","userId")
);

-- CreateTable
CREATE TABLE "ResourceView" (
    "resourceId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "day" DATE NOT NULL,

    CONSTRAINT "ResourceView_pkey" PRIMARY KEY ("resourceId","userId","day")
);

-- CreateTable
CREATE TABLE "SearchWord" (
    "networkId" UUID NOT NULL,
    "word" TEXT NOT NULL,

    CONSTRAINT "SearchWord_pkey" PRIMARY KEY ("networkId","word")
);

-- CreateTable
CREATE TABLE "SearchOutbox" (
    "id" BIGSERIAL NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" UUID NOT NULL,
    "operation" "SearchOutboxOperation" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "SearchOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "NetworkTag_networkId_tag_key" ON "NetworkTag"("networkId", "tag");

-- CreateIndex
CREATE INDEX "Resource_networkId_createdAt_idx" ON "Resource"("networkId", "createdAt");

-- CreateIndex
CREATE INDEX "Resource_networkId_useCount_idx" ON "Resource"("networkId", "useCount");

-- CreateIndex
CREATE INDEX "Resource_adaptedFromId_idx" ON "Resource"("adaptedFromId");

-- CreateIndex
CREATE INDEX "Resource_authorId_idx" ON "Resource"("authorId");

-- CreateIndex
CREATE INDEX "Resource_tags_idx" ON "Resource" USING GIN ("tags");

-- CreateIndex
CREATE UNIQUE INDEX "ResourceVersion_resourceId_version_key" ON "ResourceVersion"("resourceId", "version");

-- CreateIndex
CREATE INDEX "Attachment_resourceId_createdAt_idx" ON "Attachment"("resourceId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ResourceUse_resourceId_siteId_key" ON "ResourceUse"("resourceId", "siteId");

-- CreateIndex
CREATE INDEX "ResourceBookmark_userId_createdAt_idx" ON "ResourceBookmark"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "NetworkTag" ADD CONSTRAINT "NetworkTag_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Resource" ADD CONSTRAINT "Resource_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Resource" ADD CONSTRAINT "Resource_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Resource" ADD CONSTRAINT "Resource_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Resource" ADD CONSTRAINT "Resource_adaptedFromId_fkey" FOREIGN KEY ("adaptedFromId") REFERENCES "Resource"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResourceVersion" ADD CONSTRAINT "ResourceVersion_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "Resource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "Resource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResourceHelpful" ADD CONSTRAINT "ResourceHelpful_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "Resource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResourceUse" ADD CONSTRAINT "ResourceUse_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "Resource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResourceUse" ADD CONSTRAINT "ResourceUse_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResourceBookmark" ADD CONSTRAINT "ResourceBookmark_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "Resource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResourceView" ADD CONSTRAINT "ResourceView_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "Resource"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- ---------------------------------------------------------------------------------------------
-- Hand-written: what Prisma cannot express.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- array_to_string is only STABLE in general (it looks up the element type's output function);
-- for text[] it is immutable, which a generated column needs.
CREATE FUNCTION commons_tags_text(tags TEXT[]) RETURNS TEXT
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(array_to_string(tags, ' '), '') $$;

-- The search document is generated by PostgreSQL from the row itself, so it is current in the
-- same transaction as every write. Title, tags and summary are indexed twice: stemmed (english)
-- for whole words, and as written (simple) so that as-you-type prefixes like "remissi" match
-- "remission" although its stem is "remiss".
ALTER TABLE "Resource" DROP COLUMN "searchDocument";
ALTER TABLE "Resource" ADD COLUMN "searchDocument" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english'::regconfig, "title"), 'A') ||
  setweight(to_tsvector('simple'::regconfig, "title"), 'A') ||
  setweight(to_tsvector('english'::regconfig, commons_tags_text("tags")), 'B') ||
  setweight(to_tsvector('simple'::regconfig, commons_tags_text("tags")), 'B') ||
  setweight(to_tsvector('english'::regconfig, "summary"), 'C') ||
  setweight(to_tsvector('simple'::regconfig, "summary"), 'C') ||
  setweight(to_tsvector('english'::regconfig, "bodyText"), 'D')
) STORED;

CREATE INDEX "Resource_searchDocument_idx" ON "Resource" USING GIN ("searchDocument");

-- Misspelt query words are matched to this vocabulary by trigram similarity.
CREATE INDEX "SearchWord_word_trgm_idx" ON "SearchWord" USING GIN ("word" gin_trgm_ops);

-- The outbox worker only ever reads rows still to send.
CREATE INDEX "SearchOutbox_pending_idx" ON "SearchOutbox" ("nextAttemptAt", "id") WHERE "processedAt" IS NULL;
