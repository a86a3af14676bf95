import { apiOperation } from "@/lib/http/api-operation";
import { getTicketOp } from "@/lib/http/openapi/tickets";
import { getTicket } from "@/lib/tickets/get-ticket";

export const GET = apiOperation(getTicketOp, ({ actor, params }) =>
  getTicket({ actor, ticketId: params.id }),
);
