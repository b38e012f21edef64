-- CreateEnum
CREATE TYPE "DecisionStatus" AS ENUM ('PENDING', 'TAKEN', 'DECLINED', 'WITHDRAWN', 'EXPIRED');

-- CreateEnum
CREATE TYPE "DecisionAnswer" AS ENUM ('WAITING', 'CONFIRMED', 'DECLINED', 'NAMED');

-- CreateEnum
CREATE TYPE "ProposalKind" AS ENUM ('CONSENT', 'DOT_VOTE');

-- CreateEnum
CREATE TYPE "Position" AS ENUM ('AGREE', 'ABSTAIN', 'DISAGREE', 'BLOCK');

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'DECISION_AWAITING_CONFIRMATION';
ALTER TYPE "NotificationKind" ADD VALUE 'DECISION_DECLINED';
ALTER TYPE "NotificationKind" ADD VALUE 'PROPOSAL_OPENED';

-- DropIndex
DROP INDEX "ChangeIdeaDecision_ideaId_decidedAt_idx";

-- DropIndex
DROP INDEX "ChangeIdeaDecisionParticipant_userId_idx";

-- AlterTable
ALTER TABLE "Network" ADD COLUMN     "decisionConfirmationDays" INTEGER NOT NULL DEFAULT 14;

-- AlterTable
ALTER TABLE "ChangeIdeaDecision" ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "expiresAt" TIMESTAMP(3),
ADD COLUMN     "nextDecisionOn" DATE,
ADD COLUMN     "patientVoiceReason" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "proposalId" UUID,
ADD COLUMN     "proposedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "status" "DecisionStatus" NOT NULL DEFAULT 'PENDING',
ALTER COLUMN "decidedAt" DROP NOT NULL,
ALTER COLUMN "decidedAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "ChangeIdeaDecisionParticipant" ADD COLUMN     "answer" "DecisionAnswer" NOT NULL DEFAULT 'WAITING',
ADD COLUMN     "answeredAt" TIMESTAMP(3),
ADD COLUMN     "comment" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "Proposal" (
    "id" UUID NOT NULL,
    "networkId" UUID NOT NULL,
    "threadId" UUID NOT NULL,
    "kind" "ProposalKind" NOT NULL,
    "question" TEXT NOT NULL,
    "details" TEXT NOT NULL DEFAULT '',
    "proposerId" UUID NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "outcome" TEXT NOT NULL DEFAULT '',
    "outcomeAt" TIMESTAMP(3),
    "dotsPerMember" INTEGER,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Proposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalOption" (
    "id" UUID NOT NULL,
    "proposalId" UUID NOT NULL,
    "label" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "ProposalOption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalPosition" (
    "proposalId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "position" "Position" NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalPosition_pkey" PRIMARY KEY ("proposalId","userId")
);

-- CreateTable
CREATE TABLE "ProposalDotVote" (
    "proposalId" UUID NOT NULL,
    "optionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "dots" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalDotVote_pkey" PRIMARY KEY ("proposalId","optionId","userId")
);

-- CreateIndex
CREATE INDEX "Proposal_threadId_createdAt_idx" ON "Proposal"("threadId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ProposalOption_proposalId_position_key" ON "ProposalOption"("proposalId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ProposalOption_id_proposalId_key" ON "ProposalOption"("id", "proposalId");

-- CreateIndex
CREATE INDEX "ProposalPosition_userId_idx" ON "ProposalPosition"("userId");

-- CreateIndex
CREATE INDEX "ProposalDotVote_proposalId_userId_idx" ON "ProposalDotVote"("proposalId", "userId");

-- CreateIndex
CREATE INDEX "ProposalDotVote_userId_idx" ON "ProposalDotVote"("userId");

-- CreateIndex
CREATE INDEX "ChangeIdeaDecision_ideaId_proposedAt_idx" ON "ChangeIdeaDecision"("ideaId", "proposedAt");

-- CreateIndex
CREATE INDEX "ChangeIdeaDecisionParticipant_userId_answer_idx" ON "ChangeIdeaDecisionParticipant"("userId", "answer");

-- AddForeignKey
ALTER TABLE "ChangeIdeaDecision" ADD CONSTRAINT "ChangeIdeaDecision_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "Thread"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_proposerId_fkey" FOREIGN KEY ("proposerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalOption" ADD CONSTRAINT "ProposalOption_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalPosition" ADD CONSTRAINT "ProposalPosition_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalPosition" ADD CONSTRAINT "ProposalPosition_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalDotVote" ADD CONSTRAINT "ProposalDotVote_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalDotVote" ADD CONSTRAINT "ProposalDotVote_optionId_proposalId_fkey" FOREIGN KEY ("optionId", "proposalId") REFERENCES "ProposalOption"("id", "proposalId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalDotVote" ADD CONSTRAINT "ProposalDotVote_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- ---------------------------------------------------------------------------------------------
-- Hand-written: what Prisma cannot express, and the decisions recorded so far.

-- Decisions recorded before confirmations were asked took effect when recorded. Their recorder
-- expressed them herself; everyone else was named by her and never asked, which the record says
-- (NAMED) rather than claim they confirmed.
UPDATE "ChangeIdeaDecision" SET "status" = 'TAKEN', "proposedAt" = "decidedAt", "closedAt" = "decidedAt";
UPDATE "ChangeIdeaDecisionParticipant" p
   SET "answer" = CASE WHEN p."userId" = d."decidedById" THEN 'CONFIRMED'::"DecisionAnswer" ELSE 'NAMED'::"DecisionAnswer" END,
       "answeredAt" = CASE WHEN p."userId" = d."decidedById" THEN d."decidedAt" ELSE NULL END
  FROM "ChangeIdeaDecision" d
 WHERE d."id" = p."decisionId";

-- At most one decision waits for confirmations per idea: of two recorded at once, the second is
-- refused here whatever the application checked before.
CREATE UNIQUE INDEX "ChangeIdeaDecision_one_pending_per_idea" ON "ChangeIdeaDecision"("ideaId") WHERE "status" = 'PENDING';

-- A waiting decision knows when it stops waiting; a taken one when it took effect.
ALTER TABLE "ChangeIdeaDecision" ADD CONSTRAINT "ChangeIdeaDecision_pending_expires" CHECK ("status" <> 'PENDING' OR "expiresAt" IS NOT NULL);
ALTER TABLE "ChangeIdeaDecision" ADD CONSTRAINT "ChangeIdeaDecision_taken_decided" CHECK ("status" <> 'TAKEN' OR "decidedAt" IS NOT NULL);

-- Dots are positive (a member taking her dots back deletes the row); only a dot vote has a number of dots per member.
ALTER TABLE "ProposalDotVote" ADD CONSTRAINT "ProposalDotVote_dots_positive" CHECK ("dots" > 0);
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_dots_for_dot_votes" CHECK (("kind" = 'DOT_VOTE') = ("dotsPerMember" IS NOT NULL));
