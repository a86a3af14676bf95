"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/http/define-action";
import { issueCreditNote, issueCreditNoteSchema } from "@/lib/invoices/issue-credit-note";

export const issueCreditNoteAction = defineAction({
  who: "staff",
  permission: "billing:charge",
  returnTo: "/admin/invoices",
  schema: issueCreditNoteSchema,
  handler: async ({ actor, input }) => {
    const note = await issueCreditNote({ ...input, actor });
    revalidatePath(`/admin/invoices/${input.invoiceId}`);
    return `Credit note ${note.number} issued.`;
  },
});
