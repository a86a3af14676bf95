-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "attemptInstalmentId" TEXT;

-- CreateIndex
CREATE INDEX "Payment_attemptInstalmentId_idx" ON "Payment"("attemptInstalmentId");
