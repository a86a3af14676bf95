import { apiOperation } from "@/lib/http/api-operation";
import { addTicketMessageOp } from "@/lib/http/openapi/tickets";
import { addTicketMessage } from "@/lib/tickets/add-ticket-message";

export const POST = apiOperation(addTicketMessageOp, ({ actor, params, body }) =>
  addTicketMessage({ actor, ticketId: params.id, ...body, via: "API" }),
);
