-- CreateEnum
CREATE TYPE "SuspendedAccess" AS ENUM ('REJECT', 'WALLED_GARDEN');

-- CreateEnum
CREATE TYPE "NasType" AS ENUM ('MIKROTIK', 'CISCO', 'OTHER');

-- CreateEnum
CREATE TYPE "CoaKind" AS ENUM ('COA', 'DISCONNECT');

-- CreateEnum
CREATE TYPE "CoaResult" AS ENUM ('ACK', 'NAK', 'TIMEOUT', 'ERROR');

-- AlterTable
ALTER TABLE "IspSettings" ADD COLUMN     "radiusInterimSeconds" INTEGER NOT NULL DEFAULT 300,
ADD COLUMN     "radiusRedirectList" TEXT NOT NULL DEFAULT 'lastmile-redirect',
ADD COLUMN     "radiusSuspendedAccess" "SuspendedAccess" NOT NULL DEFAULT 'REJECT',
ADD COLUMN     "radiusThrottleDownKbps" INTEGER NOT NULL DEFAULT 1024,
ADD COLUMN     "radiusThrottleUpKbps" INTEGER NOT NULL DEFAULT 512,
ADD COLUMN     "radiusWalledGardenList" TEXT NOT NULL DEFAULT 'lastmile-walled-garden';

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "burstDownloadMbps" INTEGER,
ADD COLUMN     "burstSeconds" INTEGER,
ADD COLUMN     "burstUploadMbps" INTEGER;

-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN     "radiusPassword" TEXT,
ADD COLUMN     "softSuspendedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "Nas" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "ipAddress" TEXT NOT NULL,
    "type" "NasType" NOT NULL DEFAULT 'OTHER',
    "secret" TEXT NOT NULL,
    "coaPort" INTEGER NOT NULL DEFAULT 3799,
    "description" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Nas_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoaLog" (
    "id" TEXT NOT NULL,
    "kind" "CoaKind" NOT NULL,
    "subscriptionId" TEXT,
    "nasId" TEXT,
    "nasIp" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "acctSessionId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "attributes" JSONB NOT NULL,
    "result" "CoaResult" NOT NULL,
    "errorCause" INTEGER,
    "error" TEXT,
    "sentAt" TIMESTAMPTZ(3) NOT NULL,
    "latencyMs" INTEGER,
    "sessionUpdatedAt" TIMESTAMPTZ(3),

    CONSTRAINT "CoaLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UsageDaily" (
    "subscriptionId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "downloadBytes" BIGINT NOT NULL DEFAULT 0,
    "uploadBytes" BIGINT NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "UsageDaily_pkey" PRIMARY KEY ("subscriptionId","date")
);

-- CreateTable
CREATE TABLE "UsageSession" (
    "radacctId" BIGINT NOT NULL,
    "countedDownload" BIGINT NOT NULL DEFAULT 0,
    "countedUpload" BIGINT NOT NULL DEFAULT 0,
    "done" BOOLEAN NOT NULL DEFAULT false,
    "foldedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "UsageSession_pkey" PRIMARY KEY ("radacctId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Nas_ipAddress_key" ON "Nas"("ipAddress");

-- CreateIndex
CREATE INDEX "CoaLog_subscriptionId_sentAt_idx" ON "CoaLog"("subscriptionId", "sentAt");

-- CreateIndex
CREATE INDEX "CoaLog_sentAt_idx" ON "CoaLog"("sentAt");

-- CreateIndex
CREATE INDEX "CoaLog_nasId_idx" ON "CoaLog"("nasId");

-- CreateIndex
CREATE INDEX "CoaLog_username_acctSessionId_idx" ON "CoaLog"("username", "acctSessionId");

-- AddForeignKey
ALTER TABLE "CoaLog" ADD CONSTRAINT "CoaLog_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "Subscription"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoaLog" ADD CONSTRAINT "CoaLog_nasId_fkey" FOREIGN KEY ("nasId") REFERENCES "Nas"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsageDaily" ADD CONSTRAINT "UsageDaily_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "Subscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- FreeRADIUS ships this radacct index commented out ("and, optionally"): the usage fold finds
-- the sessions that stopped inside its window by stop time.
CREATE INDEX radacct_stop_user_idx ON radacct (AcctStopTime, UserName);
-- A customer's sessions (admin, API) and a service's open sessions (CoA) by username; the
-- shipped indexes lead with the start time or the unique id.
CREATE INDEX radacct_user_start_idx ON radacct (UserName, AcctStartTime);
