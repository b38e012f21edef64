-- CreateEnum
CREATE TYPE "EmailFrequency" AS ENUM ('OFF', 'IMMEDIATE', 'DAILY', 'WEEKLY');

-- CreateEnum
CREATE TYPE "EmailKind" AS ENUM ('INVITATION', 'PASSWORD_RESET', 'PASSWORD_CHANGED', 'EMAIL_CHANGE_VERIFY', 'EMAIL_CHANGED', 'TWO_FACTOR_CHANGED', 'NOTIFICATION', 'DIGEST_DAILY', 'DIGEST_WEEKLY', 'REPORT_DUE', 'REPORT_OVERDUE');

-- CreateEnum
CREATE TYPE "EmailStatus" AS ENUM ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'BOUNCED');

-- CreateEnum
CREATE TYPE "AccountTokenPurpose" AS ENUM ('PASSWORD_RESET', 'EMAIL_CHANGE', 'TWO_FACTOR_SIGN_IN');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "emailReportReminders" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "twoFactorEnabledAt" TIMESTAMP(3),
ADD COLUMN     "twoFactorLastStep" INTEGER,
ADD COLUMN     "twoFactorSecret" TEXT;

-- AlterTable
ALTER TABLE "Network" ADD COLUMN     "reportDueDay" INTEGER NOT NULL DEFAULT 15,
ADD COLUMN     "reportReminderDays" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "requireTwoFactorForLeads" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "NotificationPreference" ADD COLUMN     "emailFrequency" "EmailFrequency" NOT NULL DEFAULT 'OFF';

-- CreateTable
CREATE TABLE "EmailMessage" (
    "id" UUID NOT NULL,
    "kind" "EmailKind" NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "networkId" UUID,
    "userId" UUID,
    "toAddress" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "unsubscribeTokenHash" TEXT,
    "unsubscribeUrl" TEXT,
    "unsubscribeScope" TEXT,
    "unsubscribedAt" TIMESTAMP(3),
    "status" "EmailStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "leaseUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "response" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "EmailMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccountToken" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "purpose" "AccountTokenPurpose" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "newEmail" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccountToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TwoFactorRecoveryCode" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "TwoFactorRecoveryCode_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EmailMessage_dedupeKey_key" ON "EmailMessage"("dedupeKey");

-- CreateIndex
CREATE UNIQUE INDEX "EmailMessage_messageId_key" ON "EmailMessage"("messageId");

-- CreateIndex
CREATE UNIQUE INDEX "EmailMessage_unsubscribeTokenHash_key" ON "EmailMessage"("unsubscribeTokenHash");

-- CreateIndex
CREATE INDEX "EmailMessage_status_createdAt_idx" ON "EmailMessage"("status", "createdAt");

-- CreateIndex
CREATE INDEX "EmailMessage_networkId_createdAt_idx" ON "EmailMessage"("networkId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "EmailMessage_userId_createdAt_idx" ON "EmailMessage"("userId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "AccountToken_tokenHash_key" ON "AccountToken"("tokenHash");

-- CreateIndex
CREATE INDEX "AccountToken_userId_purpose_idx" ON "AccountToken"("userId", "purpose");

-- CreateIndex
CREATE INDEX "TwoFactorRecoveryCode_userId_idx" ON "TwoFactorRecoveryCode"("userId");

-- AddForeignKey
ALTER TABLE "EmailMessage" ADD CONSTRAINT "EmailMessage_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailMessage" ADD CONSTRAINT "EmailMessage_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountToken" ADD CONSTRAINT "AccountToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TwoFactorRecoveryCode" ADD CONSTRAINT "TwoFactorRecoveryCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Members who had email on for a kind keep getting it, as soon as it happens.
UPDATE "NotificationPreference" SET "emailFrequency" = 'IMMEDIATE' WHERE "email";

-- CHECK constraints on the network's reporting settings.
ALTER TABLE "Network" ADD CONSTRAINT "Network_reportDueDay_check" CHECK ("reportDueDay" BETWEEN 1 AND 28);
ALTER TABLE "Network" ADD CONSTRAINT "Network_reportReminderDays_check" CHECK ("reportReminderDays" BETWEEN 0 AND 27);

-- What the immediate sender and the digests look for: notifications not yet emailed nor read.
CREATE INDEX "Notification_awaiting_email_idx" ON "Notification"("userId", "createdAt") WHERE "emailedAt" IS NULL AND "readAt" IS NULL;
