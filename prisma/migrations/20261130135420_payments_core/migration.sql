-- CreateEnum
CREATE TYPE "PaymentProvider" AS ENUM ('MANUAL', 'STRIPE', 'BANK');

-- CreateEnum
CREATE TYPE "WebhookDeliveryStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');

-- AlterEnum
ALTER TYPE "LedgerKind" ADD VALUE 'PAYMENT_REVERSAL';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "PaymentMethodKind" ADD VALUE 'CHEQUE';
ALTER TYPE "PaymentMethodKind" ADD VALUE 'CARD_MACHINE';
ALTER TYPE "PaymentMethodKind" ADD VALUE 'MOBILE_MONEY';
ALTER TYPE "PaymentMethodKind" ADD VALUE 'OTHER';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "PaymentStatus" ADD VALUE 'REVERSED';
ALTER TYPE "PaymentStatus" ADD VALUE 'DISPUTED';

-- AlterTable
ALTER TABLE "IspSettings" ADD COLUMN     "applyCreditToNewInvoices" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "note" TEXT,
ADD COLUMN     "number" TEXT,
ADD COLUMN     "paymentMethodId" TEXT,
ADD COLUMN     "provider" "PaymentProvider" NOT NULL DEFAULT 'MANUAL',
ADD COLUMN     "receiptPdf" BYTEA,
ADD COLUMN     "receivedOn" DATE NOT NULL DEFAULT CURRENT_DATE,
ADD COLUMN     "recordedById" TEXT,
ADD COLUMN     "reversalReason" TEXT,
ADD COLUMN     "reversedAt" TIMESTAMPTZ(3),
ADD COLUMN     "unallocated" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "id" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "responseStatus" INTEGER,
    "responseBody" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "completedAt" TIMESTAMPTZ(3),

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "description" TEXT,
    "secretEnc" TEXT NOT NULL,
    "events" TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WebhookEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL,
    "endpointId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" "WebhookDeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL,
    "lastAttemptAt" TIMESTAMPTZ(3),
    "lastStatusCode" INTEGER,
    "lastError" TEXT,
    "deliveredAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IdempotencyKey_createdAt_idx" ON "IdempotencyKey"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "IdempotencyKey_scope_key_key" ON "IdempotencyKey"("scope", "key");

-- CreateIndex
CREATE INDEX "WebhookDelivery_status_nextAttemptAt_idx" ON "WebhookDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_endpointId_createdAt_idx" ON "WebhookDelivery"("endpointId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_endpointId_eventId_key" ON "WebhookDelivery"("endpointId", "eventId");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_number_key" ON "Payment"("number");

-- CreateIndex
CREATE INDEX "Payment_receivedOn_id_idx" ON "Payment"("receivedOn", "id");

-- CreateIndex
CREATE INDEX "Payment_unallocated_idx" ON "Payment"("unallocated");

-- CreateIndex
CREATE INDEX "Payment_paymentMethodId_idx" ON "Payment"("paymentMethodId");

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_paymentMethodId_fkey" FOREIGN KEY ("paymentMethodId") REFERENCES "PaymentMethod"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "WebhookEndpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ───────── Existing payments: business date, receipt numbers, unallocated credit ─────────

UPDATE "Payment" SET "receivedOn" = ("receivedAt" AT TIME ZONE
  COALESCE((SELECT "timeZone" FROM "IspSettings" WHERE "id" = 1), 'UTC'))::date;
UPDATE "Payment" p SET "unallocated" = p."amount"
    - COALESCE((SELECT sum(a."amount") FROM "PaymentAllocation" a WHERE a."paymentId" = p."id"), 0)
    - COALESCE((SELECT sum(r."amount") FROM "Refund" r WHERE r."paymentId" = p."id"), 0)
  WHERE p."status" IN ('SUCCEEDED', 'REFUNDED');
INSERT INTO "NumberSeries" ("code", "prefix") VALUES ('RECEIPT', 'RCT-') ON CONFLICT DO NOTHING;
WITH numbered AS (
  SELECT "id", row_number() OVER (ORDER BY "receivedAt", "id") AS n
    FROM "Payment" WHERE "status" IN ('SUCCEEDED', 'REFUNDED'))
UPDATE "Payment" p SET "number" = s."prefix" || lpad(numbered.n::text, s."padding", '0')
  FROM numbered, "NumberSeries" s WHERE p."id" = numbered."id" AND s."code" = 'RECEIPT';
UPDATE "NumberSeries" SET "nextNumber" = 1 + (SELECT count(*) FROM "Payment" WHERE "number" IS NOT NULL)
  WHERE "code" = 'RECEIPT';

-- ───────── Rules that protect money, enforced by the database (not modelled by Prisma) ─────────

-- A payment's credit is never negative and never more than the payment: together with the
-- commit-time check below, no allocation goes beyond the payment's amount.
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_unallocated_range"
  CHECK ("unallocated" >= 0 AND "unallocated" <= "amount");

-- A payment is in its customer's currency.
CREATE FUNCTION lastmile_payment_currency() RETURNS trigger AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "Customer" c WHERE c."id" = NEW."customerId" AND c."currency" = NEW."currency") THEN
    RAISE EXCEPTION 'payment currency % is not the customer''s currency', NEW."currency" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER "Payment_currency" BEFORE INSERT OR UPDATE OF "currency", "customerId" ON "Payment"
  FOR EACH ROW EXECUTE FUNCTION lastmile_payment_currency();

