-- On top of generate-billing-data.sql: 100,000 customers (10,000 more with one subscription each)
-- and twelve months of history for the reports benchmark: 1.2M finalised invoices (one line each,
-- three tax rates), ~97 % paid by EFT, debit order or card around the due date (payments,
-- allocations, ledger), 3 % left open across all ages, 2,000 credit notes, 1,000 failed debit
-- orders, and month-end MRR snapshots for 13 months with joiners. Triggers are off while loading
-- (the rows are consistent by construction), so this needs the superuser.
SET session_replication_role = replica;

INSERT INTO "Customer" (id, "accountNumber", "paymentReference", "firstName", "lastName", email, currency, status, "updatedAt", type)
SELECT 'cu' || lpad(g::text, 7, '0'), 'ACC' || lpad(g::text, 7, '0'), 'REF' || lpad(g::text, 7, '0'), 'First' || g, 'Last' || g,
       'c' || g || '@bench.example', 'ZAR', 'ACTIVE', now(), 'RESIDENTIAL'
  FROM generate_series(90001, 100000) g;
INSERT INTO "Subscription" (id, "customerId", "productId", status, price, interval, "cycleMode", "startDate", "anchorDay", "billedThrough", "nextBillDate", "updatedAt")
SELECT 'sub' || lpad((g + 10000)::text, 7, '0'), 'cu' || lpad(g::text, 7, '0'), 'prod1', 'ACTIVE', 29900, 'MONTH', 'ANNIVERSARY',
       DATE '2025-06-01', 1, DATE '2026-12-01', DATE '2026-12-01', now()
  FROM generate_series(90001, 100000) g;

CREATE TEMP TABLE hist AS
SELECT c, m,
       'in' || c || '_' || m AS inv,
       (DATE '2025-12-01' + make_interval(months => m) + make_interval(days => c % 28))::date AS issue,
       11500 * (1 + c % 5) AS total,
       (ARRAY[15, 15, 15, 7.5, 0])[1 + c % 5] AS rate,
       (c * 31 + m * 17) % 100 < 3 AS open
  FROM generate_series(1, 100000) c CROSS JOIN generate_series(0, 11) m;
ALTER TABLE hist ADD COLUMN net int;
UPDATE hist SET net = round(total / (1 + rate / 100.0));

ALTER TABLE hist ADD COLUMN paid date;
UPDATE hist SET paid = issue + 7 - c % 5 + CASE WHEN (c * m) % 9 > 6 THEN 10 ELSE 0 END WHERE NOT open;

-- settledOn as the database's triggers keep it (they are off here): the day of the payment.
INSERT INTO "Invoice" (id, "customerId", number, status, currency, "issueDate", "dueDate", subtotal, "taxTotal", total, "amountPaid", "finalizedAt", "settledOn")
SELECT inv, 'cu' || lpad(c::text, 7, '0'), 'INV-' || c || '-' || m, CASE WHEN open THEN 'OPEN' ELSE 'PAID' END::"InvoiceStatus",
       'ZAR', issue, issue + 7, net, total - net, total, CASE WHEN open THEN 0 ELSE total END, issue::timestamptz, paid
  FROM hist;
INSERT INTO "InvoiceLine" (id, "invoiceId", "subscriptionId", kind, description, "periodStart", "periodEnd", "unitAmount", "netAmount", "taxRate", "taxAmount", "totalAmount")
SELECT 'il' || c || '_' || m, inv, 'sub' || lpad((CASE WHEN c <= 90000 THEN c ELSE c + 10000 END)::text, 7, '0'), 'RECURRING', 'Plan',
       issue, (issue + interval '1 month')::date, total, net, rate, total - net, total
  FROM hist;
INSERT INTO "LedgerEntry" ("customerId", kind, "sourceKey", amount, currency, description, "effectiveDate", "invoiceId")
SELECT 'cu' || lpad(c::text, 7, '0'), 'INVOICE', 'invoice:' || inv, total, 'ZAR', 'Invoice', issue, inv FROM hist;

