// The auto-pay sweep (job payments.charge-due): every open invoice of a customer with a default
// card that has no auto-pay attempt yet — once it is finalised, or once it is due, as the ISP's
// `autoPayOn` setting says — plus attempts a killed run left PENDING (re-sent under their own
// idempotency key, so nothing is charged twice). Invoices older than LOOKBACK_DAYS are left to
// staff: switching auto-pay on must not charge a customer's whole history at once.
import "server-only";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { getSettings } from "@/lib/settings/get-settings";
import { now } from "@/lib/time/clock";
import { dateInZone } from "@/lib/time/dates";
import { chargeInvoice, type ChargeResult } from "./charge-invoice";
import { tally, type ChargeTally } from "./tally-charges";

export const LOOKBACK_DAYS = 35;

export type ChargeDueInvoicesOptions = {
  actor: Actor;
  /** Only this invoice (the `billing/invoice.finalized` event); the whole sweep when omitted. */
  invoiceId?: string;
  /** Charges in flight at once (each waits on Stripe). */
  concurrency?: number;
};

export async function chargeDueInvoices({
  actor,
  invoiceId,
  concurrency = 8,
}: ChargeDueInvoicesOptions): Promise<ChargeTally> {
  assertCan(actor, "payments:write");
  const s = await getSettings();
  const today = dateInZone(now(), s.timeZone);
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    `SELECT i.id FROM "Invoice" i
      WHERE i.status IN ('OPEN', 'PARTIALLY_PAID')
        AND ($1::text IS NULL OR i.id = $1)
        AND EXISTS (SELECT 1 FROM "PaymentMethod" m
                     WHERE m."customerId" = i."customerId" AND m."isDefault" AND m.kind = 'CARD'
                       AND m."stripePaymentMethodId" IS NOT NULL)
        AND (CASE WHEN $2 = 'DUE_DATE' THEN i."dueDate" BETWEEN $3::date - $4::int AND $3::date
                  ELSE i."issueDate" >= $3::date - $4::int END)
        AND NOT EXISTS (SELECT 1 FROM "Payment" p
                         WHERE p."attemptInvoiceId" = i.id AND p."attemptKind" = 'AUTO_PAY'
                           AND p.status <> 'PENDING')
      ORDER BY i."dueDate", i.id`,
    invoiceId ?? null,
    s.autoPayOn,
    today,
    LOOKBACK_DAYS,
  );
  return chargeAll(
    actor,
    rows.map((r) => r.id),
    concurrency,
  );
}

/** Charges invoices with at most `concurrency` Stripe calls in flight. */
export async function chargeAll(actor: Actor, invoiceIds: string[], concurrency: number) {
  const results: ChargeResult[] = [];
  let next = 0;
  const worker = async () => {
    while (next < invoiceIds.length) {
      const id = invoiceIds[next++];
      results.push(await chargeInvoice({ actor, invoiceId: id }));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return tally(results);
}
