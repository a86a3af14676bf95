-- CreateEnum
CREATE TYPE "ServiceRequestStatus" AS ENUM ('AWAITING_SIGNATURE', 'SIGNED', 'CANCELLED');

-- CreateTable
CREATE TABLE "ServiceRequest" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "status" "ServiceRequestStatus" NOT NULL DEFAULT 'AWAITING_SIGNATURE',
    "draft" JSONB NOT NULL,
    "planName" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "cardLink" BOOLEAN NOT NULL DEFAULT false,
    "feasibilityNote" TEXT,
    "linkTokenHash" TEXT,
    "linkExpiresAt" TIMESTAMPTZ(3),
    "createdById" TEXT,
    "orderId" TEXT,
    "signedAt" TIMESTAMPTZ(3),
    "cancelledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ServiceRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ServiceRequest_linkTokenHash_key" ON "ServiceRequest"("linkTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceRequest_orderId_key" ON "ServiceRequest"("orderId");

-- CreateIndex
CREATE INDEX "ServiceRequest_customerId_status_idx" ON "ServiceRequest"("customerId", "status");

-- CreateIndex
CREATE INDEX "ServiceRequest_createdById_idx" ON "ServiceRequest"("createdById");

-- AddForeignKey
ALTER TABLE "ServiceRequest" ADD CONSTRAINT "ServiceRequest_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceRequest" ADD CONSTRAINT "ServiceRequest_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceRequest" ADD CONSTRAINT "ServiceRequest_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Staff search by IP: the open RADIUS session holding a framed (pool) address. radacct is
-- FreeRADIUS's table (not a Prisma model); only open sessions are indexed.
CREATE INDEX IF NOT EXISTS radacct_open_framed_ip_idx ON radacct (framedipaddress) WHERE acctstoptime IS NULL;
