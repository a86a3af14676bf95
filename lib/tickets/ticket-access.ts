// Who may see or act on a ticket: staff with the tickets permission, or the customer whose ticket
// it is. Anyone else gets a 404, so ticket ids reveal nothing.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";

export const isCustomer = (
  a: Actor,
): a is Extract<Actor, { kind: "user" }> & { customerId: string } =>
  a.kind === "user" && a.role === "CUSTOMER" && Boolean(a.customerId);

/** The ticket's customer, status and SLA fields after checking `actor` may read or write it. */
export async function loadTicketFor(
  actor: Actor,
  ticketId: string,
  need: "read" | "write",
  tx: Tx = db,
) {
  if (!isCustomer(actor)) assertCan(actor, need === "read" ? "tickets:read" : "tickets:write");
  const t = await tx.ticket.findUnique({
    where: { id: ticketId },
    select: {
      id: true,
      number: true,
      subject: true,
      customerId: true,
      status: true,
      replyToken: true,
      assignedToId: true,
      firstRespondedAt: true,
      resolvedAt: true,
      customer: { select: { email: true, firstName: true } },
    },
  });
  if (!t || (isCustomer(actor) && t.customerId !== actor.customerId)) throw notFound("Ticket");
  return t;
}

export const authorName = (a: Actor) => (a.kind === "system" ? "System" : a.name);
