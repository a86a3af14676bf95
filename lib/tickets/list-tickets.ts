// The ticket queue (staff, with filters and "my tickets") and a customer's own tickets (portal).
// Most recent activity first, keyset-paged; served by the (status, lastMessageAt) and
// (assignedToId, status) indexes.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { now } from "@/lib/time/clock";
import { slaState } from "./sla";
import { isCustomer } from "./ticket-access";
import { ticketFilterSchema, type TicketFilter } from "./ticket-schemas";

export type ListTicketsOptions = { actor: Actor; filter?: TicketFilter };

const ACTIVE = ["OPEN", "PENDING"] as const;

export async function listTickets({ actor, filter = {} }: ListTicketsOptions) {
  if (!isCustomer(actor)) assertCan(actor, "tickets:read");
  const f = ticketFilterSchema.parse(filter);
  const at = now();
  const status = f.status ?? (isCustomer(actor) ? "ALL" : "ACTIVE");
  const assignee =
    f.assignee === "me" ? (actor.kind === "system" ? undefined : actor.id) : f.assignee;
  const where: Prisma.TicketWhereInput = {
    ...(isCustomer(actor)
      ? { customerId: actor.customerId }
      : f.customerId && { customerId: f.customerId }),
    ...(status === "ACTIVE" ? { status: { in: [...ACTIVE] } } : status !== "ALL" && { status }),
    ...(f.category && { category: f.category }),
    ...(f.priority && { priority: f.priority }),
    ...(assignee === "none" ? { assignedToId: null } : assignee && { assignedToId: assignee }),
    ...(f.breached === "true" && {
      status: { in: [...ACTIVE] },
      OR: [
        { firstRespondedAt: null, firstResponseDueAt: { lt: at } },
        { resolvedAt: null, resolveDueAt: { lt: at } },
      ],
    }),
    ...(f.q && {
      AND: [
        {
          OR: [
            { number: { equals: f.q, mode: "insensitive" } },
            { subject: { contains: f.q, mode: "insensitive" } },
          ],
        },
      ],
    }),
  };
  const rows = await db.ticket.findMany({
    where,
    orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }],
    ...(f.after && { cursor: { id: f.after }, skip: 1 }),
    take: f.limit + 1,
    select: {
      id: true,
      number: true,
      subject: true,
      category: true,
      status: true,
      priority: true,
      customerId: true,
      subscriptionId: true,
      firstResponseDueAt: true,
      resolveDueAt: true,
      firstRespondedAt: true,
      resolvedAt: true,
      lastMessageAt: true,
      createdAt: true,
      customer: {
        select: { accountNumber: true, firstName: true, lastName: true, companyName: true },
      },
      assignedTo: { select: { id: true, name: true } },
    },
  });
  const page = rows.slice(0, f.limit);
  return {
    tickets: page.map((t) => ({ ...t, sla: slaState(t, at) })),
    nextCursor: rows.length > f.limit ? page[page.length - 1].id : null,
  };
}
