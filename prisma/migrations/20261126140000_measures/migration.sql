-- CreateEnum
CREATE TYPE "MeasureKind" AS ENUM ('PROPORTION', 'RATE', 'MEAN', 'COUNT');

-- CreateEnum
CREATE TYPE "Direction" AS ENUM ('UP', 'DOWN');

-- CreateEnum
CREATE TYPE "ChartType" AS ENUM ('RUN', 'P', 'P_PRIME', 'U', 'C', 'I');

-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('DRAFT', 'SUBMITTED');

-- CreateEnum
CREATE TYPE "DriverKind" AS ENUM ('PRIMARY', 'SECONDARY');

-- CreateTable
CREATE TABLE "Aim" (
    "id" UUID NOT NULL,
    "networkId" UUID NOT NULL,
    "statement" TEXT NOT NULL,
    "outcomeMeasureId" UUID,
    "baselineValue" DOUBLE PRECISION NOT NULL,
    "baselineFrom" CHAR(7) NOT NULL,
    "baselineTo" CHAR(7) NOT NULL,
    "targetValue" DOUBLE PRECISION NOT NULL,
    "dueDate" DATE NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" UUID,

    CONSTRAINT "Aim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Driver" (
    "id" UUID NOT NULL,
    "networkId" UUID NOT NULL,
    "parentId" UUID,
    "kind" "DriverKind" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Driver_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Measure" (
    "id" UUID NOT NULL,
    "networkId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "definition" TEXT NOT NULL DEFAULT '',
    "numeratorDefinition" TEXT NOT NULL DEFAULT '',
    "denominatorDefinition" TEXT NOT NULL DEFAULT '',
    "inclusions" TEXT NOT NULL DEFAULT '',
    "exclusions" TEXT NOT NULL DEFAULT '',
    "kind" "MeasureKind" NOT NULL,
    "direction" "Direction" NOT NULL,
    "unit" TEXT NOT NULL DEFAULT '',
    "target" DOUBLE PRECISION,
    "defaultChart" "ChartType" NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Measure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeasureReport" (
    "id" UUID NOT NULL,
    "networkId" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "measureId" UUID NOT NULL,
    "month" CHAR(7) NOT NULL,
    "numerator" INTEGER,
    "denominator" INTEGER,
    "value" DOUBLE PRECISION,
    "status" "ReportStatus" NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "submittedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedById" UUID NOT NULL,

    CONSTRAINT "MeasureReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeasureReportRevision" (
    "id" UUID NOT NULL,
    "reportId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "numerator" INTEGER,
    "denominator" INTEGER,
    "value" DOUBLE PRECISION,
    "status" "ReportStatus" NOT NULL,
    "reason" TEXT,
    "changedById" UUID NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeasureReportRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Aim_networkId_key" ON "Aim"("networkId");

-- CreateIndex
CREATE INDEX "Driver_networkId_parentId_position_idx" ON "Driver"("networkId", "parentId", "position");

-- CreateIndex
CREATE INDEX "Measure_networkId_position_idx" ON "Measure"("networkId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Measure_networkId_key_key" ON "Measure"("networkId", "key");

-- CreateIndex
CREATE INDEX "MeasureReport_networkId_measureId_month_idx" ON "MeasureReport"("networkId", "measureId", "month");

-- CreateIndex
CREATE UNIQUE INDEX "MeasureReport_siteId_measureId_month_key" ON "MeasureReport"("siteId", "measureId", "month");

-- CreateIndex
CREATE UNIQUE INDEX "MeasureReportRevision_reportId_version_key" ON "MeasureReportRevision"("reportId", "version");

-- AddForeignKey
ALTER TABLE "Aim" ADD CONSTRAINT "Aim_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Aim" ADD CONSTRAINT "Aim_outcomeMeasureId_fkey" FOREIGN KEY ("outcomeMeasureId") REFERENCES "Measure"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Driver" ADD CONSTRAINT "Driver_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Driver" ADD CONSTRAINT "Driver_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Driver"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureReport" ADD CONSTRAINT "MeasureReport_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureReport" ADD CONSTRAINT "MeasureReport_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureReportRevision" ADD CONSTRAINT "MeasureReportRevision_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "MeasureReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

