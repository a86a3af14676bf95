-- Receivables aging reads the invoices open now from this partial index alone (index-only scan,
-- a few percent of all invoices), by customer for the drill-down. Prisma cannot declare a partial
-- covering index, so it lives here only (see the comment on model Invoice).
CREATE INDEX "Invoice_open_customerId_idx" ON "Invoice" ("customerId")
  INCLUDE ("id", "number", "issueDate", "dueDate", "total", "amountPaid")
  WHERE "status" IN ('OPEN', 'PARTIALLY_PAID', 'UNCOLLECTIBLE');
