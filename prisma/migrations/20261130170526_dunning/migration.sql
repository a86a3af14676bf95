-- CreateEnum
CREATE TYPE "DunningState" AS ENUM ('CURRENT', 'REMINDED', 'OVERDUE', 'SOFT_SUSPENDED', 'SUSPENDED', 'COLLECTIONS', 'ARRANGED');

-- CreateEnum
CREATE TYPE "LateFeeKind" AS ENUM ('FIXED', 'PERCENT');

-- CreateTable
CREATE TABLE "DunningPolicy" (
    "customerType" "CustomerType" NOT NULL,
    "steps" JSONB NOT NULL,
    "minBalance" INTEGER NOT NULL DEFAULT 0,
    "lateFeeKind" "LateFeeKind" NOT NULL DEFAULT 'FIXED',
    "lateFeeValue" INTEGER NOT NULL DEFAULT 0,
    "reconnectionFee" INTEGER NOT NULL DEFAULT 0,
    "feesInMustPay" BOOLEAN NOT NULL DEFAULT true,
    "skipWeekends" BOOLEAN NOT NULL DEFAULT true,
    "cutoffHour" INTEGER NOT NULL DEFAULT 15,
    "quietStartHour" INTEGER NOT NULL DEFAULT 20,
    "quietEndHour" INTEGER NOT NULL DEFAULT 8,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DunningPolicy_pkey" PRIMARY KEY ("customerType")
);

-- CreateTable
CREATE TABLE "PublicHoliday" (
    "id" TEXT NOT NULL,
    "country" CHAR(2) NOT NULL,
    "date" DATE NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "PublicHoliday_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DunningAccount" (
    "customerId" TEXT NOT NULL,
    "state" "DunningState" NOT NULL DEFAULT 'CURRENT',
    "neverSuspend" BOOLEAN NOT NULL DEFAULT false,
    "holdUntil" DATE,
    "holdReason" TEXT,
    "timeZone" TEXT,
    "smsOptOut" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DunningAccount_pkey" PRIMARY KEY ("customerId")
);

-- CreateTable
CREATE TABLE "DunningEvent" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "invoiceId" TEXT NOT NULL,
    "invoiceIds" TEXT[],
    "amount" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "feeInvoiceId" TEXT,

    CONSTRAINT "DunningEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PublicHoliday_country_date_key" ON "PublicHoliday"("country", "date");

-- CreateIndex
CREATE INDEX "DunningAccount_state_idx" ON "DunningAccount"("state");

-- CreateIndex
CREATE INDEX "DunningEvent_customerId_at_idx" ON "DunningEvent"("customerId", "at");

-- CreateIndex
CREATE INDEX "DunningEvent_date_idx" ON "DunningEvent"("date");

-- CreateIndex
CREATE INDEX "DunningEvent_feeInvoiceId_idx" ON "DunningEvent"("feeInvoiceId");

-- CreateIndex
CREATE UNIQUE INDEX "DunningEvent_customerId_step_invoiceId_key" ON "DunningEvent"("customerId", "step", "invoiceId");

-- AddForeignKey
ALTER TABLE "DunningAccount" ADD CONSTRAINT "DunningAccount_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DunningEvent" ADD CONSTRAINT "DunningEvent_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The exclusion calendar starts with South Africa's public holidays (Public Holidays Act 36 of
-- 1994: a holiday on a Sunday is observed on the Monday). Staff edit the list in admin.
INSERT INTO "PublicHoliday" ("id", "country", "date", "name") VALUES
  ('za-2026-01-01', 'ZA', '2026-01-01', 'New Year''s Day'),
  ('za-2026-03-21', 'ZA', '2026-03-21', 'Human Rights Day'),
  ('za-2026-04-03', 'ZA', '2026-04-03', 'Good Friday'),
  ('za-2026-04-06', 'ZA', '2026-04-06', 'Family Day'),
  ('za-2026-04-27', 'ZA', '2026-04-27', 'Freedom Day'),
  ('za-2026-05-01', 'ZA', '2026-05-01', 'Workers'' Day'),
  ('za-2026-06-16', 'ZA', '2026-06-16', 'Youth Day'),
  ('za-2026-08-10', 'ZA', '2026-08-10', 'National Women''s Day (observed)'),
  ('za-2026-09-24', 'ZA', '2026-09-24', 'Heritage Day'),
  ('za-2026-12-16', 'ZA', '2026-12-16', 'Day of Reconciliation'),
  ('za-2026-12-25', 'ZA', '2026-12-25', 'Christmas Day'),
  ('za-2026-12-26', 'ZA', '2026-12-26', 'Day of Goodwill'),
  ('za-2027-01-01', 'ZA', '2027-01-01', 'New Year''s Day'),
  ('za-2027-03-22', 'ZA', '2027-03-22', 'Human Rights Day (observed)'),
  ('za-2027-03-26', 'ZA', '2027-03-26', 'Good Friday'),
  ('za-2027-03-29', 'ZA', '2027-03-29', 'Family Day'),
  ('za-2027-04-27', 'ZA', '2027-04-27', 'Freedom Day'),
  ('za-2027-05-01', 'ZA', '2027-05-01', 'Workers'' Day'),
  ('za-2027-06-16', 'ZA', '2027-06-16', 'Youth Day'),
  ('za-2027-08-09', 'ZA', '2027-08-09', 'National Women''s Day'),
  ('za-2027-09-24', 'ZA', '2027-09-24', 'Heritage Day'),
  ('za-2027-12-16', 'ZA', '2027-12-16', 'Day of Reconciliation'),
  ('za-2027-12-25', 'ZA', '2027-12-25', 'Christmas Day'),
  ('za-2027-12-27', 'ZA', '2027-12-27', 'Day of Goodwill (observed)');
