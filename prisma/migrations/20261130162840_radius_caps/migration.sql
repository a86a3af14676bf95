-- CreateEnum
CREATE TYPE "CapAction" AS ENUM ('NOTIFY', 'THROTTLE', 'BLOCK', 'BILL_OVERAGE');

-- AlterTable
ALTER TABLE "OneOffCharge" ADD COLUMN     "lineKind" "LineKind" NOT NULL DEFAULT 'ONE_OFF',
ADD COLUMN     "periodEnd" DATE,
ADD COLUMN     "periodStart" DATE,
ALTER COLUMN "quantity" SET DEFAULT 1,
ALTER COLUMN "quantity" SET DATA TYPE DECIMAL(14,4);

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "capAction" "CapAction" NOT NULL DEFAULT 'NOTIFY',
ADD COLUMN     "capRollover" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "fupDownloadMbps" INTEGER,
ADD COLUMN     "fupUploadMbps" INTEGER,
ADD COLUMN     "overagePerGb" INTEGER,
ADD COLUMN     "topUpGb" INTEGER,
ADD COLUMN     "topUpPrice" INTEGER,
ADD COLUMN     "uncountedFromHour" INTEGER,
ADD COLUMN     "uncountedToHour" INTEGER;

-- AlterTable
ALTER TABLE "UsageDaily" ADD COLUMN     "uncountedDownloadBytes" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "uncountedUploadBytes" BIGINT NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "UsagePeriod" (
    "subscriptionId" TEXT NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "capBytes" BIGINT NOT NULL,
    "rolloverBytes" BIGINT NOT NULL DEFAULT 0,
    "topUpBytes" BIGINT NOT NULL DEFAULT 0,
    "usedBytes" BIGINT NOT NULL DEFAULT 0,
    "notified80At" TIMESTAMPTZ(3),
    "notified100At" TIMESTAMPTZ(3),
    "cappedAt" TIMESTAMPTZ(3),
    "overageChargeId" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "UsagePeriod_pkey" PRIMARY KEY ("subscriptionId","periodStart")
);

-- CreateTable
CREATE TABLE "DataTopUp" (
    "id" TEXT NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "periodStart" DATE NOT NULL,
    "gb" INTEGER NOT NULL,
    "amount" INTEGER NOT NULL,
    "invoiceId" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DataTopUp_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "UsagePeriod_overageChargeId_key" ON "UsagePeriod"("overageChargeId");

-- CreateIndex
CREATE INDEX "UsagePeriod_cappedAt_idx" ON "UsagePeriod"("cappedAt");

-- CreateIndex
CREATE INDEX "DataTopUp_subscriptionId_periodStart_idx" ON "DataTopUp"("subscriptionId", "periodStart");

-- AddForeignKey
ALTER TABLE "UsagePeriod" ADD CONSTRAINT "UsagePeriod_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "Subscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataTopUp" ADD CONSTRAINT "DataTopUp_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "Subscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;
