-- CreateEnum
CREATE TYPE "AccessType" AS ENUM ('PPPOE', 'IPOE');

-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN     "accessType" "AccessType" NOT NULL DEFAULT 'PPPOE';
