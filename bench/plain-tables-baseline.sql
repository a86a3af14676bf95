-- The floor under the floor: the rows a billing run wrote (invoices, lines, ledger entries), copied
-- into plain tables of the same columns with a primary key only — no foreign keys, checks, other
-- indexes or triggers. What PostgreSQL needs just to store those rows on this machine.
CREATE TABLE plain_invoice (LIKE "Invoice" INCLUDING DEFAULTS, PRIMARY KEY (id));
CREATE TABLE plain_line (LIKE "InvoiceLine" INCLUDING DEFAULTS, PRIMARY KEY (id));
CREATE TABLE plain_ledger (LIKE "LedgerEntry" INCLUDING DEFAULTS, PRIMARY KEY (id));
BEGIN;
INSERT INTO plain_invoice SELECT * FROM "Invoice";
INSERT INTO plain_line SELECT * FROM "InvoiceLine";
INSERT INTO plain_ledger SELECT * FROM "LedgerEntry";
COMMIT;
