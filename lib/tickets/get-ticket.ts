// One ticket with its thread. Customers see their own tickets without internal notes; staff see
// everything, with the SLA state and the colleagues it can be assigned to.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/roles";
import { now } from "@/lib/time/clock";
import { slaState } from "./sla";
import { isCustomer, loadTicketFor } from "./ticket-access";

export type GetTicketOptions = { actor: Actor; ticketId: string };

export async function getTicket({ actor, ticketId }: GetTicketOptions) {
  await loadTicketFor(actor, ticketId, "read");
  const staff = !isCustomer(actor);
  const t = await db.ticket.findUniqueOrThrow({
    where: { id: ticketId },
    select: {
      id: true,
      number: true,
      subject: true,
      category: true,
      status: true,
      priority: true,
      customerId: true,
      firstResponseDueAt: true,
      resolveDueAt: true,
      firstRespondedAt: true,
      resolvedAt: true,
      lastMessageAt: true,
      createdAt: true,
      customer: {
        select: {
          accountNumber: true,
          firstName: true,
          lastName: true,
          companyName: true,
          email: true,
        },
      },
      subscription: {
        select: {
          id: true,
          product: { select: { name: true } },
          serviceAddress: { select: { line1: true } },
        },
      },
      assignedTo: { select: { id: true, name: true } },
      messages: {
        where: staff ? {} : { internal: false },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          authorName: true,
          fromStaff: true,
          internal: true,
          via: true,
          body: true,
          createdAt: true,
          attachments: {
            orderBy: { createdAt: "asc" },
            select: { id: true, filename: true, contentType: true, size: true },
          },
        },
      },
    },
  });
  return { ...t, sla: slaState(t, now()) };
}
