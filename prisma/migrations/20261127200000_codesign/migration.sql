-- CreateEnum
CREATE TYPE "ChangeIdeaStatus" AS ENUM ('PROPOSED', 'CO_DESIGN', 'TESTING', 'ADOPTED', 'ADAPTED', 'ABANDONED');

-- CreateEnum
CREATE TYPE "CoDesignerStatus" AS ENUM ('INVITED', 'ACTIVE', 'DECLINED', 'LEFT');

-- CreateEnum
CREATE TYPE "PdsaStage" AS ENUM ('PLAN', 'DO', 'STUDY', 'ACT');

-- CreateEnum
CREATE TYPE "PdsaAct" AS ENUM ('ADOPT', 'ADAPT', 'ABANDON');

-- CreateEnum
CREATE TYPE "ThreadSubjectType" AS ENUM ('CHANGE_IDEA', 'RESOURCE', 'GROUP', 'SITE');

-- CreateEnum
CREATE TYPE "GroupVisibility" AS ENUM ('OPEN', 'INVITE_ONLY');

-- CreateEnum
CREATE TYPE "GroupRole" AS ENUM ('OWNER', 'MEMBER');

-- CreateEnum
CREATE TYPE "GroupMembershipStatus" AS ENUM ('INVITED', 'ACTIVE');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('MENTION', 'REPLY', 'IDEA_DECISION', 'PDSA_AT_SITE', 'GROUP_INVITE', 'CO_DESIGN_INVITE');

-- CreateEnum
CREATE TYPE "NotificationSubjectType" AS ENUM ('CHANGE_IDEA', 'PDSA_CYCLE', 'MESSAGE', 'GROUP');

