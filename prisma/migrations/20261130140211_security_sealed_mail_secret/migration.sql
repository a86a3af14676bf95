-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "sealedSecret" TEXT;