-- An allocation joins a received payment to a finalised, unvoided invoice of the same customer in
-- the same currency. Growing an allocation needs a payment that still holds the money.
CREATE FUNCTION lastmile_allocation_fits() RETURNS trigger AS $$
DECLARE p record; i record;
BEGIN
  SELECT "customerId", "currency", "status" INTO p FROM "Payment" WHERE "id" = NEW."paymentId";
  SELECT "customerId", "currency", "status" INTO i FROM "Invoice" WHERE "id" = NEW."invoiceId";
  IF p."customerId" <> i."customerId" OR p."currency" <> i."currency" THEN
    RAISE EXCEPTION 'a payment can only pay invoices of its customer in its currency' USING ERRCODE = 'check_violation';
  END IF;
  IF i."status"::text IN ('DRAFT', 'VOID') THEN
    RAISE EXCEPTION 'invoice is % and cannot be paid', i."status" USING ERRCODE = 'check_violation';
  END IF;
  IF (TG_OP = 'INSERT' OR NEW."amount" > OLD."amount") AND p."status"::text <> 'SUCCEEDED' THEN
    RAISE EXCEPTION 'a % payment cannot be allocated', p."status" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER "PaymentAllocation_fits" BEFORE INSERT OR UPDATE ON "PaymentAllocation"
  FOR EACH ROW EXECUTE FUNCTION lastmile_allocation_fits();

-- At commit (deferred, so a transaction may insert an allocation and then update the invoice):
-- an invoice's amountPaid is the sum of its allocations and its status follows them
-- (OPEN → PARTIALLY_PAID → PAID and back). With "Invoice_totals" this refuses any allocation
-- beyond the invoice's open amount, and a concurrent writer that lost an update.
CREATE FUNCTION lastmile_check_invoice_paid(invoice_id text) RETURNS void AS $$
DECLARE i record; allocated bigint; expected text;
BEGIN
  SELECT "number", "status", "total", "amountPaid", "amountCredited" INTO i FROM "Invoice" WHERE "id" = invoice_id;
  IF NOT FOUND THEN RETURN; END IF; -- deleted with its customer's demo data
  SELECT COALESCE(sum("amount"), 0) INTO allocated FROM "PaymentAllocation" WHERE "invoiceId" = invoice_id;
  IF allocated <> i."amountPaid" THEN
    RAISE EXCEPTION 'invoice %: amountPaid % is not the % allocated to it', i."number", i."amountPaid", allocated USING ERRCODE = 'check_violation';
  END IF;
  IF i."status"::text IN ('OPEN', 'PARTIALLY_PAID', 'PAID') THEN
    expected := CASE WHEN i."amountPaid" + i."amountCredited" >= i."total" THEN 'PAID'
                     WHEN i."amountPaid" > 0 THEN 'PARTIALLY_PAID' ELSE 'OPEN' END;
    IF i."status"::text <> expected THEN
      RAISE EXCEPTION 'invoice % is % but its payments make it %', i."number", i."status", expected USING ERRCODE = 'check_violation';
    END IF;
  END IF;
END $$ LANGUAGE plpgsql;

