// One-off charges (installation, router, manual charges by ACCOUNTS) wait for the customer's
// next invoice, like Stripe's pending invoice items, or are invoiced at once when asked.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors";
import { checkbox } from "@/lib/http/form-fields";
import { parseMoneyInput } from "@/lib/money/parse-money";
import { assertIsoDate, toDbDate, type IsoDate } from "@/lib/time/dates";
import { billCustomerNowTx } from "@/lib/billing/bill-customers-tx";
import { todayForIsp } from "@/lib/billing/billing-settings";
import { assertLineAmount, MAX_QUANTITY } from "@/lib/money/limits";

/** The admin form: a charge as staff type it, the amount in the customer's currency. */
export const oneOffChargeSchema = z.object({
  customerId: z.string().min(1),
  description: z.string().trim().min(1, "Describe the charge").max(200),
  amount: z.string().trim().min(1, "Enter an amount"),
  quantity: z.coerce
    .number({ message: "Whole number, at least 1" })
    .int("Whole number, at least 1")
    .min(1, "Whole number, at least 1")
    .max(10_000)
    .default(1),
  taxClassId: z
    .string()
    .optional()
    .transform((v) => v || undefined),
  invoiceNow: checkbox(),
});

export type CreateOneOffChargeOptions = {
  customerId: string;
  description: string;
  /**
   * Per unit, as displayed (inclusive or exclusive of tax per settings): minor units, or a
   * decimal amount typed in the customer's currency ("499.00").
   */
  amount: number | string;
  quantity?: number;
  taxClassId?: string;
  subscriptionId?: string;
  chargeDate?: IsoDate;
  invoiceNow?: boolean;
  actor: Actor;
};

export async function createOneOffCharge({ amount: typed, ...opts }: CreateOneOffChargeOptions) {
  assertCan(opts.actor, "billing:charge");
  if (typeof typed === "number" && (!Number.isSafeInteger(typed) || typed === 0))
    throw new AppError("VALIDATION", "Amount must be whole minor units.", { amount: "invalid" });
  const quantity = opts.quantity ?? 1;
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY)
    throw new AppError("VALIDATION", "Quantity must be a whole number.", {
      quantity: `1 to ${MAX_QUANTITY}`,
    });
  return db.$transaction(async (tx) => {
    const customer = await tx.customer.findUnique({
      where: { id: opts.customerId },
      select: { id: true, currency: true },
    });
    if (!customer) throw notFound("Customer");
    const amount = typeof typed === "string" ? parseMoneyInput(typed, customer.currency) : typed;
    if (amount === 0)
      throw new AppError("VALIDATION", "Enter an amount other than zero.", { amount: "Not zero" });
    assertLineAmount(amount, quantity, "amount");
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
        amount,
        quantity,
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
        data: { amount, description: opts.description },
      },
      tx,
    );
    const billed = opts.invoiceNow
      ? await billCustomerNowTx(tx, customer.id, chargeDate > today ? chargeDate : today)
      : null;
    return { charge, invoiceIds: billed?.invoiceIds ?? [] };
  });
}
