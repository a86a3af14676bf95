// Takes one planned step inside the caller's transaction. The history row is the step's record
// (the customer page and the API show it), so the system's steps write no separate audit row. The history row goes first with
// ON CONFLICT DO NOTHING on (customer, step, invoice): a step already taken — by an earlier
// sweep, a concurrent one, or a retry — inserts nothing and does nothing else.
import "server-only";
import type { Tx } from "@/lib/db";
import { billCustomerNowTx } from "@/lib/billing/bill-customers-tx";
import { now } from "@/lib/time/clock";
import { toDbDate, type IsoDate } from "@/lib/time/dates";
import type { PlannedStep } from "./plan-account";
import type { DunningPolicy } from "./policy-schema";
import { notifyStepTx, type MessageContext } from "./notify-step-tx";
import { STATE_AFTER } from "./steps";
import { suspendServicesTx, throttleServicesTx } from "./service-actions-tx";

export type AppliedStep = { eventId: string; subscriptionIds: string[] };

export async function insertEventTx(
  tx: Tx,
  e: Omit<PlannedStep, "amount"> & { amount: number; currency: string; date: IsoDate },
): Promise<string | null> {
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
    `INSERT INTO "DunningEvent" (id, "customerId", step, "invoiceId", "invoiceIds", amount, currency, reason, date, at)
     VALUES (gen_random_uuid()::text, $1, $2, $3, $4::text[], $5, $6, $7, $8::date, $9)
     ON CONFLICT ("customerId", step, "invoiceId") DO NOTHING RETURNING id`,
    e.customerId,
    e.step,
    e.invoiceId,
    e.invoiceIds,
    e.amount,
    e.currency,
    e.reason,
    e.date,
    now(),
  );
  return rows[0]?.id ?? null;
}

export async function setStateTx(
  tx: Tx,
  customerId: string,
  state: NonNullable<(typeof STATE_AFTER)[keyof typeof STATE_AFTER]>,
) {
  await tx.dunningAccount.upsert({
    where: { customerId },
    create: { customerId, state },
    update: { state },
  });
}

/** A fee as a one-off charge invoiced at once, so it can be paid (and must be, per policy). */
async function chargeFeeTx(
  tx: Tx,
  customerId: string,
  description: string,
  amount: number,
  date: IsoDate,
) {
  const taxClass = await tx.taxClass.findFirstOrThrow({ where: { isDefault: true } });
  await tx.oneOffCharge.create({
    data: { customerId, description, amount, taxClassId: taxClass.id, chargeDate: toDbDate(date) },
  });
  const billed = await billCustomerNowTx(tx, customerId, date);
  return billed.invoiceIds[0] ?? null;
}

export async function applyStepTx(
  tx: Tx,
  plan: PlannedStep,
  ctx: {
    date: IsoDate;
    currency: string;
    policy: DunningPolicy;
    autoPay: boolean;
    message: MessageContext;
  },
): Promise<AppliedStep | null> {
  const eventId = await insertEventTx(tx, { ...plan, currency: ctx.currency, date: ctx.date });
  if (!eventId) return null;
  let subscriptionIds: string[] = [];
  let feeInvoiceId: string | null = null;
  if (plan.step === "late-fee")
    feeInvoiceId = await chargeFeeTx(
      tx,
      plan.customerId,
      "Late payment fee",
      plan.amount,
      ctx.date,
    );
  if (plan.step === "soft-suspend") subscriptionIds = await throttleServicesTx(tx, plan.customerId);
  if (plan.step === "suspend") {
    subscriptionIds = await suspendServicesTx(tx, plan.customerId, ctx.date);
    if (ctx.policy.reconnectionFee > 0)
      feeInvoiceId = await chargeFeeTx(
        tx,
        plan.customerId,
        "Reconnection fee",
        ctx.policy.reconnectionFee,
        ctx.date,
      );
  }
  if (feeInvoiceId)
    await tx.dunningEvent.update({ where: { id: eventId }, data: { feeInvoiceId } });
  const state = STATE_AFTER[plan.step];
  if (state) await setStateTx(tx, plan.customerId, state);
  await notifyStepTx(tx, {
    eventId,
    customerId: plan.customerId,
    step: plan.step,
    invoiceId: plan.invoiceId,
    amount: plan.amount,
    fee: plan.step === "late-fee" ? plan.amount : undefined,
    autoPay: ctx.autoPay,
    context: ctx.message,
  });
  return { eventId, subscriptionIds };
}