INSERT INTO "Payment" (id, number, "customerId", amount, currency, method, provider, status, "receivedAt", "receivedOn", unallocated)
SELECT 'pa' || c || '_' || m, 'RCT-' || c || '-' || m, 'cu' || lpad(c::text, 7, '0'), total, 'ZAR',
       (ARRAY['EFT', 'DEBIT_ORDER', 'CARD'])[1 + c % 3]::"PaymentMethodKind",
       (ARRAY['MANUAL', 'BANK', 'STRIPE'])[1 + c % 3]::"PaymentProvider", 'SUCCEEDED',
       paid::timestamptz, paid, 0
  FROM hist WHERE NOT open;
INSERT INTO "PaymentAllocation" (id, "paymentId", "invoiceId", amount)
SELECT 'al' || c || '_' || m, 'pa' || c || '_' || m, inv, total FROM hist WHERE NOT open;
INSERT INTO "LedgerEntry" ("customerId", kind, "sourceKey", amount, currency, description, "effectiveDate", "paymentId")
SELECT p."customerId", 'PAYMENT', 'payment:' || p.id, -p.amount, 'ZAR', 'Payment', p."receivedOn", p.id
  FROM "Payment" p WHERE p.id LIKE 'pa%';

INSERT INTO "Payment" (id, "customerId", amount, currency, method, provider, status, "receivedAt", "receivedOn", "failureReason")
SELECT 'pf' || g, 'cu' || lpad((g * 97 % 100000 + 1)::text, 7, '0'), 34500, 'ZAR', 'DEBIT_ORDER', 'BANK', 'FAILED',
       (DATE '2025-12-05' + (g % 360))::timestamptz, DATE '2025-12-05' + (g % 360),
       (ARRAY['Insufficient funds', 'Account closed', 'Payment stopped by account holder'])[1 + g % 3]
  FROM generate_series(1, 1000) g;

-- Credit notes on open invoices (the whole open amount stays consistent: credited part is off).
INSERT INTO "CreditNote" (id, number, "invoiceId", "customerId", currency, "netAmount", "taxAmount", total, reason, "issuedAt")
SELECT 'cn' || c || '_' || m, 'CN-' || c || '-' || m, inv, 'cu' || lpad(c::text, 7, '0'), 'ZAR',
       round(1150 / (1 + rate / 100.0)), 1150 - round(1150 / (1 + rate / 100.0)), 1150, 'Outage', (issue + 3)::timestamptz
  FROM hist WHERE open LIMIT 2000;
UPDATE "Invoice" i SET "amountCredited" = 1150, status = 'PARTIALLY_PAID' FROM "CreditNote" cn WHERE cn."invoiceId" = i.id;
INSERT INTO "LedgerEntry" ("customerId", kind, "sourceKey", amount, currency, description, "effectiveDate", "creditNoteId", "invoiceId")
SELECT "customerId", 'CREDIT_NOTE', 'credit_note:' || id, -total, 'ZAR', 'Credit note', ("issuedAt")::date, id, "invoiceId" FROM "CreditNote";

-- Month-end MRR snapshots for 13 months; one subscription in ten joins in a later month.
INSERT INTO "MrrSnapshot" (day, "subscriptionId", "customerId", "productId", technology, mrr, currency)
SELECT (DATE '2025-12-01' + make_interval(months => k))::date - 1, s.id, s."customerId", s."productId", 'FIBRE',
       (s.price / (CASE s.interval WHEN 'MONTH' THEN 1 WHEN 'QUARTER' THEN 3 ELSE 12 END))::int, 'ZAR'
  FROM "Subscription" s CROSS JOIN generate_series(0, 12) k
 WHERE right(s.id, 1)::int <> 7 OR k >= (substr(s.id, 4)::int % 13);

SET session_replication_role = DEFAULT;
ANALYZE;
