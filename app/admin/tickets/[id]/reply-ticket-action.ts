"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/http/define-action";
import { addTicketMessage } from "@/lib/tickets/add-ticket-message";
import { filesFromForm } from "@/lib/tickets/attachment-rules";
import { ticketReplyFormSchema } from "@/lib/tickets/ticket-schemas";

export const replyTicketAction = defineAction({
  who: "staff",
  permission: "tickets:write",
  returnTo: "/admin/tickets",
  schema: ticketReplyFormSchema,
  handler: async ({ actor, input: { attachments, ...input } }) => {
    await addTicketMessage({ actor, ...input, attachments: await filesFromForm(attachments) });
    revalidatePath(`/admin/tickets/${input.ticketId}`);
    return input.internal ? "Note added." : "Reply sent to the customer.";
  },
});
