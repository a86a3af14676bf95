// One received Pix, as the PSP confirmed it: matched by txid to our dynamic charge, else to the
// invoice whose static code carried it (txid = the invoice number's letters and digits). What
// matches nothing goes to the bank review queue, in the same transaction (the event is then done:
// the entry is where staff resolve it).
import "server-only";
import Decimal from "decimal.js";
import { db } from "@/lib/db";
import { getSettings } from "@/lib/settings/get-settings";
import { now } from "@/lib/time/clock";
import { dateInZone } from "@/lib/time/dates";
import { recordRailPaymentTx } from "../record-rail-payment-tx";
import { queueRailConfirmationTx } from "../review/queue-rail-confirmation-tx";
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
    const at = Number.isNaN(receivedAt.getTime()) ? now() : receivedAt;
    if (!target) {
      await queueRailConfirmationTx(tx, {
        source: "PIX",
        externalId: `pix:${pix.endToEndId}`,
        amount: amount.toNumber(),
        currency: "BRL",
        bookingDate: dateInZone(at, (await getSettings(tx)).timeZone),
        reference: [txid && `txid ${txid}`, pix.infoPagador].filter(Boolean).join(" · ") || null,
        name: null,
      });
      return null;
    }
    await recordRailPaymentTx(tx, {
      ...target,
      chargeId: charge?.id ?? null,
      amount: amount.toNumber(),
      provider: "PIX",
      externalId: `pix:${pix.endToEndId}`,
      reference: pix.endToEndId,
      receivedAt: at,
    });
    return null;
  });
}
