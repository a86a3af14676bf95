-- CreateEnum
CREATE TYPE "RailRefundStatus" AS ENUM ('PENDING', 'DONE', 'FAILED');

-- CreateTable
CREATE TABLE "RailRefund" (
    "id" TEXT NOT NULL,
    "rail" "PaymentRail" NOT NULL,
    "paymentId" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "status" "RailRefundStatus" NOT NULL DEFAULT 'PENDING',
    "providerRef" TEXT,
    "reason" TEXT,
    "failureReason" TEXT,
    "refundId" TEXT,
    "requestedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "settledAt" TIMESTAMPTZ(3),

    CONSTRAINT "RailRefund_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RailRefund_refundId_key" ON "RailRefund"("refundId");

-- CreateIndex
CREATE INDEX "RailRefund_paymentId_idx" ON "RailRefund"("paymentId");

-- CreateIndex
CREATE INDEX "RailRefund_status_createdAt_idx" ON "RailRefund"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "RailRefund_rail_providerRef_key" ON "RailRefund"("rail", "providerRef");

-- AddForeignKey
ALTER TABLE "RailRefund" ADD CONSTRAINT "RailRefund_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
