// Emails the customer their receipt through the outbox, in the transaction that recorded the
// payment; the PDF is attached by reference and rendered when the message is sent. Once per
// payment (dedupe key).
import type { Tx } from "@/lib/db";
import { formatMoney } from "@/lib/money/format-money";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { getSettings } from "@/lib/settings/get-settings";
import { fromDbDate } from "@/lib/time/dates";
import { paymentMethodLabel } from "@/lib/format/labels";

export async function queueReceiptEmailTx(tx: Tx, paymentId: string) {
  const p = await tx.payment.findUniqueOrThrow({
    where: { id: paymentId },
    include: {
      customer: { select: { email: true, firstName: true } },
      allocations: { include: { invoice: { select: { number: true } } } },
    },
  });
  const s = await getSettings(tx);
  const money = (n: number) => formatMoney(n, p.currency, s.locale);
  const applied = p.allocations.map((a) => `  ${a.invoice.number}: ${money(a.amount)}`);
  const text = [
    `Hello ${p.customer.firstName},`,
    "",
    `We received ${money(p.amount)} on ${fromDbDate(p.receivedOn)} (${paymentMethodLabel(p.method)}${p.reference ? `, reference ${p.reference}` : ""}). Thank you.`,
    ...(applied.length ? ["", "It pays:", ...applied] : []),
    ...(p.unallocated > 0
      ? ["", `${money(p.unallocated)} stays as credit on your account for your next invoice.`]
      : []),
    "",
    `Your receipt ${p.number} is attached.`,
    "",
    s.name,
  ].join("\n");
  await enqueueEmail(
    {
      to: p.customer.email,
      subject: `${s.name} receipt ${p.number} (${money(p.amount)})`,
      text,
      attachments: [
        {
          filename: `${p.number}.pdf`,
          contentType: "application/pdf",
          ref: { kind: "receipt_pdf", id: p.id },
        },
      ],
      customerId: p.customerId,
      dedupeKey: `payment.receipt:${p.id}`,
    },
    tx,
  );
}
