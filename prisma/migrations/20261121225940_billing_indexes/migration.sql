-- AlterTable
ALTER TABLE "BillingRun" ALTER COLUMN "invoicesTotal" SET DATA TYPE BIGINT;

-- CreateIndex
CREATE INDEX "Discount_subscriptionId_idx" ON "Discount"("subscriptionId");

-- CreateIndex
CREATE INDEX "PlanChange_subscriptionId_idx" ON "PlanChange"("subscriptionId");

-- CreateIndex
CREATE INDEX "Suspension_subscriptionId_idx" ON "Suspension"("subscriptionId");
