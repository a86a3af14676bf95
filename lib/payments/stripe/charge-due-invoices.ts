// The auto-pay sweep (job payments.charge-due): every open invoice of a customer with a default
// card that has no auto-pay attempt yet — once it is finalised, or once it is due, as the ISP's
// `autoPayOn` setting says — plus attempts a killed run left PENDING (re-sent under their own
// idempotency key, so nothing is charged twice); and the due instalments of agreed payment
// arrangements (prepareInstalmentAttempts), whose invoices are never charged whole. Invoices
// older than LOOKBACK_DAYS are left to staff: switching auto-pay on must not charge a customer's
// whole history at once. Attempts are recorded, sent and booked a chunk at a time
// (prepareAttemptsBulk, settleSucceededIntentsTx).
import "server-only";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { NOT_ARRANGED } from "@/lib/dunning/arrangements/load-arrangement-snapshots";
import { getSettings } from "@/lib/settings/get-settings";
import { now } from "@/lib/time/clock";
import { dateInZone } from "@/lib/time/dates";
import { addDays } from "@/lib/time/dates";
import type { ChargeResult, Prepared } from "./charge-invoice";
import { prepareAttemptsBulk } from "./prepare-attempts-bulk";
import { prepareInstalmentAttempts } from "./prepare-instalment-attempts";
import { sendPreparedAttempts } from "./send-prepared-attempts";
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
        AND ${NOT_ARRANGED}
      ORDER BY i."dueDate", i.id`,
    invoiceId ?? null,
    s.autoPayOn,
    today,
    LOOKBACK_DAYS,
  );
  const results = await chargeInvoices(
    rows.map((r) => r.id),
    concurrency,
  );
  if (!invoiceId) {
    const instalments = await prepareInstalmentAttempts({
      today,
      since: addDays(today, -LOOKBACK_DAYS),
    });
    results.push(
      ...(await sendPreparedAttempts(
        instalments.map((p) => ({ invoiceId: null, p })),
        concurrency,
      )),
    );
  }
  return tally(results);
}

const CHUNK = 1_000;

/**
 * Charges invoices in chunks: the chunk's attempts are recorded together (committed before any
 * Stripe call), sent with at most `concurrency` Stripe calls in flight, and the succeeded ones
 * booked together; failures are settled one at a time (they are few and each may email).
 */
export async function chargeAll(actor: Actor, invoiceIds: string[], concurrency: number) {
  assertCan(actor, "payments:write");
  return tally(await chargeInvoices(invoiceIds, concurrency));
}

async function chargeInvoices(invoiceIds: string[], concurrency: number) {
  const results: ChargeResult[] = [];
  for (let c = 0; c < invoiceIds.length; c += CHUNK) {
    const chunk = invoiceIds.slice(c, c + CHUNK);
    const prepared = await prepareAttemptsBulk(chunk);
    const toSend: { invoiceId: string; p: Prepared }[] = [];
    for (const invoiceId of chunk) {
      const p = prepared.get(invoiceId) ?? { skip: "invoice not found" };
      if ("skip" in p) results.push({ result: "skipped", reason: p.skip });
      else toSend.push({ invoiceId, p });
    }
    results.push(...(await sendPreparedAttempts(toSend, concurrency)));
  }
  return results;
}
