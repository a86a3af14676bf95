-- CreateEnum
CREATE TYPE "AutoPayTiming" AS ENUM ('FINALIZED', 'DUE_DATE');

-- AlterTable
ALTER TABLE "IspSettings" ADD COLUMN     "autoPayOn" "AutoPayTiming" NOT NULL DEFAULT 'FINALIZED',
ADD COLUMN     "paymentRetryDays" INTEGER[] DEFAULT ARRAY[0, 3, 7]::INTEGER[],
ADD COLUMN     "stripePaymentMethodTypes" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "attempt" INTEGER,
ADD COLUMN     "attemptInvoiceId" TEXT,
ADD COLUMN     "attemptKind" TEXT;

-- CreateIndex
CREATE INDEX "Payment_attemptInvoiceId_idx" ON "Payment"("attemptInvoiceId");

-- CreateIndex
CREATE INDEX "Payment_status_createdAt_idx" ON "Payment"("status", "createdAt");
