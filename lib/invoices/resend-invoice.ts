// Staff send a customer one of their invoices again, with its PDF ("I never got it", "send it to
// my new address" after a contact change): the same email as at finalisation, through the
// outbox, to the account's current email. Audited; the email and the audit event both land on
// the customer's timeline.
import "server-only";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { publish } from "@/lib/events/publish";
import { notificationQueued } from "@/lib/events/events";
import { emailInvoice } from "./email-invoice";

export type ResendInvoiceOptions = { actor: Actor; invoiceId: string; customerId?: string };

export async function resendInvoice({ actor, invoiceId, customerId }: ResendInvoiceOptions) {
  assertCan(actor, "customers:read_financial");
  const inv = await db.invoice.findUnique({
    where: { id: invoiceId },
    select: {
      id: true,
      number: true,
      status: true,
      customerId: true,
      customer: { select: { email: true } },
    },
  });
  // An invoice of another customer than the page's is as good as missing.
  if (!inv || (customerId && inv.customerId !== customerId)) throw notFound("Invoice");
  if (inv.status === "DRAFT" || inv.status === "VOID" || !inv.number)
    throw new AppError("CONFLICT", "Only a finalised invoice can be sent.");
  const { notificationId } = await emailInvoice(inv.id, { again: true });
  await recordAudit({
    actor,
    action: "invoice.resend",
    entityType: "Invoice",
    entityId: inv.id,
    customerId: inv.customerId,
    data: { number: inv.number, to: inv.customer.email, notificationId },
  });
  if (notificationId) await publish(notificationQueued.create({ notificationId }));
  return { number: inv.number, email: inv.customer.email };
}
