// Dunning's fees (late payment, reconnection) as one-off charges invoiced at once, so they can be
// paid (and must be, per policy), for a whole page of steps in a few statements. Each fee gets an
// invoice of its own, as "invoice now" gives it: the fees are billed in rounds holding at most one
// fee per customer, through the billing engine's batch (bill-customers-tx.ts), one batch per
// round and local day — so the invoice also carries whatever else was due, exactly as before.
import "server-only";
import type { Tx } from "@/lib/db";
import { billCustomersTx } from "@/lib/billing/bill-customers-tx";
import { getBillingSettings } from "@/lib/billing/billing-settings";
import { newId } from "@/lib/billing/ids";
import { logger } from "@/lib/log";
import { now } from "@/lib/time/clock";
import type { IsoDate } from "@/lib/time/dates";

export type FeeCharge = {
  /** The step's history row, which records the invoice that charged the fee. */
  eventId: string;
  customerId: string;
  description: string;
  amount: number;
  /** The customer's local day: the charge's date and the invoice's. */
  date: IsoDate;
};

/** Charges the fees in the order given (a customer's earlier fee gets the earlier invoice). */
export async function chargeFeesTx(tx: Tx, fees: FeeCharge[]) {
  if (!fees.length) return;
  const taxClass = await tx.taxClass.findFirstOrThrow({
    where: { isDefault: true },
    select: { id: true },
  });
  const settings = await getBillingSettings(tx);
  const rounds: FeeCharge[][] = [];
  const seen = new Map<string, number>();
  for (const fee of fees) {
    const round = seen.get(fee.customerId) ?? 0;
    seen.set(fee.customerId, round + 1);
    (rounds[round] ??= []).push(fee);
  }
  for (const round of rounds)
    for (const day of new Set(round.map((f) => f.date))) {
      const batch = round.filter((f) => f.date === day);
      const chargeIds = batch.map(() => newId());
      await tx.$executeRawUnsafe(
        `INSERT INTO "OneOffCharge" (id, "customerId", description, amount, "taxClassId", "chargeDate")
         SELECT v.id, v.customer, v.description, v.amount, $5, $6::date
           FROM unnest($1::text[], $2::text[], $3::text[], $4::int[]) AS v(id, customer, description, amount)`,
        chargeIds,
        batch.map((f) => f.customerId),
        batch.map((f) => f.description),
        batch.map((f) => f.amount),
        taxClass.id,
        day,
      );
      const billed = await billCustomersTx(tx, {
        customerIds: batch.map((f) => f.customerId),
        asOf: day,
        settings,
        billingRunId: null,
        now: now(),
      });
      // A customer whose invoice would charge a period twice keeps the fee as a pending charge
      // for the next billing run; the other customers' fees stand.
      if (billed.conflicts)
        logger.warn({ conflicts: billed.conflicts, day }, "dunning fees: invoices refused");
      await tx.$executeRawUnsafe(
        `UPDATE "DunningEvent" e SET "feeInvoiceId" = l."invoiceId"
           FROM unnest($1::text[], $2::text[]) AS v("eventId", "chargeId")
           JOIN "OneOffCharge" o ON o.id = v."chargeId"
           JOIN "InvoiceLine" l ON l.id = o."invoiceLineId"
          WHERE e.id = v."eventId"`,
        batch.map((f) => f.eventId),
        chargeIds,
      );
    }
}
