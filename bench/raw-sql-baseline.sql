-- The floor: the same rows (one invoice per customer, one line per subscription, one ledger entry
-- per invoice, the same numbering and finalisation steps) written by plain set-based SQL inside
-- the database, with no application in between. Amounts are simplified (price as the line total,
-- tax extracted at the product's rate) but the row shapes and counts match the real run.
BEGIN;
CREATE TEMP TABLE due AS
  SELECT s.id AS sub, s."customerId" AS customer, s.price, t.rate, s."nextBillDate" AS ps,
         (s."nextBillDate" + CASE s.interval WHEN 'MONTH' THEN interval '1 month' WHEN 'QUARTER' THEN interval '3 months' ELSE interval '1 year' END)::date AS pe
    FROM "Subscription" s JOIN "Product" p ON p.id = s."productId" JOIN "TaxClass" t ON t.id = p."taxClassId";
INSERT INTO "Invoice" (id, "customerId", status, currency, "issueDate", "dueDate", subtotal, "taxTotal", total)
  SELECT 'bi' || customer, customer, 'DRAFT', 'ZAR', DATE '2026-12-31', DATE '2027-01-07',
         sum(price - round(price * rate / (100 + rate)))::int, sum(round(price * rate / (100 + rate)))::int, sum(price)::int
    FROM due GROUP BY customer;
INSERT INTO "InvoiceLine" (id, "invoiceId", "subscriptionId", kind, description, "periodStart", "periodEnd", quantity, "unitAmount", "netAmount", "taxRate", "taxAmount", "totalAmount")
  SELECT 'bl' || sub, 'bi' || customer, sub, 'RECURRING', 'Plan', ps, pe, 1, price,
         price - round(price * rate / (100 + rate)), rate, round(price * rate / (100 + rate)), price
    FROM due;
UPDATE "NumberSeries" SET "nextNumber" = "nextNumber" WHERE code = 'INVOICE';
UPDATE "Invoice" i SET status = 'OPEN', number = 'B' || lpad(n::text, 7, '0'), "finalizedAt" = now(),
       snapshot = jsonb_build_object('customer', jsonb_build_object('accountNumber', c."accountNumber", 'firstName', c."firstName", 'lastName', c."lastName", 'email', c.email))
  FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM "Invoice" WHERE status = 'DRAFT') o, "Customer" c
 WHERE i.id = o.id AND c.id = i."customerId";
INSERT INTO "LedgerEntry" ("customerId", kind, "sourceKey", amount, currency, description, "effectiveDate", "invoiceId")
  SELECT "customerId", 'INVOICE', 'invoice:' || id, total, currency, 'Invoice ' || number, "issueDate", id FROM "Invoice";
UPDATE "Subscription" s SET "billedThrough" = d.pe, "nextBillDate" = d.pe FROM due d WHERE s.id = d.sub;
COMMIT;
