-- CreateEnum
CREATE TYPE "OrderFeasibility" AS ENUM ('ADDRESS_LIST', 'GEOCODED', 'UNVERIFIED', 'CONFIRMED');

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "feasibility" "OrderFeasibility",
ADD COLUMN     "feasibilityConfirmedAt" TIMESTAMPTZ(3),
ADD COLUMN     "feasibilityConfirmedById" TEXT,
ADD COLUMN     "feasibilityNote" TEXT,
ADD COLUMN     "serviceableAddressId" TEXT;

-- CreateIndex
CREATE INDEX "Order_serviceableAddressId_idx" ON "Order"("serviceableAddressId");

-- CreateIndex
CREATE INDEX "Order_feasibilityConfirmedById_idx" ON "Order"("feasibilityConfirmedById");

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_serviceableAddressId_fkey" FOREIGN KEY ("serviceableAddressId") REFERENCES "ServiceableAddress"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_feasibilityConfirmedById_fkey" FOREIGN KEY ("feasibilityConfirmedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
