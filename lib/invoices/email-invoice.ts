// Emails a finalised invoice with its PDF through the outbox (lib/notifications). The dedupe key
// makes it once per invoice however often the event or the sweep fires.
import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { formatDate } from "@/lib/format/dates";
import { formatMoney } from "@/lib/money/format-money";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { describePayment } from "@/lib/payment-methods/describe-payment";
import { readPaymentInstructions } from "@/lib/payment-methods/get-payment-instructions";
import { now } from "@/lib/time/clock";
import { railPayLines } from "@/lib/payments/rails/rail-pay-lines";
import { renderInvoicePdf } from "./render-invoice-pdf";

export const invoiceEmailKey = (invoiceId: string) => `invoice.finalized:${invoiceId}`;

/**
 * Queues the invoice email; returns the new outbox row's id, or null if there was nothing to send.
 * `again` (staff resending it, lib/invoices/resend-invoice.ts) sends it even if it went before.
 */
export async function emailInvoice(
  invoiceId: string,
  opts: { again?: boolean } = {},
): Promise<{ notificationId: string | null }> {
  const key = opts.again ? undefined : invoiceEmailKey(invoiceId);
  if (
    key &&
    (await db.notification.findUnique({ where: { dedupeKey: key }, select: { id: true } }))
  )
    return { notificationId: null };
  const inv = await db.invoice.findUnique({
    where: { id: invoiceId },
    include: { customer: { select: { email: true, firstName: true, accountNumber: true } } },
  });
  if (!inv) throw notFound("Invoice");
  if (inv.status === "DRAFT" || inv.status === "VOID") return { notificationId: null };
  const settings = await db.ispSettings.findUniqueOrThrow({
    where: { id: 1 },
    select: { name: true, locale: true },
  });
  if (!inv.pdf) await renderInvoicePdf(inv.id); // stored now, attached by reference when sent
  const amount = formatMoney(inv.total, inv.currency, settings.locale);
  const payment = await readPaymentInstructions(db, inv.customerId);
  const due = formatDate(inv.dueDate, settings.locale);
  const rails = await railPayLines({
    number: inv.number,
    currency: inv.currency,
    due: inv.total - inv.amountPaid - inv.amountCredited,
    accountNumber: inv.customer.accountNumber,
  });
  const queued = await enqueueEmail({
    to: inv.customer.email,
    subject: `${settings.name} invoice ${inv.number} (${amount})`,
    text: `Hello ${inv.customer.firstName},\n\nYour invoice ${inv.number} for ${amount} is attached. It is due on ${due}. ${describePayment(payment, due)}${rails.map((l) => `\n\n${l}`).join("")}\n\n${settings.name}`,
    attachments: [
      {
        filename: `${inv.number}.pdf`,
        contentType: "application/pdf",
        ref: { kind: "invoice_pdf", id: inv.id },
      },
    ],
    customerId: inv.customerId,
    dedupeKey: key,
  });
  return { notificationId: queued.id };
}

/**
 * The sweep behind `billing/invoice.finalized`: emails invoices finalised in the last week that
 * have none yet (the event was lost, or the invoice was finalised outside a job). Returns the ids
 * of the queued outbox rows.
 */
export async function emailFinalizedInvoices(opts: { limit?: number } = {}): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    `SELECT i.id FROM "Invoice" i
      WHERE i.status IN ('OPEN', 'PARTIALLY_PAID', 'PAID') AND i."finalizedAt" > $2::timestamptz - interval '7 days' AND i.total > 0
        AND NOT EXISTS (SELECT 1 FROM "Notification" n WHERE n."dedupeKey" = 'invoice.finalized:' || i.id)
      ORDER BY i."finalizedAt" LIMIT $1`,
    opts.limit ?? 1000,
    now(),
  );
  const queued: string[] = [];
  for (const r of rows) {
    const { notificationId } = await emailInvoice(r.id);
    if (notificationId) queued.push(notificationId);
  }
  return queued;
}
