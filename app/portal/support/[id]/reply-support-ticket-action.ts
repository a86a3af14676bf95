"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/http/define-action";
import { addTicketMessage } from "@/lib/tickets/add-ticket-message";
import { filesFromForm } from "@/lib/tickets/attachment-rules";
import { ticketReplyFormSchema } from "@/lib/tickets/ticket-schemas";

export const replySupportTicketAction = defineAction({
  who: "customer",
  returnTo: "/portal/support",
  schema: ticketReplyFormSchema,
  handler: async ({ actor, input: { attachments, internal: _i, status: _s, ...input } }) => {
    await addTicketMessage({ actor, ...input, attachments: await filesFromForm(attachments) });
    revalidatePath(`/portal/support/${input.ticketId}`);
    return "Sent. We will answer here and by email.";
  },
});
