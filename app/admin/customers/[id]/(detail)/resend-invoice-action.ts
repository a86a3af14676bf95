"use server";

import { z } from "zod";
import { defineAction } from "@/lib/http/define-action";
import { id } from "@/lib/http/schemas";
import { resendInvoice } from "@/lib/invoices/resend-invoice";

export const resendInvoiceAction = defineAction({
  who: "staff",
  permission: "customers:read_financial",
  schema: z.object({ customerId: id(), invoiceId: id() }),
  handler: async ({ actor, input }) => {
    const { number, email } = await resendInvoice({ actor, ...input });
    return `Invoice ${number} is on its way to ${email} again.`;
  },
});
