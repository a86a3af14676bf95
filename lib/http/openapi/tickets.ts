// Support tickets: the queue, one ticket with its thread, opening a ticket for a customer and
// answering it (internal notes included). Files are attached in the portal, the admin and by
// email; the API carries text.
import { z } from "zod";
import { defineOperation } from "@/lib/http/define-operation";
import { rolesWith } from "@/lib/auth/roles";
import { TicketCategory, TicketPriority, TicketStatus } from "@/lib/generated/prisma/enums";
import {
  openTicketSchema,
  ticketFilterSchema,
  ticketMessageSchema,
} from "@/lib/tickets/ticket-schemas";
import { dateTime, idParams } from "./common";

const slaTarget = z.enum(["met", "running", "breached"]);
const Sla = z.object({ firstResponse: slaTarget, resolution: slaTarget, breached: z.boolean() });

const TicketSummary = z
  .object({
    id: z.string(),
    number: z.string(),
    subject: z.string(),
    category: z.enum(TicketCategory),
    status: z.enum(TicketStatus),
    priority: z.enum(TicketPriority),
    customerId: z.string(),
    subscriptionId: z.string().nullable(),
    firstResponseDueAt: dateTime(),
    resolveDueAt: dateTime(),
    firstRespondedAt: dateTime().nullable(),
    resolvedAt: dateTime().nullable(),
    lastMessageAt: dateTime(),
    createdAt: dateTime(),
    customer: z.object({
      accountNumber: z.string(),
      firstName: z.string(),
      lastName: z.string(),
      companyName: z.string().nullable(),
    }),
    assignedTo: z.object({ id: z.string(), name: z.string() }).nullable(),
    sla: Sla,
  })
  .meta({ id: "TicketSummary" });

const TicketMessage = z.object({
  id: z.string(),
  authorName: z.string(),
  fromStaff: z.boolean(),
  internal: z.boolean(),
  via: z.string().meta({ examples: ["PORTAL", "ADMIN", "API", "EMAIL"] }),
  body: z.string(),
  createdAt: dateTime(),
  attachments: z.array(
    z.object({ id: z.string(), filename: z.string(), contentType: z.string(), size: z.int() }),
  ),
});

const Ticket = z
  .object({
    id: z.string(),
    number: z.string(),
    subject: z.string(),
    category: z.enum(TicketCategory),
    status: z.enum(TicketStatus),
    priority: z.enum(TicketPriority),
    customerId: z.string(),
    firstResponseDueAt: dateTime(),
    resolveDueAt: dateTime(),
    firstRespondedAt: dateTime().nullable(),
    resolvedAt: dateTime().nullable(),
    lastMessageAt: dateTime(),
    createdAt: dateTime(),
    customer: z.object({
      accountNumber: z.string(),
      firstName: z.string(),
      lastName: z.string(),
      companyName: z.string().nullable(),
      email: z.string(),
    }),
    subscription: z
      .object({
        id: z.string(),
        product: z.object({ name: z.string() }),
        serviceAddress: z.object({ line1: z.string() }).nullable(),
      })
      .nullable(),
    assignedTo: z.object({ id: z.string(), name: z.string() }).nullable(),
    messages: z.array(TicketMessage),
    sla: Sla,
  })
  .meta({ id: "Ticket" });

export const listTicketsOp = defineOperation({
  method: "GET",
  path: "/tickets",
  tag: "Tickets",
  summary: "The ticket queue, most recent activity first",
  description:
    "Open and waiting tickets by default (`status=ALL` for every one). `assignee=me` is the caller's own queue (an API key has none), `assignee=none` the unassigned; `breached=true` the tickets past an SLA target. Page with `after=<nextCursor>`.",
  roles: rolesWith("tickets:read"),
  query: ticketFilterSchema,
  responses: {
    200: z
      .object({ tickets: z.array(TicketSummary), nextCursor: z.string().nullable() })
      .meta({ id: "TicketList" }),
  },
});

export const openTicketOp = defineOperation({
  method: "POST",
  path: "/tickets",
  tag: "Tickets",
  summary: "Open a ticket for a customer",
  description:
    "`customerId` is required. The customer is emailed the message; their reply by email lands in the thread. SLA targets follow the category.",
  roles: rolesWith("tickets:write"),
  body: openTicketSchema.meta({ id: "TicketOpen" }),
  responses: {
    201: z
      .object({ id: z.string(), number: z.string(), subject: z.string() })
      .meta({ id: "TicketOpened" }),
  },
});

export const getTicketOp = defineOperation({
  method: "GET",
  path: "/tickets/{id}",
  tag: "Tickets",
  summary: "A ticket with its whole thread (internal notes included)",
  roles: rolesWith("tickets:read"),
  params: idParams("Ticket"),
  responses: { 200: Ticket },
});

export const addTicketMessageOp = defineOperation({
  method: "POST",
  path: "/tickets/{id}/messages",
  tag: "Tickets",
  summary: "Answer a ticket, or add an internal note",
  description:
    "`internal: true` is a note for colleagues, never shown or sent to the customer. Otherwise the customer is emailed. `status` moves the ticket at the same time (e.g. `PENDING` when waiting for the customer, `RESOLVED`).",
  roles: rolesWith("tickets:write"),
  params: idParams("Ticket"),
  body: ticketMessageSchema.meta({ id: "TicketMessageNew" }),
  responses: {
    201: z
      .object({
        id: z.string(),
        createdAt: dateTime(),
        internal: z.boolean(),
        fromStaff: z.boolean(),
      })
      .meta({ id: "TicketMessageAdded" }),
  },
});

export const ticketOperations = [listTicketsOp, openTicketOp, getTicketOp, addTicketMessageOp];
