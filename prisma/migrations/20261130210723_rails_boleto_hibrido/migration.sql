-- AlterTable
ALTER TABLE "RailCharge" ADD COLUMN     "dueDate" DATE;
