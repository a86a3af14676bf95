// The retry schedule (job payments.retry): an invoice whose last auto-pay attempt was declined is
// charged again on the days of the ISP's `paymentRetryDays` (default 0, 3, 7), counted from the
// first attempt's date in the ISP's time zone on the business clock. A decline that asks for the
// cardholder's approval (authentication_required) is never retried blindly — the customer was
// emailed a pay link instead — and after the last scheduled attempt the invoice is left to
// dunning. Invoices of an agreed payment arrangement are left to its instalments.
import "server-only";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { getSettings } from "@/lib/settings/get-settings";
import { now } from "@/lib/time/clock";
import { addDays, dateInZone } from "@/lib/time/dates";
import { NOT_ARRANGED } from "@/lib/dunning/arrangements/load-arrangement-snapshots";
import { chargeAll } from "./charge-due-invoices";
import type { ChargeTally } from "./tally-charges";

export type RetryFailedChargesOptions = { actor: Actor; concurrency?: number };

export async function retryFailedCharges({
  actor,
  concurrency = 8,
}: RetryFailedChargesOptions): Promise<ChargeTally & { scheduled: number }> {
  assertCan(actor, "payments:write");
  const s = await getSettings();
  const today = dateInZone(now(), s.timeZone);
  const rows = await db.$queryRawUnsafe<
    {
      invoiceId: string;
      firstAt: Date;
      attempts: number;
      lastStatus: string;
      lastReason: string | null;
    }[]
  >(
    `SELECT DISTINCT ON (p."attemptInvoiceId") p."attemptInvoiceId" AS "invoiceId",
            min(p."createdAt") OVER w AS "firstAt", (max(p.attempt) OVER w)::int AS attempts,
            p.status::text AS "lastStatus", p."failureReason" AS "lastReason"
       FROM "Payment" p JOIN "Invoice" i ON i.id = p."attemptInvoiceId"
      WHERE p."attemptKind" = 'AUTO_PAY' AND i.status IN ('OPEN', 'PARTIALLY_PAID')
        AND ${NOT_ARRANGED}
     WINDOW w AS (PARTITION BY p."attemptInvoiceId")
      ORDER BY p."attemptInvoiceId", p.attempt DESC`,
  );
  const due = rows.filter((r) => {
    if (r.lastStatus !== "FAILED" || r.lastReason?.startsWith("authentication_required"))
      return false;
    const offset = s.paymentRetryDays[r.attempts]; // attempts made = index of the next one
    if (offset === undefined) return false;
    return addDays(dateInZone(r.firstAt, s.timeZone), offset) <= today;
  });
  const done = await chargeAll(
    actor,
    due.map((r) => r.invoiceId),
    concurrency,
  );
  return { ...done, scheduled: due.length };
}