-- At commit: a payment's unallocated credit is its amount less allocations and refunds; only
-- received money is allocated (a pending, failed or reversed payment has no allocations); received
-- money has its ledger entry, a reversal its reversing entry, an attempt none.
CREATE FUNCTION lastmile_check_payment(payment_id text) RETURNS void AS $$
DECLARE p record; allocated bigint; refunded bigint; received boolean;
BEGIN
  SELECT "number", "status"::text AS status, "amount", "currency", "unallocated" INTO p FROM "Payment" WHERE "id" = payment_id;
  IF NOT FOUND THEN RETURN; END IF;
  SELECT COALESCE(sum("amount"), 0) INTO allocated FROM "PaymentAllocation" WHERE "paymentId" = payment_id;
  SELECT COALESCE(sum("amount"), 0) INTO refunded FROM "Refund" WHERE "paymentId" = payment_id;
  received := p.status IN ('SUCCEEDED', 'REFUNDED', 'DISPUTED');
  IF received AND p."unallocated" <> p."amount" - allocated - refunded THEN
    RAISE EXCEPTION 'payment %: unallocated % is not amount % less % allocated and % refunded', p."number", p."unallocated", p."amount", allocated, refunded USING ERRCODE = 'check_violation';
  END IF;
  IF NOT received AND (allocated <> 0 OR p."unallocated" <> 0) THEN
    RAISE EXCEPTION 'payment % is % and cannot hold allocations', p."number", p.status USING ERRCODE = 'check_violation';
  END IF;
  IF (received OR p.status = 'REVERSED') <> EXISTS (
       SELECT 1 FROM "LedgerEntry" WHERE "sourceKey" = 'payment:' || payment_id AND "amount" = -p."amount" AND "currency" = p."currency") THEN
    RAISE EXCEPTION 'payment % (%) needs exactly its ledger entry of %', p."number", p.status, -p."amount" USING ERRCODE = 'check_violation';
  END IF;
  IF (p.status = 'REVERSED') <> EXISTS (
       SELECT 1 FROM "LedgerEntry" WHERE "sourceKey" = 'payment_reversal:' || payment_id AND "amount" = p."amount") THEN
    RAISE EXCEPTION 'payment % (%) needs a reversing ledger entry exactly when reversed', p."number", p.status USING ERRCODE = 'check_violation';
  END IF;
END $$ LANGUAGE plpgsql;

CREATE FUNCTION lastmile_check_allocation_sides() RETURNS trigger AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM lastmile_check_invoice_paid(OLD."invoiceId");
    PERFORM lastmile_check_payment(OLD."paymentId");
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM lastmile_check_invoice_paid(NEW."invoiceId");
    PERFORM lastmile_check_payment(NEW."paymentId");
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE CONSTRAINT TRIGGER "PaymentAllocation_consistent" AFTER INSERT OR UPDATE OR DELETE ON "PaymentAllocation"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION lastmile_check_allocation_sides();

CREATE FUNCTION lastmile_check_invoice_row() RETURNS trigger AS $$
BEGIN
  PERFORM lastmile_check_invoice_paid(NEW."id");
  RETURN NULL;
END $$ LANGUAGE plpgsql;
-- Drafts being finalised by a billing run are not payable yet: the check skips them.
CREATE CONSTRAINT TRIGGER "Invoice_paid_consistent" AFTER UPDATE ON "Invoice"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD."status" <> 'DRAFT' AND (OLD."amountPaid" <> NEW."amountPaid"
        OR OLD."amountCredited" <> NEW."amountCredited" OR OLD."status" <> NEW."status"))
  EXECUTE FUNCTION lastmile_check_invoice_row();

CREATE FUNCTION lastmile_check_payment_row() RETURNS trigger AS $$
BEGIN
  PERFORM lastmile_check_payment(NEW."paymentId");
  RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE FUNCTION lastmile_check_payment_self() RETURNS trigger AS $$
BEGIN
  PERFORM lastmile_check_payment(NEW."id");
  RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE CONSTRAINT TRIGGER "Payment_consistent" AFTER INSERT OR UPDATE ON "Payment"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION lastmile_check_payment_self();
CREATE CONSTRAINT TRIGGER "Refund_consistent" AFTER INSERT OR UPDATE ON "Refund"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION lastmile_check_payment_row();
