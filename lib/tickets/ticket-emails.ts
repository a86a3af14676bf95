// The emails a ticket sends, written to the outbox in the transaction that caused them. Each
// carries the ticket's reply token in its subject and a marker above the text, so the answer
// comes back into the same thread (lib/tickets/receive-inbound-email.ts).
import "server-only";
import type { Tx } from "@/lib/db";
import { appUrl } from "@/lib/env";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { REPLY_MARKER, ticketEmailSubject } from "./reply-token";

type MailTicket = {
  id: string;
  number: string;
  subject: string;
  replyToken: string;
  customerId: string;
};

/** To the customer: their ticket was opened, or staff answered it. */
export async function emailCustomer(
  tx: Tx,
  t: MailTicket,
  to: { email: string; firstName: string },
  m: { messageId: string; kind: "opened" | "reply"; authorName: string; body: string },
) {
  const intro =
    m.kind === "opened"
      ? `We have your request ${t.number} and will answer as soon as we can.`
      : `${m.authorName} answered your request ${t.number}:`;
  const link = `${appUrl()}/portal/support/${t.id}`;
  await enqueueEmail(
    {
      to: to.email,
      subject: ticketEmailSubject(t),
      text: `${REPLY_MARKER}\n\nHello ${to.firstName},\n\n${intro}\n\n${m.body}\n\nReply to this email, or see the whole conversation at ${link}\n`,
      customerId: t.customerId,
      dedupeKey: `ticket.message:${m.messageId}`,
    },
    tx,
  );
}

/** To the assigned colleague: the customer wrote. */
export async function emailAssignee(
  tx: Tx,
  t: MailTicket,
  to: { email: string; name: string },
  m: { messageId: string; authorName: string; body: string },
) {
  await enqueueEmail(
    {
      to: to.email,
      subject: ticketEmailSubject(t),
      text: `${REPLY_MARKER}\n\n${m.authorName} wrote on ${t.number}:\n\n${m.body}\n\nAnswer at ${appUrl()}/admin/tickets/${t.id}\n`,
      dedupeKey: `ticket.staff:${m.messageId}`,
    },
    tx,
  );
}
