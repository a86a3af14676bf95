-- AlterTable
ALTER TABLE "Invoice" ADD COLUMN     "settledOn" DATE;

-- CreateIndex
CREATE INDEX "LedgerEntry_effectiveDate_amount_idx" ON "LedgerEntry"("effectiveDate", "amount");
-- Revenue by plan and tax by rate join a range's invoices to their lines from indexes alone.
DROP INDEX "Invoice_issueDate_status_total_idx";
CREATE INDEX "Invoice_issueDate_status_total_id_idx" ON "Invoice"("issueDate", "status", "total", "id");
DROP INDEX "InvoiceLine_invoiceId_idx";
CREATE INDEX "InvoiceLine_invoiceId_subscriptionId_taxRate_netAmount_taxA_idx" ON "InvoiceLine"("invoiceId", "subscriptionId", "taxRate", "netAmount", "taxAmount", "totalAmount");

-- ───────── Invoice."settledOn", kept by the database ─────────
-- The ISP-zone day a paid or void invoice stopped being owed: the latest of its payments'
-- received days, its credit notes' days (in the ISP's time zone) and its void day. Receivables
-- aging on a past day D reads "issued by D, settled on or after D" from an index instead of every
-- payment received after D. Every path that pays, credits, voids or reopens an invoice changes its
-- amountPaid, amountCredited, status or voidedAt (the commit-time checks of payments_core hold
-- amountPaid to its allocations), so a trigger on those columns keeps settledOn without any
-- application code: the interactive payment path and any set-based (bulk) one alike.

-- Invoices paid or voided before this migration, in one pass (before the triggers exist).
UPDATE "Invoice" i SET "settledOn" = x.day FROM (
  SELECT v."id", GREATEST(pay.day, cn.day, (v."voidedAt" AT TIME ZONE z.tz)::date) AS day
    FROM "Invoice" v
    CROSS JOIN (SELECT COALESCE((SELECT "timeZone" FROM "IspSettings" WHERE "id" = 1), 'UTC') AS tz) z
    LEFT JOIN (SELECT a."invoiceId", max(p."receivedOn") AS day FROM "PaymentAllocation" a
                 JOIN "Payment" p ON p."id" = a."paymentId" GROUP BY 1) pay ON pay."invoiceId" = v."id"
    LEFT JOIN (SELECT "invoiceId", max("issuedAt") AS at FROM "CreditNote" GROUP BY 1) cn0 ON cn0."invoiceId" = v."id"
    CROSS JOIN LATERAL (SELECT (cn0.at AT TIME ZONE z.tz)::date AS day) cn
   WHERE v."status"::text IN ('PAID', 'VOID')) x
 WHERE i."id" = x."id";

-- CreateIndex
CREATE INDEX "Invoice_issueDate_settledOn_status_dueDate_amountCredited_idx" ON "Invoice"("issueDate", "settledOn", "status", "dueDate", "amountCredited");

CREATE FUNCTION lastmile_invoice_settled_on(invoice_id text, voided_at timestamptz) RETURNS date AS $$
  SELECT GREATEST(
    (SELECT max(p."receivedOn") FROM "PaymentAllocation" a JOIN "Payment" p ON p."id" = a."paymentId"
      WHERE a."invoiceId" = invoice_id),
    (SELECT max((cn."issuedAt" AT TIME ZONE z.tz)::date) FROM "CreditNote" cn WHERE cn."invoiceId" = invoice_id),
    (voided_at AT TIME ZONE z.tz)::date)
  FROM (SELECT COALESCE((SELECT "timeZone" FROM "IspSettings" WHERE "id" = 1), 'UTC') AS tz) z
$$ LANGUAGE sql STABLE;

CREATE FUNCTION lastmile_invoice_settled_on_row() RETURNS trigger AS $$
BEGIN
  NEW."settledOn" := CASE WHEN NEW."status"::text IN ('PAID', 'VOID')
    THEN lastmile_invoice_settled_on(NEW."id", NEW."voidedAt") END;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
-- Only rows that are or were settled run it: finalising a billing run's drafts (to OPEN) and paying
-- part of an invoice cost nothing more. NEW."settledOn" is still the old value unless written.
CREATE TRIGGER "Invoice_settledOn" BEFORE INSERT OR UPDATE OF "status", "amountPaid", "amountCredited", "voidedAt", "settledOn"
  ON "Invoice" FOR EACH ROW
  WHEN (NEW."status"::text IN ('PAID', 'VOID') OR NEW."settledOn" IS NOT NULL)
  EXECUTE FUNCTION lastmile_invoice_settled_on_row();

-- A writer that updates the invoice first and adds its allocation or credit note after it (in the
-- same transaction) would leave settledOn short of that day: these statement triggers move it on
-- for invoices already paid or void. In the usual order (allocation first) they update nothing.
CREATE FUNCTION lastmile_allocation_settles() RETURNS trigger AS $$
BEGIN
  UPDATE "Invoice" i SET "settledOn" = NULL -- the row trigger recomputes it
    FROM (SELECT DISTINCT "invoiceId" FROM new_rows) a
   WHERE i."id" = a."invoiceId" AND i."status"::text IN ('PAID', 'VOID')
     AND i."settledOn" IS DISTINCT FROM lastmile_invoice_settled_on(i."id", i."voidedAt");
  RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER "PaymentAllocation_settles" AFTER INSERT ON "PaymentAllocation"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lastmile_allocation_settles();

CREATE FUNCTION lastmile_credit_note_settles() RETURNS trigger AS $$
BEGIN
  UPDATE "Invoice" i SET "settledOn" = NULL -- the row trigger recomputes it
    FROM (SELECT DISTINCT "invoiceId" FROM new_rows) n
   WHERE i."id" = n."invoiceId" AND i."status"::text IN ('PAID', 'VOID')
     AND i."settledOn" IS DISTINCT FROM lastmile_invoice_settled_on(i."id", i."voidedAt");
  RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER "CreditNote_settles" AFTER INSERT ON "CreditNote"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lastmile_credit_note_settles();
