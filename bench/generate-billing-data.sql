-- 100,000 active subscriptions due by 2026-12-31 for the billing-run benchmark: 90,000 customers
-- (10,000 of them with a second subscription), 12 plans across three intervals and three tax
-- rates, anniversary (anchor days 1–31) and calendar cycles, 5 % with a discount, 2,000 one-off
-- charges and 1,000 suspensions (suspension billing SKIP). Written with plain SQL. Every count is
-- multiplied by the session setting bench.scale (1 = 100k subscriptions, 10 = 1M).
INSERT INTO "IspSettings" (id, name, country, currency, "timeZone", locale, "pricesIncludeTax", "paymentTermsDays", "suspensionBilling", "updatedAt", "taxNumber", "bankName", "bankAccountNumber")
VALUES (1, 'Bench ISP', 'ZA', 'ZAR', 'Africa/Johannesburg', 'en-ZA', true, 7, 'SKIP', now(), '4000000000', 'Bench Bank', '123456789');

INSERT INTO "TaxClass" (id, code, name, rate, "isDefault") VALUES
  ('tx_std', 'VAT', 'VAT 15%', 15, true), ('tx_red', 'RED', 'Reduced 7.5%', 7.5, false), ('tx_zero', 'ZERO', 'Zero', 0, false);

INSERT INTO "Product" (id, code, name, kind, price, interval, "taxClassId", "updatedAt")
SELECT 'prod' || g, 'P' || g, 'Plan ' || g, 'PLAN',
       (ARRAY[29900, 44900, 59900, 79900, 99900, 129900, 85000, 150000, 300000, 299000, 499000, 899000])[g],
       (ARRAY['MONTH','MONTH','MONTH','MONTH','MONTH','MONTH','QUARTER','QUARTER','QUARTER','YEAR','YEAR','YEAR'])[g]::"BillingInterval",
       (ARRAY['tx_std','tx_std','tx_red','tx_std','tx_zero','tx_std','tx_std','tx_red','tx_zero','tx_std','tx_std','tx_zero'])[g],
       now()
  FROM generate_series(1, 12) g;

INSERT INTO "Customer" (id, "accountNumber", "paymentReference", "firstName", "lastName", email, currency, status, "updatedAt", type)
SELECT 'cu' || lpad(g::text, 7, '0'), 'ACC' || lpad(g::text, 7, '0'), 'REF' || lpad(g::text, 7, '0'), 'First' || g, 'Last' || g,
       'c' || g || '@bench.example', 'ZAR', 'ACTIVE', now(), 'RESIDENTIAL'
  FROM generate_series(1, 90000 * current_setting('bench.scale')::int) g;

INSERT INTO "Subscription" (id, "customerId", "productId", status, price, interval, "cycleMode", "startDate", "anchorDay", "billedThrough", "nextBillDate", "updatedAt")
SELECT 'sub' || lpad(g::text, 7, '0'),
       'cu' || lpad((CASE WHEN g <= 90000 * current_setting('bench.scale')::int THEN g ELSE g - 90000 * current_setting('bench.scale')::int END)::text, 7, '0'),
       p.id, 'ACTIVE', p.price, p.interval, x.mode::"CycleMode", DATE '2025-06-01', x.anchor,
       make_date(2026, 12, x.anchor), make_date(2026, 12, x.anchor), now()
  FROM generate_series(1, 100000 * current_setting('bench.scale')::int) g
  CROSS JOIN LATERAL (SELECT CASE WHEN g % 5 = 0 THEN 'CALENDAR' ELSE 'ANNIVERSARY' END AS mode) m
  CROSS JOIN LATERAL (SELECT m.mode, CASE WHEN m.mode = 'CALENDAR' THEN 1 ELSE 1 + g % 31 END AS anchor,
                             'prod' || CASE WHEN m.mode = 'CALENDAR' THEN 1 + g % 6 ELSE 1 + g % 12 END AS pid) x
  JOIN "Product" p ON p.id = x.pid;

INSERT INTO "Discount" (id, "subscriptionId", kind, percent, cycles, description)
SELECT 'disc' || g, 'sub' || lpad((g * 20)::text, 7, '0'), 'PERCENT', 10, 3, 'Welcome 10%' FROM generate_series(1, 5000 * current_setting('bench.scale')::int) g;

INSERT INTO "OneOffCharge" (id, "customerId", description, amount, "taxClassId", "chargeDate")
SELECT 'one' || g, 'cu' || lpad((g * 45)::text, 7, '0'), 'Router', 149900, 'tx_std', DATE '2026-12-10' FROM generate_series(1, 2000 * current_setting('bench.scale')::int) g;

INSERT INTO "Suspension" (id, "subscriptionId", "startDate", "endDate", reason)
SELECT 'susp' || g, 'sub' || lpad((g * 97)::text, 7, '0'), DATE '2026-11-20', DATE '2026-11-25', 'non-payment' FROM generate_series(1, 1000 * current_setting('bench.scale')::int) g;

ANALYZE;
