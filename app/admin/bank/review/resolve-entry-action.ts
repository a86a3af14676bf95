"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { resolveBankEntry } from "@/lib/bank/resolve-bank-entry";
import { defineAction } from "@/lib/http/define-action";

// One form for the three review actions: a suggestion's one-click match (customer + invoice), a
// match typed by account number with an optional split across invoices ("INV-1 100.00" lines),
// and "not ours".
export const resolveEntryAction = defineAction({
  who: "staff",
  permission: "payments:write",
  schema: z.object({
    entryId: z.string().min(1).max(64),
    action: z.enum(["match", "not_ours"]),
    customerId: z.string().trim().max(64).optional(),
    invoiceId: z.string().max(64).optional(),
    split: z.string().max(4000).optional(),
  }),
  returnTo: "/admin/bank/review",
  handler: async ({ actor, input }) => {
    if (input.action === "not_ours") {
      await resolveBankEntry({ actor, entryId: input.entryId, action: "not_ours" });
      revalidatePath("/admin/bank/review");
      return "Marked as not ours.";
    }
    await resolveBankEntry({
      actor,
      entryId: input.entryId,
      action: "match",
      customerId: input.customerId ?? "",
      invoiceId: input.invoiceId || undefined,
      split: input.split || undefined,
    });
    revalidatePath("/admin/bank/review");
    return "Matched and recorded as a payment.";
  },
});
