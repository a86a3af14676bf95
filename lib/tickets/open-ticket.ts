// Opens a ticket: a customer on their own account (portal) or staff for any customer (admin,
// API, phone calls). The first message, its files, the SLA targets of the category and the
// email to the customer are written together; files that do not make it into the database are
// removed again, so nothing is half-created.
import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors";
import { takeNumber } from "@/lib/numbering/take-numbers";
import { now } from "@/lib/time/clock";
import { assertCan } from "@/lib/auth/roles";
import { checkAttachments, type IncomingFile } from "./attachment-rules";
import { storeAttachments } from "./attachment-store";
import { newReplyToken } from "./reply-token";
import { slaDueDates } from "./sla";
import { authorName, isCustomer } from "./ticket-access";
import { emailCustomer } from "./ticket-emails";
import { openTicketSchema, type OpenTicketInput } from "./ticket-schemas";

export type OpenTicketOptions = OpenTicketInput & {
  actor: Actor;
  attachments?: IncomingFile[];
  via?: "PORTAL" | "ADMIN" | "API" | "EMAIL";
};

export async function openTicket({ actor, attachments = [], via, ...input }: OpenTicketOptions) {
  const staff = !isCustomer(actor);
  if (staff) assertCan(actor, "tickets:write");
  const v = openTicketSchema.parse(input);
  const customerId = isCustomer(actor) ? actor.customerId : v.customerId;
  if (!customerId)
    throw new AppError("VALIDATION", "Choose the customer", { customerId: "Choose the customer" });
  const customer = await db.customer.findUnique({
    where: { id: customerId },
    select: { id: true, email: true, firstName: true },
  });
  if (!customer) throw notFound("Customer");
  if (v.subscriptionId) {
    const sub = await db.subscription.findFirst({
      where: { id: v.subscriptionId, customerId },
      select: { id: true },
    });
    if (!sub)
      throw new AppError("VALIDATION", "That service is not on this account", {
        subscriptionId: "Not one of this customer's services",
      });
  }
  const files = checkAttachments(attachments);
  const ticketId = randomUUID();
  const { stored, undo } = await storeAttachments(ticketId, files);
  const openedAt = now();
  try {
    return await db.$transaction(async (tx) => {
      const number = await takeNumber(tx, "TICKET");
      const ticket = await tx.ticket.create({
        data: {
          id: ticketId,
          number,
          customerId,
          subscriptionId: v.subscriptionId ?? null,
          category: v.category,
          subject: v.subject,
          // Customers describe; staff triage.
          priority: staff ? (v.priority ?? "NORMAL") : "NORMAL",
          openedById: actor.kind === "system" ? null : actor.id,
          replyToken: newReplyToken(),
          ...slaDueDates(v.category, openedAt),
          // A ticket staff open (a phone call) starts with their words: answered already.
          firstRespondedAt: staff ? openedAt : null,
          lastMessageAt: openedAt,
          createdAt: openedAt,
        },
        select: { id: true, number: true, subject: true, replyToken: true, customerId: true },
      });
      const message = await tx.ticketMessage.create({
        data: {
          ticketId,
          authorId: actor.kind === "system" || !actor.id ? null : actor.id,
          authorName: authorName(actor),
          fromStaff: staff,
          via: via ?? (staff ? (actor.kind === "api_key" ? "API" : "ADMIN") : "PORTAL"),
          body: v.body,
          createdAt: openedAt,
          attachments: { create: stored },
        },
        select: { id: true },
      });
      if (staff)
        await recordAudit(
          {
            actor,
            action: "ticket.open",
            entityType: "Ticket",
            entityId: ticketId,
            customerId,
            data: { number, category: v.category },
          },
          tx,
        );
      await emailCustomer(tx, ticket, customer, {
        messageId: message.id,
        kind: staff ? "reply" : "opened",
        authorName: authorName(actor),
        body: v.body,
      });
      return { id: ticket.id, number: ticket.number, subject: ticket.subject };
    });
  } catch (e) {
    await undo();
    throw e;
  }
}
