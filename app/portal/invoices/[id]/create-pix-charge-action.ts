"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/http/define-action";
import { text } from "@/lib/http/schemas";
import { createPixCharge } from "@/lib/payments/rails/pix/create-pix-charge";

export const createPixChargeAction = defineAction({
  who: "customer",
  schema: z.object({ invoiceId: text().min(1).max(64) }),
  handler: async ({ actor, input }) => {
    await createPixCharge({ actor, invoiceId: input.invoiceId });
    revalidatePath(`/portal/invoices/${input.invoiceId}`);
    return "Pix charge created: pay it with the code shown.";
  },
});
