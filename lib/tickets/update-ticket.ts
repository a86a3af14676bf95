// Staff triage: status, priority, category and who works on it. Every change is audited with
// what it was before.
import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { now } from "@/lib/time/clock";
import { isCustomer, loadTicketFor } from "./ticket-access";
import { statusChange } from "./status-change";
import { updateTicketSchema, type UpdateTicketInput } from "./ticket-schemas";

export type UpdateTicketOptions = UpdateTicketInput & { actor: Actor; ticketId: string };

export async function updateTicket({ actor, ticketId, ...input }: UpdateTicketOptions) {
  if (isCustomer(actor)) throw new AppError("FORBIDDEN", "Only staff can change a ticket.");
  const ticket = await loadTicketFor(actor, ticketId, "write");
  const v = updateTicketSchema.parse(input);
  if (v.assignedToId) {
    const user = await db.user.findUnique({
      where: { id: v.assignedToId },
      select: { role: true, active: true, name: true },
    });
    const staffActor = user && { kind: "user" as const, id: v.assignedToId, ...user };
    if (!staffActor || !user.active || !can(staffActor, "tickets:write"))
      throw new AppError(
        "VALIDATION",
        "Assign the ticket to an active colleague who works tickets",
        {
          assignedToId: "Not a colleague who works tickets",
        },
      );
  }
  return db.$transaction(async (tx) => {
    const before = await tx.ticket.findUniqueOrThrow({
      where: { id: ticket.id },
      select: { status: true, priority: true, category: true, assignedToId: true },
    });
    const updated = await tx.ticket.update({
      where: { id: ticket.id },
      data: {
        ...(v.priority && { priority: v.priority }),
        ...(v.category && { category: v.category }),
        ...(v.assignedToId !== undefined && { assignedToId: v.assignedToId }),
        ...(v.status && v.status !== before.status && statusChange(ticket, v.status, now())),
      },
      select: { id: true, status: true, priority: true, category: true, assignedToId: true },
    });
    const changed = Object.fromEntries(
      (Object.keys(before) as (keyof typeof before)[])
        .filter((k) => before[k] !== updated[k])
        .map((k) => [k, { from: before[k], to: updated[k] }]),
    );
    if (Object.keys(changed).length)
      await recordAudit(
        {
          actor,
          action: "ticket.update",
          entityType: "Ticket",
          entityId: ticket.id,
          customerId: ticket.customerId,
          data: { number: ticket.number, ...changed },
        },
        tx,
      );
    return updated;
  });
}
