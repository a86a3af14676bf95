-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN     "setupFee" INTEGER;
