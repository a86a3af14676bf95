import { apiOperation } from "@/lib/http/api-operation";
import { listTicketsOp, openTicketOp } from "@/lib/http/openapi/tickets";
import { listTickets } from "@/lib/tickets/list-tickets";
import { openTicket } from "@/lib/tickets/open-ticket";

export const GET = apiOperation(listTicketsOp, ({ actor, query }) =>
  listTickets({ actor, filter: query }),
);

export const POST = apiOperation(openTicketOp, ({ actor, body }) =>
  openTicket({ actor, ...body, via: "API" }),
);
