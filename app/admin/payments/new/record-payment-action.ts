"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { defineAction } from "@/lib/http/define-action";
import { parseMoneyInput } from "@/lib/money/parse-money";
import { MANUAL_METHODS } from "@/lib/payments/manual-payment-schema";
import { recordManualPayment } from "@/lib/payments/record-manual-payment";

const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

const schema = z.object({
  customerId: z.string().min(1).max(64),
  currency: z.string().length(3),
  method: z.enum(MANUAL_METHODS, { message: "Choose how the money came in" }),
  amount: z.string().max(30),
  receivedOn: z.string().max(10),
  reference: z.string().max(100).optional(),
  note: z.string().max(500).optional(),
  mode: z.enum(["oldest", "chosen"]),
  sendReceipt: z.literal("on").optional(),
  allocationInvoiceId: list,
  allocationAmount: list,
});

/** The use case names allocation rows by position; the form names them by invoice. */
function byInvoice(e: unknown, invoiceIds: string[]): unknown {
  if (!(e instanceof AppError) || !e.fields) return e;
  const fields = Object.fromEntries(
    Object.entries(e.fields).map(([k, v]) => {
      const m = /^allocations\.(\d+)\./.exec(k);
      return [m ? `allocation.${invoiceIds[Number(m[1])]}` : k, v];
    }),
  );
  return new AppError(e.code, e.message, fields);
}

export const recordPaymentAction = defineAction({
  who: "staff",
  permission: "payments:write",
  schema,
  returnTo: "/admin/payments",
  handler: async ({ actor, input }) => {
    const amount = parseMoneyInput(input.amount, input.currency);
    const chosen =
      input.mode === "chosen"
        ? input.allocationInvoiceId.flatMap((invoiceId, i) => {
            const text = input.allocationAmount[i]?.trim();
            if (!text) return [];
            const field = `allocation.${invoiceId}`;
            return [{ invoiceId, amount: parseMoneyInput(text, input.currency, field) }];
          })
        : undefined;
    const payment = await recordManualPayment({
      actor,
      customerId: input.customerId,
      amount,
      currency: input.currency,
      method: input.method,
      receivedOn: input.receivedOn,
      reference: input.reference || undefined,
      note: input.note || undefined,
      allocations: chosen,
      sendReceipt: input.sendReceipt === "on",
    }).catch((e: unknown) => {
      throw byInvoice(e, chosen?.map((c) => c.invoiceId) ?? []);
    });
    revalidatePath("/admin/payments");
    revalidatePath(`/admin/customers/${input.customerId}`);
    redirect(`/admin/payments/${payment.id}?recorded=1`);
  },
});
