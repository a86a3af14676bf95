-- CreateEnum
CREATE TYPE "TaxBehavior" AS ENUM ('INCLUSIVE', 'EXCLUSIVE');

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "noticeDays" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "taxBehavior" "TaxBehavior";

-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN     "cancelRequestedOn" DATE;
