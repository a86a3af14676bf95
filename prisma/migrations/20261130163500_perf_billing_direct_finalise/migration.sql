-- Billing runs write invoices that nothing holds for review final in one statement set (number,
-- snapshot and ledger entry with the invoice row, then its lines) instead of inserting a draft and
-- updating it. Rule 4 stays: a finalised invoice's lines never change. Lines may be added to a
-- finalised invoice only by the transaction that wrote the invoice row (its xmin), and then the
-- invoice's lines must add up to its subtotal and tax; a later transaction, or a subtransaction
-- (its xmin differs), is refused. INSERT is checked once per statement over the inserted rows
-- instead of once per row; UPDATE and DELETE keep the row trigger.
CREATE OR REPLACE FUNCTION lastmile_invoice_line_immutable() RETURNS trigger AS $$
BEGIN
  -- A cascade from deleting the invoice itself finds no parent row and passes.
  IF EXISTS (SELECT 1 FROM "Invoice" WHERE "id" = OLD."invoiceId" AND "status" <> 'DRAFT') THEN
    RAISE EXCEPTION 'lines of a finalised invoice cannot be changed' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'UPDATE' AND NEW."invoiceId" <> OLD."invoiceId" THEN
    RAISE EXCEPTION 'an invoice line cannot move to another invoice' USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$ LANGUAGE plpgsql;
DROP TRIGGER "InvoiceLine_immutable" ON "InvoiceLine";
CREATE TRIGGER "InvoiceLine_immutable" BEFORE UPDATE OR DELETE ON "InvoiceLine"
  FOR EACH ROW EXECUTE FUNCTION lastmile_invoice_line_immutable();

CREATE FUNCTION lastmile_invoice_lines_inserted() RETURNS trigger AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM (SELECT DISTINCT "invoiceId" FROM inserted) n JOIN "Invoice" i ON i."id" = n."invoiceId"
     CROSS JOIN LATERAL (SELECT COALESCE(sum(l."netAmount"), 0) AS net, COALESCE(sum(l."taxAmount"), 0) AS tax
                           FROM "InvoiceLine" l WHERE l."invoiceId" = i."id") s
     WHERE i."status" <> 'DRAFT'
       AND (i.xmin <> pg_current_xact_id()::xid OR s.net <> i."subtotal" OR s.tax <> i."taxTotal")) THEN
    RAISE EXCEPTION 'lines of a finalised invoice cannot be changed' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER "InvoiceLine_insert_checked" AFTER INSERT ON "InvoiceLine"
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION lastmile_invoice_lines_inserted();
