"use server";

import { redirect } from "next/navigation";
import { defineAction } from "@/lib/http/define-action";
import { filesFromForm } from "@/lib/tickets/attachment-rules";
import { openTicket } from "@/lib/tickets/open-ticket";
import { openTicketFormSchema } from "@/lib/tickets/ticket-schemas";

export const openSupportTicketAction = defineAction({
  who: "customer",
  returnTo: "/portal/support/new",
  schema: openTicketFormSchema,
  handler: async ({ actor, input: { attachments, ...input } }) => {
    const t = await openTicket({
      actor,
      ...input,
      customerId: undefined,
      priority: undefined,
      attachments: await filesFromForm(attachments),
    });
    redirect(`/portal/support/${t.id}`);
  },
});