-- CreateTable
CREATE TABLE "ChangeIdea" (
    "id" UUID NOT NULL,
    "networkId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "problem" TEXT NOT NULL DEFAULT '',
    "idea" TEXT NOT NULL DEFAULT '',
    "proposerId" UUID NOT NULL,
    "status" "ChangeIdeaStatus" NOT NULL DEFAULT 'PROPOSED',
    "nextDecisionOn" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "statusChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChangeIdea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChangeIdeaDriver" (
    "ideaId" UUID NOT NULL,
    "driverId" UUID NOT NULL,

    CONSTRAINT "ChangeIdeaDriver_pkey" PRIMARY KEY ("ideaId","driverId")
);

-- CreateTable
CREATE TABLE "ChangeIdeaCoDesigner" (
    "id" UUID NOT NULL,
    "ideaId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "status" "CoDesignerStatus" NOT NULL DEFAULT 'INVITED',
    "invitedById" UUID,
    "invitedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "joinedAt" TIMESTAMP(3),
    "respondedAt" TIMESTAMP(3),

    CONSTRAINT "ChangeIdeaCoDesigner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChangeIdeaEndorsement" (
    "ideaId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChangeIdeaEndorsement_pkey" PRIMARY KEY ("ideaId","userId")
);

-- CreateTable
CREATE TABLE "ChangeIdeaDecision" (
    "id" UUID NOT NULL,
    "ideaId" UUID NOT NULL,
    "fromStatus" "ChangeIdeaStatus" NOT NULL,
    "toStatus" "ChangeIdeaStatus" NOT NULL,
    "decision" TEXT NOT NULL,
    "rationale" TEXT NOT NULL DEFAULT '',
    "decidedById" UUID NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChangeIdeaDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChangeIdeaDecisionParticipant" (
    "decisionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "coDesigner" BOOLEAN NOT NULL,

    CONSTRAINT "ChangeIdeaDecisionParticipant_pkey" PRIMARY KEY ("decisionId","userId")
);

-- CreateTable
CREATE TABLE "PdsaCycle" (
    "id" UUID NOT NULL,
    "networkId" UUID NOT NULL,
    "ideaId" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "plan" TEXT NOT NULL,
    "prediction" TEXT NOT NULL,
    "doNotes" TEXT NOT NULL DEFAULT '',
    "studyNotes" TEXT NOT NULL DEFAULT '',
    "act" "PdsaAct",
    "actNotes" TEXT NOT NULL DEFAULT '',
    "stage" "PdsaStage" NOT NULL DEFAULT 'PLAN',
    "startOn" DATE NOT NULL,
    "endOn" DATE,
    "createdById" UUID NOT NULL,
    "updatedById" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PdsaCycle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PdsaCycleMeasure" (
    "cycleId" UUID NOT NULL,
    "measureId" UUID NOT NULL,

    CONSTRAINT "PdsaCycleMeasure_pkey" PRIMARY KEY ("cycleId","measureId")
);

-- CreateTable
CREATE TABLE "Thread" (
    "id" UUID NOT NULL,
    "networkId" UUID NOT NULL,
    "subjectType" "ThreadSubjectType" NOT NULL,
    "subjectId" UUID NOT NULL,
    "lastMessageSeq" BIGINT NOT NULL DEFAULT 0,
    "lastMessageAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Thread_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Message" (
    "id" UUID NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "threadId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "parentId" UUID,
    "body" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),
    "deletedById" UUID,

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MessageRevision" (
    "id" UUID NOT NULL,
    "messageId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "editedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MessageRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MessageReaction" (
    "messageId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "emoji" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MessageReaction_pkey" PRIMARY KEY ("messageId","userId","emoji")
);

-- CreateTable
CREATE TABLE "MessageMention" (
    "messageId" UUID NOT NULL,
    "userId" UUID NOT NULL,

    CONSTRAINT "MessageMention_pkey" PRIMARY KEY ("messageId","userId")
);

-- CreateTable
CREATE TABLE "ThreadReadMarker" (
    "threadId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "lastReadSeq" BIGINT NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ThreadReadMarker_pkey" PRIMARY KEY ("threadId","userId")
);

-- CreateTable
CREATE TABLE "WorkingGroup" (
    "id" UUID NOT NULL,
    "networkId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "purpose" TEXT NOT NULL DEFAULT '',
    "visibility" "GroupVisibility" NOT NULL DEFAULT 'OPEN',
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "WorkingGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GroupMembership" (
    "groupId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "GroupRole" NOT NULL DEFAULT 'MEMBER',
    "status" "GroupMembershipStatus" NOT NULL DEFAULT 'ACTIVE',
    "invitedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "joinedAt" TIMESTAMP(3),

    CONSTRAINT "GroupMembership_pkey" PRIMARY KEY ("groupId","userId")
);

-- CreateTable
CREATE TABLE "GroupResource" (
    "groupId" UUID NOT NULL,
    "resourceId" UUID NOT NULL,
    "addedById" UUID NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GroupResource_pkey" PRIMARY KEY ("groupId","resourceId")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "networkId" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "subjectType" "NotificationSubjectType" NOT NULL,
    "subjectId" UUID NOT NULL,
    "actorId" UUID,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),
    "emailedAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "userId" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "inApp" BOOLEAN NOT NULL DEFAULT true,
    "email" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("userId","kind")
);

-- CreateIndex
CREATE INDEX "ChangeIdea_networkId_status_updatedAt_idx" ON "ChangeIdea"("networkId", "status", "updatedAt");

-- CreateIndex
CREATE INDEX "ChangeIdea_networkId_updatedAt_idx" ON "ChangeIdea"("networkId", "updatedAt");

-- CreateIndex
CREATE INDEX "ChangeIdea_proposerId_idx" ON "ChangeIdea"("proposerId");

-- CreateIndex
CREATE UNIQUE INDEX "ChangeIdea_id_networkId_key" ON "ChangeIdea"("id", "networkId");

-- CreateIndex
CREATE INDEX "ChangeIdeaDriver_driverId_idx" ON "ChangeIdeaDriver"("driverId");

-- CreateIndex
CREATE INDEX "ChangeIdeaCoDesigner_userId_status_idx" ON "ChangeIdeaCoDesigner"("userId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ChangeIdeaCoDesigner_ideaId_userId_key" ON "ChangeIdeaCoDesigner"("ideaId", "userId");

-- CreateIndex
CREATE INDEX "ChangeIdeaEndorsement_userId_idx" ON "ChangeIdeaEndorsement"("userId");

-- CreateIndex
CREATE INDEX "ChangeIdeaDecision_ideaId_decidedAt_idx" ON "ChangeIdeaDecision"("ideaId", "decidedAt");

-- CreateIndex
CREATE INDEX "ChangeIdeaDecisionParticipant_userId_idx" ON "ChangeIdeaDecisionParticipant"("userId");

-- CreateIndex
CREATE INDEX "PdsaCycle_networkId_siteId_startOn_idx" ON "PdsaCycle"("networkId", "siteId", "startOn");

-- CreateIndex
CREATE UNIQUE INDEX "PdsaCycle_ideaId_siteId_number_key" ON "PdsaCycle"("ideaId", "siteId", "number");

-- CreateIndex
CREATE INDEX "PdsaCycleMeasure_measureId_idx" ON "PdsaCycleMeasure"("measureId");

-- CreateIndex
CREATE INDEX "Thread_networkId_lastMessageAt_idx" ON "Thread"("networkId", "lastMessageAt");

-- CreateIndex
CREATE UNIQUE INDEX "Thread_subjectType_subjectId_key" ON "Thread"("subjectType", "subjectId");

-- CreateIndex
CREATE UNIQUE INDEX "Message_seq_key" ON "Message"("seq");

-- CreateIndex
CREATE INDEX "Message_threadId_seq_idx" ON "Message"("threadId", "seq");

-- CreateIndex
CREATE INDEX "Message_parentId_seq_idx" ON "Message"("parentId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "Message_authorId_clientId_key" ON "Message"("authorId", "clientId");

-- CreateIndex
CREATE INDEX "MessageRevision_messageId_editedAt_idx" ON "MessageRevision"("messageId", "editedAt");

-- CreateIndex
CREATE INDEX "MessageMention_userId_idx" ON "MessageMention"("userId");

-- CreateIndex
CREATE INDEX "ThreadReadMarker_userId_idx" ON "ThreadReadMarker"("userId");

-- CreateIndex
CREATE INDEX "WorkingGroup_networkId_createdAt_idx" ON "WorkingGroup"("networkId", "createdAt");

-- CreateIndex
CREATE INDEX "GroupMembership_userId_status_idx" ON "GroupMembership"("userId", "status");

-- CreateIndex
CREATE INDEX "GroupResource_resourceId_idx" ON "GroupResource"("resourceId");

-- CreateIndex
CREATE INDEX "Notification_userId_networkId_createdAt_idx" ON "Notification"("userId", "networkId", "createdAt" DESC);

-- AddForeignKey
ALTER TABLE "ChangeIdea" ADD CONSTRAINT "ChangeIdea_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeIdea" ADD CONSTRAINT "ChangeIdea_proposerId_fkey" FOREIGN KEY ("proposerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeIdeaDriver" ADD CONSTRAINT "ChangeIdeaDriver_ideaId_fkey" FOREIGN KEY ("ideaId") REFERENCES "ChangeIdea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeIdeaDriver" ADD CONSTRAINT "ChangeIdeaDriver_driverId_fkey" FOREIGN KEY ("driverId") REFERENCES "Driver"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeIdeaCoDesigner" ADD CONSTRAINT "ChangeIdeaCoDesigner_ideaId_fkey" FOREIGN KEY ("ideaId") REFERENCES "ChangeIdea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeIdeaCoDesigner" ADD CONSTRAINT "ChangeIdeaCoDesigner_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeIdeaEndorsement" ADD CONSTRAINT "ChangeIdeaEndorsement_ideaId_fkey" FOREIGN KEY ("ideaId") REFERENCES "ChangeIdea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeIdeaEndorsement" ADD CONSTRAINT "ChangeIdeaEndorsement_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeIdeaDecision" ADD CONSTRAINT "ChangeIdeaDecision_ideaId_fkey" FOREIGN KEY ("ideaId") REFERENCES "ChangeIdea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeIdeaDecisionParticipant" ADD CONSTRAINT "ChangeIdeaDecisionParticipant_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "ChangeIdeaDecision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeIdeaDecisionParticipant" ADD CONSTRAINT "ChangeIdeaDecisionParticipant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PdsaCycle" ADD CONSTRAINT "PdsaCycle_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PdsaCycle" ADD CONSTRAINT "PdsaCycle_ideaId_networkId_fkey" FOREIGN KEY ("ideaId", "networkId") REFERENCES "ChangeIdea"("id", "networkId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PdsaCycle" ADD CONSTRAINT "PdsaCycle_siteId_networkId_fkey" FOREIGN KEY ("siteId", "networkId") REFERENCES "Site"("id", "networkId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PdsaCycleMeasure" ADD CONSTRAINT "PdsaCycleMeasure_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "PdsaCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PdsaCycleMeasure" ADD CONSTRAINT "PdsaCycleMeasure_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Thread" ADD CONSTRAINT "Thread_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "Thread"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Message"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageRevision" ADD CONSTRAINT "MessageRevision_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageReaction" ADD CONSTRAINT "MessageReaction_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageReaction" ADD CONSTRAINT "MessageReaction_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageMention" ADD CONSTRAINT "MessageMention_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageMention" ADD CONSTRAINT "MessageMention_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreadReadMarker" ADD CONSTRAINT "ThreadReadMarker_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "Thread"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreadReadMarker" ADD CONSTRAINT "ThreadReadMarker_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkingGroup" ADD CONSTRAINT "WorkingGroup_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupMembership" ADD CONSTRAINT "GroupMembership_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "WorkingGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupMembership" ADD CONSTRAINT "GroupMembership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupResource" ADD CONSTRAINT "GroupResource_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "WorkingGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupResource" ADD CONSTRAINT "GroupResource_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "Resource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- ---------------------------------------------------------------------------------------------
-- Hand-written: what Prisma cannot express.

-- The unread badge counts a member's unread notifications in a network.
CREATE INDEX "Notification_unread_idx" ON "Notification" ("userId", "networkId", "createdAt" DESC) WHERE "readAt" IS NULL;

-- Home cards list the ideas a member co-designs now (pending invitations apart).
CREATE INDEX "ChangeIdeaCoDesigner_active_idx" ON "ChangeIdeaCoDesigner" ("userId", "ideaId") WHERE "status" = 'ACTIVE';

-- Rules the service checks with named fields; the database holds them too, whoever writes.
ALTER TABLE "PdsaCycle" ADD CONSTRAINT "PdsaCycle_dates_check" CHECK ("endOn" IS NULL OR "endOn" >= "startOn");
ALTER TABLE "PdsaCycle" ADD CONSTRAINT "PdsaCycle_number_check" CHECK ("number" >= 1);
ALTER TABLE "PdsaCycle" ADD CONSTRAINT "PdsaCycle_act_check" CHECK ("act" IS NULL OR "stage" = 'ACT');
ALTER TABLE "ChangeIdeaDecision" ADD CONSTRAINT "ChangeIdeaDecision_move_check" CHECK ("fromStatus" <> "toStatus");
ALTER TABLE "ChangeIdea" ADD CONSTRAINT "ChangeIdea_version_check" CHECK ("version" >= 1);
ALTER TABLE "Message" ADD CONSTRAINT "Message_not_own_parent_check" CHECK ("parentId" IS NULL OR "parentId" <> "id");
ALTER TABLE "Message" ADD CONSTRAINT "Message_tombstone_check" CHECK ("deletedAt" IS NULL OR "body" = '');
ALTER TABLE "ThreadReadMarker" ADD CONSTRAINT "ThreadReadMarker_seq_check" CHECK ("lastReadSeq" >= 0);
