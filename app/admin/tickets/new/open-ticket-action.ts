"use server";

import { redirect } from "next/navigation";
import { defineAction } from "@/lib/http/define-action";
import { filesFromForm } from "@/lib/tickets/attachment-rules";
import { openTicket } from "@/lib/tickets/open-ticket";
import { openTicketFormSchema } from "@/lib/tickets/ticket-schemas";

export const openTicketAction = defineAction({
  who: "staff",
  permission: "tickets:write",
  returnTo: "/admin/tickets",
  schema: openTicketFormSchema,
  handler: async ({ actor, input: { attachments, ...input } }) => {
    const t = await openTicket({ actor, ...input, attachments: await filesFromForm(attachments) });
    redirect(`/admin/tickets/${t.id}`);
  },
});
