-- CreateEnum
CREATE TYPE "SiteRequestStatus" AS ENUM ('PENDING', 'CONFIRMED', 'DECLINED', 'CANCELLED');

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'SITE_REQUEST';
ALTER TYPE "NotificationKind" ADD VALUE 'SITE_REQUEST_CONFIRMED';
ALTER TYPE "NotificationKind" ADD VALUE 'SITE_REQUEST_DECLINED';

-- AlterEnum
ALTER TYPE "NotificationSubjectType" ADD VALUE 'SITE_REQUEST';

-- CreateTable
CREATE TABLE "SiteRequest" (
    "id" UUID NOT NULL,
    "networkId" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "status" "SiteRequestStatus" NOT NULL DEFAULT 'PENDING',
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredById" UUID,
    "answeredAt" TIMESTAMP(3),
    "reason" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "SiteRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SiteRequest_networkId_status_siteId_requestedAt_idx" ON "SiteRequest"("networkId", "status", "siteId", "requestedAt");

-- CreateIndex
CREATE INDEX "SiteRequest_userId_networkId_requestedAt_idx" ON "SiteRequest"("userId", "networkId", "requestedAt");

-- AddForeignKey
ALTER TABLE "SiteRequest" ADD CONSTRAINT "SiteRequest_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SiteRequest" ADD CONSTRAINT "SiteRequest_siteId_networkId_fkey" FOREIGN KEY ("siteId", "networkId") REFERENCES "Site"("id", "networkId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SiteRequest" ADD CONSTRAINT "SiteRequest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SiteRequest" ADD CONSTRAINT "SiteRequest_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Hand-written: what Prisma cannot express, and the existing memberships.

-- At most one request waits per member and network: asking for another site replaces it.
CREATE UNIQUE INDEX "SiteRequest_one_pending_per_member" ON "SiteRequest"("networkId", "userId") WHERE "status" = 'PENDING';

-- Until now a patient, family member or researcher could set any site as her own, with nobody
-- asked, and that site's unsuppressed counts and thread opened to her. Existing sites of these
-- roles are kept as confirmed where an admin or a site lead chose them: an accepted invitation of
-- the member to that network named that site. Any other site of these roles may have been chosen
-- by the member herself (and an admin's change of role and site left no record that would tell
-- it apart), so it becomes a pending request to that site's lead and admins, and the member has
-- no site until it is confirmed. Sites of clinicians, site leads and admins, which only admins
-- and invitations could set, stay as they are.
WITH unconfirmed AS (
  SELECT m."id", m."userId", m."networkId", m."siteId"
  FROM "Membership" m
  WHERE m."role" IN ('PATIENT_PARTNER', 'FAMILY_MEMBER', 'RESEARCHER')
    AND m."siteId" IS NOT NULL
    AND NOT EXISTS (
      SELECT 1 FROM "Invitation" i
      WHERE i."acceptedById" = m."userId" AND i."networkId" = m."networkId" AND i."siteId" = m."siteId" AND i."acceptedAt" IS NOT NULL
    )
), requested AS (
  INSERT INTO "SiteRequest" ("id", "networkId", "siteId", "userId", "status", "requestedAt")
  SELECT gen_random_uuid(), "networkId", "siteId", "userId", 'PENDING', CURRENT_TIMESTAMP FROM unconfirmed
)
UPDATE "Membership" SET "siteId" = NULL WHERE "id" IN (SELECT "id" FROM unconfirmed);
