// charge.dispute.closed: a lost dispute means the bank took the money back — the payment is
// reversed (allocations released, invoices re-open, reversing ledger entry). A won dispute puts
// it back to SUCCEEDED. Arriving before dispute.created (reordered), a lost dispute marks the
// payment disputed first, so the ACCOUNTS email still goes out once.
import "server-only";
import type Stripe from "stripe";
import { SYSTEM } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { reversePaymentTx } from "../reverse-payment";
import { lockDisputedPaymentTx, markDisputedTx } from "./mark-payment-disputed";

export async function closeDispute(opts: { dispute: Stripe.Dispute }) {
  const d = opts.dispute;
  return db.$transaction(async (tx) => {
    if (d.status === "lost") {
      await markDisputedTx(tx, d);
      const p = await lockDisputedPaymentTx(tx, d);
      if (!p || p.status !== "DISPUTED") return { result: "unchanged" };
      await reversePaymentTx(tx, {
        actor: SYSTEM,
        paymentId: p.id,
        reason: `Card dispute ${d.id} lost (${d.reason})`,
        lostDispute: true,
      });
      return { result: "reversed" };
    }
    const p = await lockDisputedPaymentTx(tx, d);
    if (!p || p.status !== "DISPUTED") return { result: "unchanged" };
    await tx.payment.update({
      where: { id: p.id },
      data: { status: "SUCCEEDED", receiptPdf: null },
    });
    return { result: "won" };
  });
}
