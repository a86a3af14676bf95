// What opening, answering, updating and listing tickets accept: one schema each, shared by the
// portal and admin forms, the API and the inbound email path. Pure: safe for client components.
import { z } from "zod";

export const TICKET_CATEGORY_VALUES = ["FAULT", "BILLING", "SALES", "INSTALLATION"] as const;
export const TICKET_STATUS_VALUES = ["OPEN", "PENDING", "RESOLVED", "CLOSED"] as const;
export const TICKET_PRIORITY_VALUES = ["LOW", "NORMAL", "HIGH", "URGENT"] as const;

const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .min(1, `Write ${label}`)
    .max(max, `At most ${max.toLocaleString("en")} characters`);
/** An optional id from a select: "" means none. */
const optionalId = z
  .string()
  .max(64)
  .optional()
  .transform((v) => (v ? v : undefined));

/** Files from a form (`attachments` repeated) or none; checked by lib/tickets/attachment-rules. */
export const attachmentFiles = z
  .union([z.array(z.instanceof(File)), z.instanceof(File).transform((f) => [f])])
  .optional()
  .transform((v) => (v ?? []).filter((f) => f.size > 0));

export const openTicketSchema = z.object({
  /** Staff choose the customer; a customer always opens tickets on their own account. */
  customerId: optionalId,
  subscriptionId: optionalId,
  category: z.enum(TICKET_CATEGORY_VALUES, { message: "Choose what this is about" }),
  subject: text(200, "a short subject"),
  body: text(20_000, "what happened"),
  priority: z.enum(TICKET_PRIORITY_VALUES).optional(),
});
export type OpenTicketInput = z.input<typeof openTicketSchema>;

export const ticketMessageSchema = z.object({
  body: text(20_000, "a message"),
  /** Staff only: a note colleagues see and the customer never does. */
  internal: z
    .union([z.boolean(), z.enum(["on", "true", "false"]).transform((v) => v !== "false")])
    .optional()
    .transform((v) => v ?? false),
  /** Staff only: the status the ticket moves to with this reply (e.g. PENDING for an answer). */
  status: z
    .enum(TICKET_STATUS_VALUES)
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
export type TicketMessageInput = z.input<typeof ticketMessageSchema>;

export const updateTicketSchema = z
  .object({
    status: z.enum(TICKET_STATUS_VALUES).optional(),
    priority: z.enum(TICKET_PRIORITY_VALUES).optional(),
    category: z.enum(TICKET_CATEGORY_VALUES).optional(),
    /** A staff user's id; "" or null leaves the ticket unassigned. */
    assignedToId: z
      .string()
      .max(64)
      .nullable()
      .optional()
      .transform((v) => (v === "" ? null : v)),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), "Change at least one thing");
export type UpdateTicketInput = z.input<typeof updateTicketSchema>;

export const ticketFilterSchema = z.object({
  status: z
    .enum([...TICKET_STATUS_VALUES, "ACTIVE", "ALL"])
    .optional()
    .meta({ description: "ACTIVE (default) = open or waiting for the customer" }),
  category: z.enum(TICKET_CATEGORY_VALUES).optional(),
  priority: z.enum(TICKET_PRIORITY_VALUES).optional(),
  customerId: z.string().max(64).optional(),
  assignee: z.string().max(64).optional().meta({ description: "A staff user id, `me` or `none`" }),
  breached: z
    .enum(["true", "false"])
    .optional()
    .meta({ description: "`true`: only tickets past an SLA target" }),
  q: z.string().trim().max(100).optional().meta({ description: "Ticket number or subject" }),
  after: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type TicketFilter = z.input<typeof ticketFilterSchema>;

/** The reply form (admin and portal): the message, its files and the ticket it belongs to. */
export const ticketReplyFormSchema = ticketMessageSchema.extend({
  ticketId: z.string().min(1).max(64),
  attachments: attachmentFiles,
});

/** The open-ticket form: the ticket and the first message's files. */
export const openTicketFormSchema = openTicketSchema.extend({ attachments: attachmentFiles });

/** The triage form on a ticket's admin page. */
export const updateTicketFormSchema = z.intersection(
  z.object({ ticketId: z.string().min(1).max(64) }),
  updateTicketSchema,
);
