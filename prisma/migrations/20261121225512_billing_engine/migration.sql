-- AlterTable
ALTER TABLE "BillingRun" ADD COLUMN     "heartbeatAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Suspension" ADD COLUMN     "creditedThrough" DATE;
