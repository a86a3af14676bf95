-- CreateEnum
CREATE TYPE "PaymentRail" AS ENUM ('PIX', 'MPESA');

-- CreateEnum
CREATE TYPE "RailChargeStatus" AS ENUM ('PENDING', 'PAID', 'FAILED', 'EXPIRED');

-- AlterEnum
ALTER TYPE "PaymentMethodKind" ADD VALUE 'PIX';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "PaymentProvider" ADD VALUE 'PIX';
ALTER TYPE "PaymentProvider" ADD VALUE 'MPESA';

-- CreateTable
CREATE TABLE "PaymentRailSetting" (
    "rail" "PaymentRail" NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "config" JSONB NOT NULL DEFAULT '{}',
    "secretsEnc" TEXT,
    "callbackToken" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PaymentRailSetting_pkey" PRIMARY KEY ("rail")
);

-- CreateTable
CREATE TABLE "RailCharge" (
    "id" TEXT NOT NULL,
    "rail" "PaymentRail" NOT NULL,
    "providerRef" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "invoiceId" TEXT,
    "amount" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "status" "RailChargeStatus" NOT NULL DEFAULT 'PENDING',
    "idempotencyKey" TEXT NOT NULL,
    "display" JSONB NOT NULL DEFAULT '{}',
    "paymentId" TEXT,
    "failureReason" TEXT,
    "queries" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "settledAt" TIMESTAMPTZ(3),

    CONSTRAINT "RailCharge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RailCharge_idempotencyKey_key" ON "RailCharge"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "RailCharge_paymentId_key" ON "RailCharge"("paymentId");

-- CreateIndex
CREATE INDEX "RailCharge_status_createdAt_idx" ON "RailCharge"("status", "createdAt");

-- CreateIndex
CREATE INDEX "RailCharge_invoiceId_idx" ON "RailCharge"("invoiceId");

-- CreateIndex
CREATE INDEX "RailCharge_customerId_idx" ON "RailCharge"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "RailCharge_rail_providerRef_key" ON "RailCharge"("rail", "providerRef");

-- AddForeignKey
ALTER TABLE "RailCharge" ADD CONSTRAINT "RailCharge_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RailCharge" ADD CONSTRAINT "RailCharge_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RailCharge" ADD CONSTRAINT "RailCharge_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
