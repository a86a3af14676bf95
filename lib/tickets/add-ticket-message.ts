// A message on a ticket: the customer's reply (portal or email) or staff's answer or internal
// note. A customer's reply re-opens a resolved ticket; staff's first public answer stops the
// first-response clock; a status staff pick with the answer (e.g. waiting for the customer)
// applies in the same transaction.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { now } from "@/lib/time/clock";
import { checkAttachments, type IncomingFile } from "./attachment-rules";
import { storeAttachments } from "./attachment-store";
import { authorName, isCustomer, loadTicketFor } from "./ticket-access";
import { emailAssignee, emailCustomer } from "./ticket-emails";
import { statusChange } from "./status-change";
import { ticketMessageSchema, type TicketMessageInput } from "./ticket-schemas";

export type AddTicketMessageOptions = TicketMessageInput & {
  actor: Actor;
  ticketId: string;
  attachments?: IncomingFile[];
  via?: "PORTAL" | "ADMIN" | "API" | "EMAIL";
};

export async function addTicketMessage({
  actor,
  ticketId,
  attachments = [],
  via,
  ...input
}: AddTicketMessageOptions) {
  const ticket = await loadTicketFor(actor, ticketId, "write");
  const staff = !isCustomer(actor);
  const v = ticketMessageSchema.parse(input);
  if (!staff && (v.internal || v.status))
    throw new AppError("FORBIDDEN", "Customers may not write internal notes or set the status.");
  if (!staff && ticket.status === "CLOSED")
    throw new AppError("CONFLICT", "This ticket is closed. Open a new one if you still need help.");
  const files = checkAttachments(attachments);
  const { stored, undo } = await storeAttachments(ticket.id, files);
  const at = now();
  const nextStatus = staff ? v.status : ticket.status === "OPEN" ? undefined : "OPEN";
  try {
    return await db.$transaction(async (tx) => {
      const message = await tx.ticketMessage.create({
        data: {
          ticketId: ticket.id,
          authorId: actor.kind === "system" || !actor.id ? null : actor.id,
          authorName: authorName(actor),
          fromStaff: staff,
          internal: staff && v.internal,
          via: via ?? (staff ? (actor.kind === "api_key" ? "API" : "ADMIN") : "PORTAL"),
          body: v.body,
          createdAt: at,
          attachments: { create: stored },
        },
        select: { id: true, createdAt: true, internal: true, fromStaff: true },
      });
      const publicAnswer = staff && !v.internal;
      await tx.ticket.update({
        where: { id: ticket.id },
        data: {
          lastMessageAt: at,
          ...(publicAnswer && !ticket.firstRespondedAt && { firstRespondedAt: at }),
          ...(nextStatus && statusChange(ticket, nextStatus, at)),
        },
      });
      if (staff)
        await recordAudit(
          {
            actor,
            action: v.internal ? "ticket.note" : "ticket.reply",
            entityType: "Ticket",
            entityId: ticket.id,
            customerId: ticket.customerId,
            data: { number: ticket.number, ...(nextStatus && { status: nextStatus }) },
          },
          tx,
        );
      const mail = { messageId: message.id, authorName: authorName(actor), body: v.body };
      if (publicAnswer)
        await emailCustomer(tx, ticket, ticket.customer, { ...mail, kind: "reply" });
      if (!staff && ticket.assignedToId) {
        const assignee = await tx.user.findUnique({
          where: { id: ticket.assignedToId },
          select: { email: true, name: true, active: true },
        });
        if (assignee?.active) await emailAssignee(tx, ticket, assignee, mail);
      }
      return message;
    });
  } catch (e) {
    await undo();
    throw e;
  }
}
