-- 100,000 customers with 1,200,000 invoices (a year of monthly bills each: eleven paid, the
-- latest open) and their ledger, for the portal dashboard benchmark (npm run bench:portal).
-- Plain SQL; only what the dashboard reads.
INSERT INTO "IspSettings" (id, name, country, currency, "timeZone", locale, "pricesIncludeTax", "paymentTermsDays", "updatedAt", "setupCompletedAt")
VALUES (1, 'Bench ISP', 'ZA', 'ZAR', 'Africa/Johannesburg', 'en-ZA', true, 7, now(), now());

INSERT INTO "TaxClass" (id, code, name, rate, "isDefault") VALUES ('tx_std', 'VAT', 'VAT 15%', 15, true);

INSERT INTO "Product" (id, code, name, kind, technology, price, interval, "taxClassId", "updatedAt")
SELECT 'prod' || g, 'P' || g, 'Fibre ' || (g * 25), 'PLAN', 'FIBRE', 29900 + g * 10000, 'MONTH', 'tx_std', now()
  FROM generate_series(1, 12) g;

INSERT INTO "Customer" (id, "accountNumber", "paymentReference", "firstName", "lastName", email, currency, status, "updatedAt", type)
SELECT 'cu' || lpad(g::text, 6, '0'), 'ACC' || lpad(g::text, 6, '0'), 'REF' || lpad(g::text, 6, '0'), 'First' || g, 'Last' || g,
       'c' || g || '@bench.example', 'ZAR', 'ACTIVE', now(), 'RESIDENTIAL'
  FROM generate_series(1, 100000) g;

INSERT INTO "Subscription" (id, "customerId", "productId", status, price, interval, "cycleMode", "startDate", "anchorDay", "billedThrough", "nextBillDate", "updatedAt")
SELECT 'sub' || lpad(g::text, 6, '0'), 'cu' || lpad(g::text, 6, '0'), 'prod' || (1 + g % 12), 'ACTIVE',
       29900 + (1 + g % 12) * 10000, 'MONTH', 'ANNIVERSARY', DATE '2025-12-01' + (g % 28), 1 + g % 28,
       DATE '2026-12-01' + (g % 28), DATE '2026-12-01' + (g % 28), now()
  FROM generate_series(1, 100000) g;

INSERT INTO "Invoice" (id, "customerId", number, status, currency, "issueDate", "dueDate", subtotal, "taxTotal", total, "amountPaid", "finalizedAt")
SELECT 'inv' || lpad(c::text, 6, '0') || '_' || m, 'cu' || lpad(c::text, 6, '0'),
       'INV' || lpad(((c - 1) * 12 + m)::text, 8, '0'),
       (CASE WHEN m = 12 THEN 'OPEN' ELSE 'PAID' END)::"InvoiceStatus", 'ZAR',
       make_date(2025 + (m + 10) / 12, 1 + (m + 10) % 12, 1 + c % 28),
       make_date(2025 + (m + 10) / 12, 1 + (m + 10) % 12, 1 + c % 28) + 7,
       t.total - t.tax, t.tax, t.total, CASE WHEN m = 12 THEN 0 ELSE t.total END, now()
  FROM generate_series(1, 100000) c CROSS JOIN generate_series(1, 12) m
  CROSS JOIN LATERAL (SELECT 29900 + (1 + c % 12) * 10000 AS total,
                             round((29900 + (1 + c % 12) * 10000) * 15 / 115.0)::int AS tax) t;

INSERT INTO "LedgerEntry" ("customerId", kind, "sourceKey", amount, currency, description, "effectiveDate", "invoiceId")
SELECT "customerId", 'INVOICE', 'invoice:' || id, total, 'ZAR', 'Invoice ' || number, "issueDate", id FROM "Invoice";

INSERT INTO "LedgerEntry" ("customerId", kind, "sourceKey", amount, currency, description, "effectiveDate")
SELECT "customerId", 'ADJUSTMENT', 'paid:' || "customerId", -sum("amountPaid"), 'ZAR', 'Payments', DATE '2026-11-30'
  FROM "Invoice" GROUP BY "customerId";

ANALYZE;
