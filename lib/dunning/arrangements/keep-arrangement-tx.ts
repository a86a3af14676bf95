// Every instalment paid: the arrangement is kept and the account returns to current. Called in
// the payment's own transaction (restoreIfClearedTx, from allocatePaymentTx) so the account is
// current the moment the last instalment lands, and by the sweep for a balance a credit note
// cleared. Once per arrangement (history row `arrangement-kept`).
import "server-only";
import type { Tx } from "@/lib/db";
import { todayForIsp } from "@/lib/billing/billing-settings";
import { toDbDate } from "@/lib/time/dates";
import { insertEventTx, setStateTx } from "../apply-step-tx";
import { notifyArrangementTx } from "./notify-arrangement-tx";
import { PAID_SQL } from "./load-arrangement-snapshots";

export async function keepArrangementIfPaidTx(tx: Tx, customerId: string): Promise<boolean> {
  const [a] = await tx.$queryRawUnsafe<
    { id: string; total: number; paid: number; invoiceIds: string[]; currency: string }[]
  >(
    `SELECT a.id, a.total, ${PAID_SQL} AS paid, a."invoiceIds", a.currency
       FROM "PaymentArrangement" a WHERE a."customerId" = $1 AND a.status = 'ACTIVE'`,
    customerId,
  );
  if (!a || a.paid < a.total) return false;
  const today = await todayForIsp(tx);
  const eventId = await insertEventTx(tx, {
    customerId,
    step: "arrangement-kept",
    invoiceId: a.id,
    invoiceIds: a.invoiceIds,
    amount: a.total,
    currency: a.currency,
    reason: "every payment under the arrangement received",
    date: today,
  });
  if (!eventId) return false;
  await tx.paymentArrangement.update({
    where: { id: a.id },
    data: { status: "KEPT", endedOn: toDbDate(today) },
  });
  await setStateTx(tx, customerId, "CURRENT");
  await notifyArrangementTx(tx, {
    arrangementId: a.id,
    key: "arrangement-kept",
    dedupeKey: `dunning:${eventId}`,
  });
  return true;
}
