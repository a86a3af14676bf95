// An off-session charge the bank wants the cardholder to approve (3-D Secure) cannot be retried
// blindly: the customer gets one email with a signed pay link, where they approve it on-session.
import type { Tx } from "@/lib/db";
import { formatMoney } from "@/lib/money/format-money";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { getSettings } from "@/lib/settings/get-settings";
import { payLinkUrl } from "../pay-link";

export async function queueAuthenticationEmailTx(
  tx: Tx,
  opts: { paymentId: string; invoiceId: string },
) {
  const invoice = await tx.invoice.findUniqueOrThrow({
    where: { id: opts.invoiceId },
    select: {
      number: true,
      total: true,
      amountPaid: true,
      amountCredited: true,
      currency: true,
      customer: { select: { id: true, email: true, firstName: true } },
    },
  });
  const s = await getSettings(tx);
  const open = invoice.total - invoice.amountPaid - invoice.amountCredited;
  const text = [
    `Hello ${invoice.customer.firstName},`,
    "",
    `We tried to charge your saved card ${formatMoney(open, invoice.currency, s.locale)} for invoice ${invoice.number}, but your bank asks you to approve the payment yourself.`,
    "",
    "Approve it here (no sign-in needed):",
    payLinkUrl({ invoiceId: opts.invoiceId }),
    "",
    s.name,
  ].join("\n");
  await enqueueEmail(
    {
      to: invoice.customer.email,
      subject: `Please approve your payment for invoice ${invoice.number}`,
      text,
      customerId: invoice.customer.id,
      dedupeKey: `payment.authentication_required:${opts.paymentId}`,
    },
    tx,
  );
}
