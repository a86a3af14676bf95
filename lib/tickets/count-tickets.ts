// Counts for the dashboards: active tickets, those assigned to the viewer, unassigned ones and
// those past an SLA target. Index-only counts on (status, …) and (assignedToId, status).
import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { now } from "@/lib/time/clock";

export type CountTicketsOptions = { actor: Actor };

export async function countTickets({ actor }: CountTicketsOptions) {
  assertCan(actor, "tickets:read");
  const active = { status: { in: ["OPEN" as const, "PENDING" as const] } };
  const at = now();
  const [open, mine, unassigned, breached] = await Promise.all([
    db.ticket.count({ where: active }),
    actor.kind === "system" ? 0 : db.ticket.count({ where: { ...active, assignedToId: actor.id } }),
    db.ticket.count({ where: { ...active, assignedToId: null } }),
    db.ticket.count({
      where: {
        ...active,
        OR: [
          { firstRespondedAt: null, firstResponseDueAt: { lt: at } },
          { resolvedAt: null, resolveDueAt: { lt: at } },
        ],
      },
    }),
  ]);
  return { open, mine, unassigned, breached };
}
