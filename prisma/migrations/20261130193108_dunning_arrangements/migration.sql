-- CreateEnum
CREATE TYPE "ArrangementStatus" AS ENUM ('PENDING', 'ACTIVE', 'KEPT', 'BROKEN', 'REJECTED');

-- CreateTable
CREATE TABLE "ArrangementPolicy" (
    "customerType" "CustomerType" NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "maxInstalments" INTEGER NOT NULL DEFAULT 3,
    "minFirstKind" "LateFeeKind" NOT NULL DEFAULT 'PERCENT',
    "minFirstValue" INTEGER NOT NULL DEFAULT 2500,
    "maxSpanDays" INTEGER NOT NULL DEFAULT 60,
    "resumeStep" TEXT NOT NULL DEFAULT 'overdue-notice',
    "liftRestrictions" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ArrangementPolicy_pkey" PRIMARY KEY ("customerType")
);

-- CreateTable
CREATE TABLE "PaymentArrangement" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "status" "ArrangementStatus" NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "invoiceIds" TEXT[],
    "total" INTEGER NOT NULL,
    "paidBaseline" INTEGER NOT NULL,
    "referReasons" TEXT[],
    "proposedById" TEXT,
    "proposedByName" TEXT NOT NULL,
    "note" TEXT,
    "stateBefore" "DunningState",
    "liftedRestriction" BOOLEAN NOT NULL DEFAULT false,
    "decidedById" TEXT,
    "decidedByName" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "decisionReason" TEXT,
    "endedOn" DATE,
    "resumeStep" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PaymentArrangement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArrangementInstalment" (
    "id" TEXT NOT NULL,
    "arrangementId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "dueDate" DATE NOT NULL,
    "amount" INTEGER NOT NULL,

    CONSTRAINT "ArrangementInstalment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationTemplate" (
    "event" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "subject" TEXT,
    "text" TEXT NOT NULL,
    "html" TEXT,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "NotificationTemplate_pkey" PRIMARY KEY ("event","channel")
);

-- CreateIndex
CREATE INDEX "PaymentArrangement_customerId_createdAt_idx" ON "PaymentArrangement"("customerId", "createdAt");

-- CreateIndex
CREATE INDEX "PaymentArrangement_status_createdAt_idx" ON "PaymentArrangement"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ArrangementInstalment_arrangementId_seq_key" ON "ArrangementInstalment"("arrangementId", "seq");

-- AddForeignKey
ALTER TABLE "PaymentArrangement" ADD CONSTRAINT "PaymentArrangement_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArrangementInstalment" ADD CONSTRAINT "ArrangementInstalment_arrangementId_fkey" FOREIGN KEY ("arrangementId") REFERENCES "PaymentArrangement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One open (PENDING or ACTIVE) arrangement per customer.
CREATE UNIQUE INDEX "PaymentArrangement_one_open" ON "PaymentArrangement"("customerId") WHERE status IN ('PENDING', 'ACTIVE');
