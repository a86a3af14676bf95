// The outbox: emails are written in the same transaction as the change that causes them and
// delivered by deliverPendingNotifications, so a crash never loses or doubles a message.
import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Attachment, AttachmentRef } from "./mailer";
import { sealSecret } from "./sealed-secret";

export async function enqueueEmail(
  input: {
    to: string;
    subject: string;
    text: string;
    html?: string;
    /** A one-time token the body refers to with SECRET_MARK; stored sealed, never in the body. */
    secret?: string;
    attachments?: (Attachment | AttachmentRef)[];
    customerId?: string | null;
    dedupeKey?: string;
  },
  tx: Tx = db,
) {
  if (input.dedupeKey) {
    const existing = await tx.notification.findUnique({
      where: { dedupeKey: input.dedupeKey },
      select: { id: true },
    });
    if (existing) return existing;
  }
  return tx.notification.create({
    data: {
      channel: "EMAIL",
      to: input.to,
      subject: input.subject,
      text: input.text,
      html: input.html,
      sealedSecret: input.secret ? sealSecret(input.secret) : null,
      attachments: input.attachments,
      customerId: input.customerId ?? null,
      dedupeKey: input.dedupeKey,
    },
    select: { id: true },
  });
}
