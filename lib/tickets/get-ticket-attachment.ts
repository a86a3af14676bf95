// A ticket file for whoever may see its message: staff who read tickets, or the ticket's
// customer when the message is not an internal note. Anyone else gets a 404.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";
import { readAttachment } from "./attachment-store";
import { isCustomer, loadTicketFor } from "./ticket-access";

export type GetTicketAttachmentOptions = { actor: Actor; ticketId: string; attachmentId: string };

export async function getTicketAttachment({
  actor,
  ticketId,
  attachmentId,
}: GetTicketAttachmentOptions) {
  await loadTicketFor(actor, ticketId, "read");
  const a = await db.ticketAttachment.findFirst({
    where: {
      id: attachmentId,
      message: { ticketId, ...(isCustomer(actor) && { internal: false }) },
    },
    select: { id: true, filename: true, contentType: true },
  });
  if (!a) throw notFound("Attachment");
  const content = await readAttachment(ticketId, a.id).catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT") throw notFound("Attachment");
    throw e;
  });
  return { ...a, content };
}
