-- CreateEnum
CREATE TYPE "PixRecStatus" AS ENUM ('CRIADA', 'APROVADA', 'REJEITADA', 'EXPIRADA', 'CANCELADA');

-- AlterTable
ALTER TABLE "RailCharge" ADD COLUMN     "recurrenceId" TEXT;

-- CreateTable
CREATE TABLE "PixRecurrence" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "idRec" TEXT,
    "locId" TEXT,
    "status" "PixRecStatus" NOT NULL DEFAULT 'CRIADA',
    "usable" BOOLEAN NOT NULL DEFAULT true,
    "periodicity" TEXT NOT NULL,
    "maxAmount" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "copiaECola" TEXT,
    "endReason" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "statusChangedAt" TIMESTAMPTZ(3),

    CONSTRAINT "PixRecurrence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PixRecurrence_idRec_key" ON "PixRecurrence"("idRec");

-- CreateIndex
CREATE INDEX "PixRecurrence_customerId_idx" ON "PixRecurrence"("customerId");

-- CreateIndex
CREATE INDEX "PixRecurrence_status_usable_idx" ON "PixRecurrence"("status", "usable");

-- CreateIndex
CREATE INDEX "RailCharge_recurrenceId_idx" ON "RailCharge"("recurrenceId");

-- AddForeignKey
ALTER TABLE "RailCharge" ADD CONSTRAINT "RailCharge_recurrenceId_fkey" FOREIGN KEY ("recurrenceId") REFERENCES "PixRecurrence"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PixRecurrence" ADD CONSTRAINT "PixRecurrence_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
