// The payments.apply-credit sweep: when the ISP's setting is on, customer credit pays invoices
// finalised in the last week that are still open, if the customer had credit from money received
// before the invoice was finalised (credit staff keep back on an existing invoice stays put).
// Idempotent (credit is applied once; paid invoices are not open), so the finalisation event and
// the cron tick may both run it.
import { db } from "@/lib/db";
import { SYSTEM } from "@/lib/auth/roles";
import { getSettings } from "@/lib/settings/get-settings";
import { now } from "@/lib/time/clock";
import { applyCustomerCredit } from "./apply-customer-credit";

const RECENT_MS = 7 * 24 * 3600_000;

export async function applyPendingCredit(opts: { customerId?: string; invoiceId?: string } = {}) {
  const settings = await getSettings();
  if (!settings.applyCreditToNewInvoices) return { skipped: "setting off", customers: 0 };
  const rows = await db.$queryRawUnsafe<{ customerId: string; invoiceIds: string[] }[]>(
    `SELECT i."customerId", array_agg(i.id) AS "invoiceIds"
       FROM "Invoice" i
      WHERE i.status IN ('OPEN', 'PARTIALLY_PAID') AND i."finalizedAt" >= $1
        AND ($2::text IS NULL OR i."customerId" = $2) AND ($3::text IS NULL OR i.id = $3)
        AND EXISTS (SELECT 1 FROM "Payment" p WHERE p."customerId" = i."customerId"
                      AND p.status = 'SUCCEEDED' AND p.unallocated > 0
                      AND p."receivedAt" < i."finalizedAt")
      GROUP BY i."customerId"`,
    new Date(now().getTime() - RECENT_MS),
    opts.customerId ?? null,
    opts.invoiceId ?? null,
  );
  let allocations = 0;
  for (const r of rows) {
    const { applied } = await applyCustomerCredit({
      actor: SYSTEM,
      customerId: r.customerId,
      invoiceIds: r.invoiceIds,
    });
    allocations += applied.length;
  }
  return { customers: rows.length, allocations };
}
