// One received Pix, as the PSP confirmed it: matched by txid to our dynamic charge, else to the
// invoice whose static code carried it (txid = the invoice number's letters and digits). What
// matches nothing is left for staff (the reason is stored on the event).
import "server-only";
import Decimal from "decimal.js";
import { db } from "@/lib/db";
import { recordRailPaymentTx } from "../record-rail-payment-tx";
import type { PixReceived } from "./pix-api-client";

/** Returns null when applied (or already applied), else why it could not be. */
export async function applyPix(pix: PixReceived): Promise<string | null> {
  const amount = new Decimal(pix.valor).times(100);
  if (!amount.isInteger() || amount.lte(0)) return `bad amount ${pix.valor}`;
  const receivedAt = new Date(pix.horario);
  return db.$transaction(async (tx) => {
    const txid = pix.txid ?? "";
    const charge = txid
      ? await tx.railCharge.findUnique({
          where: { rail_providerRef: { rail: "PIX", providerRef: txid } },
        })
      : null;
    let target = charge ? { customerId: charge.customerId, invoiceId: charge.invoiceId } : null;
    if (!target && /^[A-Za-z0-9]{1,25}$/.test(txid)) {
      const [inv] = await tx.$queryRawUnsafe<{ id: string; customerId: string }[]>(
        `SELECT id, "customerId" FROM "Invoice"
          WHERE regexp_replace(number, '[^A-Za-z0-9]', '', 'g') = $1 AND currency = 'BRL' LIMIT 1`,
        txid,
      );
      if (inv) target = { customerId: inv.customerId, invoiceId: inv.id };
    }
    if (!target) return `no charge or invoice for txid "${txid}"`;
    await recordRailPaymentTx(tx, {
      ...target,
      chargeId: charge?.id ?? null,
      amount: amount.toNumber(),
      provider: "PIX",
      externalId: `pix:${pix.endToEndId}`,
      reference: pix.endToEndId,
      receivedAt: Number.isNaN(receivedAt.getTime()) ? new Date() : receivedAt,
    });
    return null;
  });
}
