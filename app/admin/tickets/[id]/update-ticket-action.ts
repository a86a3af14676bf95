"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/http/define-action";
import { updateTicket } from "@/lib/tickets/update-ticket";
import { updateTicketFormSchema } from "@/lib/tickets/ticket-schemas";

export const updateTicketAction = defineAction({
  who: "staff",
  permission: "tickets:write",
  returnTo: "/admin/tickets",
  schema: updateTicketFormSchema,
  handler: async ({ actor, input }) => {
    await updateTicket({ actor, ...input });
    revalidatePath(`/admin/tickets/${input.ticketId}`);
    return "Ticket updated.";
  },
});
