// One-off charges (installation, router, manual charges by ACCOUNTS) wait for the customer's
// next invoice, like Stripe's pending invoice items, or are invoiced at once when asked.
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors";
import { assertIsoDate, toDbDate, type IsoDate } from "@/lib/time/dates";
import { billCustomerNowTx } from "@/lib/billing/bill-customers-tx";
import { todayForIsp } from "@/lib/billing/billing-settings";

export async function createOneOffCharge(opts: {
  customerId: string;
  description: string;
  amount: number; // minor units per unit, as displayed (inclusive or exclusive of tax per settings)
  quantity?: number;
  taxClassId?: string;
  subscriptionId?: string;
  chargeDate?: IsoDate;
  invoiceNow?: boolean;
  actor: Actor;
}) {
  assertCan(opts.actor, "billing:charge");
  if (!Number.isSafeInteger(opts.amount) || opts.amount === 0)
    throw new AppError("VALIDATION", "Amount must be whole minor units.", { amount: "invalid" });
  return db.$transaction(async (tx) => {
    const customer = await tx.customer.findUnique({
      where: { id: opts.customerId },
      select: { id: true },
    });
    if (!customer) throw notFound("Customer");
    const taxClass = opts.taxClassId
      ? await tx.taxClass.findUnique({ where: { id: opts.taxClassId } })
      : await tx.taxClass.findFirst({ where: { isDefault: true } });
    if (!taxClass)
      throw new AppError("VALIDATION", "Choose a tax class.", { taxClassId: "required" });
    const today = await todayForIsp(tx);
    const chargeDate = opts.chargeDate ? assertIsoDate(opts.chargeDate) : today;
    const charge = await tx.oneOffCharge.create({
      data: {
        customerId: customer.id,
        subscriptionId: opts.subscriptionId,
        description: opts.description,
        amount: opts.amount,
        quantity: opts.quantity ?? 1,
        taxClassId: taxClass.id,
        chargeDate: toDbDate(chargeDate),
        createdById: opts.actor.kind === "system" ? null : opts.actor.id,
      },
    });
    await recordAudit(
      {
        actor: opts.actor,
        action: "billing.one_off_charge",
        entityType: "OneOffCharge",
        entityId: charge.id,
        customerId: customer.id,
        data: { amount: opts.amount, description: opts.description },
      },
      tx,
    );
    const billed = opts.invoiceNow
      ? await billCustomerNowTx(tx, customer.id, chargeDate > today ? chargeDate : today)
      : null;
    return { charge, invoiceIds: billed?.invoiceIds ?? [] };
  });
}
