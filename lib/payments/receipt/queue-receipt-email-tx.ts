// Emails customers their receipts through the outbox, in the transaction that recorded the
// payments; the PDF is attached by reference and rendered when the message is sent. Once per
// payment (dedupe key): a receipt already queued is left alone.
import type { Tx } from "@/lib/db";
import { formatMoney } from "@/lib/money/format-money";
import { getSettings } from "@/lib/settings/get-settings";
import { fromDbDate } from "@/lib/time/dates";
import { paymentMethodLabel } from "@/lib/format/labels";

export async function queueReceiptEmailsTx(tx: Tx, paymentIds: string[]) {
  if (!paymentIds.length) return;
  const payments = await tx.payment.findMany({
    where: { id: { in: paymentIds } },
    include: {
      customer: { select: { email: true, firstName: true } },
      allocations: { include: { invoice: { select: { number: true } } } },
    },
  });
  const s = await getSettings(tx);
  const byId = new Map(payments.map((p) => [p.id, p]));
  await tx.notification.createMany({
    skipDuplicates: true,
    data: paymentIds.map((id) => {
      const p = byId.get(id)!;
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
      return {
        channel: "EMAIL" as const,
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
      };
    }),
  });
}

export const queueReceiptEmailTx = (tx: Tx, paymentId: string) =>
  queueReceiptEmailsTx(tx, [paymentId]);
