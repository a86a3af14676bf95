// Finalises draft invoices inside the caller's transaction (money rule 4): numbers come from one
// UPDATE of the series row, which holds its row lock until commit, so numbers are sequential and a
// rolled-back transaction gives its block back (no gaps). The snapshot freezes the customer's and
// the ISP's details, and each invoice posts its ledger entry exactly once (unique source key).
import "server-only";
import type { Tx } from "@/lib/db";
import { getSettings } from "@/lib/settings/get-settings";
import { takeNumbers } from "@/lib/numbering/take-numbers";

const DEFAULT_PREFIX = { INVOICE: "INV-", CREDIT_NOTE: "CN-" } as const;

/** Gapless numbers from a series (lib/numbering); the row is created with defaults if setup skipped it. */
export async function takeDocumentNumbers(
  tx: Tx,
  code: keyof typeof DEFAULT_PREFIX,
  count: number,
): Promise<string[]> {
  await tx.$executeRawUnsafe(
    `INSERT INTO "NumberSeries" (code, prefix) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
    code,
    DEFAULT_PREFIX[code],
  );
  return takeNumbers(tx, code, count);
}

async function ispSnapshot(tx: Tx) {
  const s = await getSettings(tx);
  return {
    name: s.name,
    legalName: s.legalName,
    taxNumber: s.taxNumber,
    registrationNumber: s.registrationNumber,
    email: s.email,
    phone: s.phone,
    website: s.website,
    logoUrl: s.logoUrl,
    brandColor: s.brandColor,
    address: [s.addressLine1, s.addressLine2, s.city, s.postalCode, s.region, s.country].filter(
      Boolean,
    ),
    bank: {
      name: s.bankName,
      accountName: s.bankAccountName,
      accountNumber: s.bankAccountNumber,
      branchCode: s.bankBranchCode,
      iban: s.bankIban,
      bic: s.bankBic,
    },
    locale: s.locale,
    timeZone: s.timeZone,
    pricesIncludeTax: s.pricesIncludeTax,
  };
}

/** Finalises the given drafts (others are ignored); returns the ids finalised, in number order. */
export async function finalizeInvoicesTx(
  tx: Tx,
  ids: readonly string[],
  at: Date,
): Promise<string[]> {
  if (!ids.length) return [];
  // Lock the drafts first, so the block of numbers taken matches exactly what gets finalised.
  const drafts = await tx.$queryRawUnsafe<{ id: string }[]>(
    `SELECT i.id FROM "Invoice" i JOIN "Customer" c ON c.id = i."customerId"
      WHERE i.id = ANY($1::text[]) AND i.status = 'DRAFT'
      ORDER BY i."issueDate", c."accountNumber", i.id FOR UPDATE OF i`,
    ids,
  );
  if (!drafts.length) return [];
  const ordered = drafts.map((d) => d.id);
  const isp = await ispSnapshot(tx);
  const numbers = await takeDocumentNumbers(tx, "INVOICE", ordered.length);
  const updated = await tx.$executeRawUnsafe(
    `UPDATE "Invoice" i
        SET status = (CASE WHEN i.total <= 0 THEN 'PAID' ELSE 'OPEN' END)::"InvoiceStatus",
            number = v.number, "finalizedAt" = $3, "finalizeAfter" = NULL,
            snapshot = jsonb_build_object(
              'customer', jsonb_build_object(
                'accountNumber', c."accountNumber", 'type', c.type, 'firstName', c."firstName", 'lastName', c."lastName",
                'companyName', c."companyName", 'email', c.email, 'taxNumber', c."taxNumber",
                'paymentReference', c."paymentReference",
                'address', CASE WHEN a.id IS NULL THEN NULL ELSE jsonb_build_object('line1', a.line1, 'line2', a.line2,
                  'suburb', a.suburb, 'city', a.city, 'postalCode', a."postalCode", 'region', a.region, 'country', a.country) END),
              'isp', $4::jsonb)
       FROM unnest($1::text[], $2::text[]) AS v(id, number), "Customer" c LEFT JOIN "Address" a ON a.id = c."billingAddressId"
      WHERE i.id = v.id AND c.id = i."customerId"`,
    ordered,
    numbers,
    at,
    JSON.stringify(isp),
  );
  if (updated !== ordered.length)
    throw new Error(`finalised ${updated} of ${ordered.length} invoices`);
  await tx.$executeRawUnsafe(
    `INSERT INTO "LedgerEntry" ("customerId", kind, "sourceKey", amount, currency, description, "effectiveDate", "invoiceId", "postedAt")
     SELECT i."customerId", 'INVOICE', 'invoice:' || i.id, i.total, i.currency, 'Invoice ' || i.number, i."issueDate", i.id, $2
       FROM "Invoice" i WHERE i.id = ANY($1::text[])
     ON CONFLICT ("sourceKey") DO NOTHING`,
    ordered,
    at,
  );
  return ordered;
}
