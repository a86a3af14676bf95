// charge.dispute.created: the cardholder disputed a card payment with their bank. The payment is
// marked DISPUTED (still received money: its allocations stand until the dispute is lost) and
// every active ACCOUNTS user is emailed once per dispute, to submit evidence in Stripe in time.
import "server-only";
import type Stripe from "stripe";
import { SYSTEM } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { db, type Tx } from "@/lib/db";
import { appUrl } from "@/lib/env";
import { formatMoney } from "@/lib/money/format-money";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { getSettings } from "@/lib/settings/get-settings";
import { lockCustomerTx } from "../lock-customer-tx";

const intentOf = (d: Stripe.Dispute) =>
  typeof d.payment_intent === "string" ? d.payment_intent : (d.payment_intent?.id ?? null);

/** The disputed payment, locked with its customer; null when the intent is not ours. */
export async function lockDisputedPaymentTx(tx: Tx, dispute: Stripe.Dispute) {
  const intent = intentOf(dispute);
  if (!intent) return null;
  const first = await tx.payment.findUnique({
    where: { externalId: intent },
    select: { id: true, customerId: true },
  });
  if (!first) return null;
  await lockCustomerTx(tx, first.customerId);
  await tx.$queryRawUnsafe(`SELECT id FROM "Payment" WHERE id = $1 FOR UPDATE`, first.id);
  return tx.payment.findUniqueOrThrow({ where: { id: first.id } });
}

/** SUCCEEDED → DISPUTED, in the caller's transaction; true when it changed. */
export async function markDisputedTx(tx: Tx, dispute: Stripe.Dispute) {
  const p = await lockDisputedPaymentTx(tx, dispute);
  if (!p || p.status !== "SUCCEEDED") return false;
  await tx.payment.update({ where: { id: p.id }, data: { status: "DISPUTED", receiptPdf: null } });
  await recordAudit(
    {
      actor: SYSTEM,
      action: "payment.dispute_opened",
      entityType: "Payment",
      entityId: p.id,
      customerId: p.customerId,
      data: { dispute: dispute.id, reason: dispute.reason, amount: dispute.amount },
    },
    tx,
  );
  const s = await getSettings(tx);
  const staff = await tx.user.findMany({
    where: { role: "ACCOUNTS", active: true },
    select: { id: true, email: true, name: true },
  });
  for (const u of staff)
    await enqueueEmail(
      {
        to: u.email,
        subject: `Card payment ${p.number} disputed (${formatMoney(dispute.amount, p.currency, s.locale)})`,
        text: [
          `Hello ${u.name},`,
          "",
          `The cardholder disputed payment ${p.number} with their bank (reason: ${dispute.reason}). Submit evidence in the Stripe Dashboard before the deadline; if the dispute is lost the payment is reversed and its invoices re-open.`,
          "",
          `${appUrl()}/admin/payments/${p.id}`,
        ].join("\n"),
        dedupeKey: `dispute:${dispute.id}:${u.id}`,
      },
      tx,
    );
  return true;
}

export async function markPaymentDisputed(opts: { dispute: Stripe.Dispute }) {
  const changed = await db.$transaction((tx) => markDisputedTx(tx, opts.dispute));
  return { disputed: changed };
}
