// The customer's message for an arrangement's transition (agreed, missed, kept, rejected), queued
// in the transition's transaction with the history row (or the decision) as its dedupe key.
import "server-only";
import type { Tx } from "@/lib/db";
import { appUrl } from "@/lib/env";
import { formatDate } from "@/lib/format/dates";
import { formatMoney } from "@/lib/money/format-money";
import { sendTemplateTx } from "@/lib/notifications/send-template-tx";
import { payLinkUrl } from "@/lib/payments/pay-link";
import { fromDbDate } from "@/lib/time/dates";
import { coverage } from "./arrangement-schema";
import { PAID_SQL } from "./load-arrangement-snapshots";

export type ArrangementMessage =
  "arrangement-agreed" | "arrangement-missed" | "arrangement-kept" | "arrangement-rejected";

export async function notifyArrangementTx(
  tx: Tx,
  opts: { arrangementId: string; key: ArrangementMessage; dedupeKey: string; reason?: string },
) {
  // One query after the other: inside a transaction they share one connection.
  const a = await tx.paymentArrangement.findUniqueOrThrow({
    where: { id: opts.arrangementId },
    select: {
      customerId: true,
      currency: true,
      total: true,
      invoiceIds: true,
      instalments: { orderBy: { seq: "asc" }, select: { dueDate: true, amount: true } },
      customer: {
        select: {
          firstName: true,
          email: true,
          phone: true,
          accountNumber: true,
          dunning: { select: { smsOptOut: true } },
        },
      },
    },
  });
  const [{ paid }] = await tx.$queryRawUnsafe<{ paid: number }[]>(
    `SELECT ${PAID_SQL} AS paid FROM "PaymentArrangement" a WHERE a.id = $1`,
    opts.arrangementId,
  );
  const isp = await tx.ispSettings.findUniqueOrThrow({
    where: { id: 1 },
    select: { name: true, locale: true },
  });
  const money = (minor: number) => formatMoney(minor, a.currency, isp.locale);
  const schedule = a.instalments.map((i) => ({ dueDate: fromDbDate(i.dueDate), amount: i.amount }));
  const { rows, firstUncovered } = coverage(schedule, paid);
  // Agreed: the first payment; missed: the one that was missed.
  const next = rows.find((r) => r.dueDate === firstUncovered) ?? rows[0];
  const c = a.customer;
  await sendTemplateTx(tx, {
    key: opts.key,
    customerId: a.customerId,
    to: { email: c.email, phone: c.phone, smsOptOut: c.dunning?.smsOptOut ?? false },
    dedupeKey: opts.dedupeKey,
    vars: {
      ispName: isp.name,
      firstName: c.firstName,
      accountNumber: c.accountNumber,
      amount: money(opts.key === "arrangement-missed" ? a.total - paid : a.total),
      nextAmount: money(next?.amount ?? 0),
      nextDueDate: next ? formatDate(next.dueDate, isp.locale) : "",
      schedule: rows
        .map((r, n) => `${n + 1}. ${formatDate(r.dueDate, isp.locale)}: ${money(r.amount)}`)
        .join("\n"),
      payUrl: a.invoiceIds[0] ? payLinkUrl({ invoiceId: a.invoiceIds[0] }) : `${appUrl()}/portal`,
      portalUrl: `${appUrl()}/portal/arrangement`,
      reason: opts.reason ?? "",
    },
  });
}
