// Restore on payment, inside the transaction that applied the money (allocatePaymentTx calls it
// after every allocation). When nothing in the must-pay set is left — overdue invoices plus, per
// policy, the late and reconnection fees dunning charged — a suspended account returns to
// current at once and its services are lifted; an account only reminded or notified goes back
// to current silently.
import "server-only";
import type { Tx } from "@/lib/db";
import { SYSTEM } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { todayForIsp } from "@/lib/billing/billing-settings";
import type { IsoDate } from "@/lib/time/dates";
import { getDunningPolicies } from "./get-dunning-policies";
import { insertEventTx, setStateTx } from "./apply-step-tx";
import { notifyStepTx, readMessageContextTx } from "./notify-step-tx";
import { needsRestore } from "./plan-account";
import { keepArrangementIfPaidTx } from "./arrangements/keep-arrangement-tx";
import { announceServiceChanges, liftServicesTx } from "./service-actions-tx";

/** What must be paid before a suspended account is restored, minor units. */
export async function mustPayTx(
  tx: Tx,
  customerId: string,
  today: IsoDate,
  feesInMustPay: boolean,
) {
  const [row] = await tx.$queryRawUnsafe<{ owed: number }[]>(
    `SELECT COALESCE(SUM(i.total - i."amountPaid" - i."amountCredited"), 0)::int AS owed
       FROM "Invoice" i
      WHERE i."customerId" = $1 AND i.status IN ('OPEN', 'PARTIALLY_PAID')
        AND CASE WHEN EXISTS (SELECT 1 FROM "DunningEvent" e WHERE e."feeInvoiceId" = i.id)
                 THEN $3::boolean ELSE i."dueDate" < $2::date END`,
    customerId,
    today,
    feesInMustPay,
  );
  return row.owed;
}

export async function restoreIfClearedTx(
  tx: Tx,
  opts: { customerId: string },
): Promise<{ restored: boolean }> {
  const account = await tx.dunningAccount.findUnique({
    where: { customerId: opts.customerId },
    select: { state: true },
  });
  if (!account || account.state === "CURRENT") return { restored: false };
  // An arrangement's last instalment returns the account to current in this transaction.
  if (account.state === "ARRANGED") {
    await keepArrangementIfPaidTx(tx, opts.customerId);
    return { restored: false };
  }
  const customer = await tx.customer.findUniqueOrThrow({
    where: { id: opts.customerId },
    select: { type: true, currency: true },
  });
  const policy = (await getDunningPolicies(tx))[customer.type];
  const today = await todayForIsp(tx);
  const owed = await mustPayTx(tx, opts.customerId, today, policy.feesInMustPay);
  const cleared = owed <= 0 || owed < policy.minBalance;
  if (!cleared) return { restored: false };
  if (!needsRestore(account.state, 0) && account.state !== "COLLECTIONS") {
    await setStateTx(tx, opts.customerId, "CURRENT");
    return { restored: false };
  }
  // The episode's key: the invoice the suspension (or collections) counted from.
  const episode = await tx.dunningEvent.findFirst({
    where: {
      customerId: opts.customerId,
      step: { in: ["soft-suspend", "suspend", "collections"] },
    },
    orderBy: { at: "desc" },
    select: { invoiceId: true, invoiceIds: true },
  });
  const subscriptionIds = await liftServicesTx(tx, opts.customerId, today);
  await setStateTx(tx, opts.customerId, "CURRENT");
  const eventId = episode
    ? await insertEventTx(tx, {
        customerId: opts.customerId,
        step: "restore",
        invoiceId: episode.invoiceId,
        invoiceIds: episode.invoiceIds,
        amount: 0,
        currency: customer.currency,
        reason: "must-pay balance cleared",
        date: today,
      })
    : null;
  if (eventId) {
    await notifyStepTx(tx, {
      eventId,
      customerId: opts.customerId,
      step: "restore",
      invoiceId: episode!.invoiceId,
      amount: 0,
      autoPay: false,
      context: await readMessageContextTx(tx, opts.customerId, episode!.invoiceId),
    });
    await recordAudit(
      {
        actor: SYSTEM,
        action: "dunning.restore",
        entityType: "Customer",
        entityId: opts.customerId,
        customerId: opts.customerId,
        data: { subscriptionIds },
      },
      tx,
    );
  }
  // The network hears of it once the payment has committed (a hint: radius.sync re-reads state).
  if (subscriptionIds.length)
    setTimeout(
      () => void announceServiceChanges([{ subscriptionIds, change: "resume" }]),
      250,
    ).unref();
  return { restored: true };
}
