// A dynamic Pix charge (`PUT /cob/{txid}`) for an invoice's open amount. We choose the txid, so
// the charge row exists before the PSP hears of it and the webhook always finds it. A charge
// still open for the same amount is shown again rather than a second one created.
import "server-only";
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { now } from "@/lib/time/clock";
import { loadPix, pixIsDynamic } from "../load-rail";
import { openInvoiceForCharge } from "../open-invoice";
import { pixApiClient } from "./pix-api-client";

export type CreatePixChargeOptions = { actor: Actor; invoiceId: string };

/** 26–35 letters and digits (the API's TxId pattern). */
const newTxid = () => `lm${randomBytes(15).toString("hex")}`;

export const reais = (minor: number) => (minor / 100).toFixed(2);

export async function createPixCharge(opts: CreatePixChargeOptions) {
  const pix = await loadPix();
  if (!pix.enabled || !pixIsDynamic(pix))
    throw new AppError("CONFLICT", "Dynamic Pix charges are not set up.");
  const expiry = pix.config.expirySeconds ?? 86_400;
  const prepared = await db.$transaction(async (tx) => {
    const invoice = await openInvoiceForCharge(tx, opts.actor, opts.invoiceId);
    if (invoice.currency !== "BRL")
      throw new AppError("CONFLICT", "Pix takes payments in reais only.");
    const open = await tx.railCharge.findFirst({
      where: {
        invoiceId: invoice.id,
        rail: "PIX",
        status: "PENDING",
        amount: invoice.due,
        dueDate: null, // a boleto híbrido's cobv is not an immediate charge
        createdAt: { gt: new Date(now().getTime() - (expiry - 600) * 1000) },
      },
      orderBy: { createdAt: "desc" },
    });
    if (open && (open.display as { copiaECola?: string }).copiaECola)
      return { charge: open, invoice, fresh: false };
    const attempt =
      (await tx.railCharge.count({ where: { invoiceId: invoice.id, rail: "PIX" } })) + 1;
    const charge = await tx.railCharge.create({
      data: {
        rail: "PIX",
        providerRef: newTxid(),
        idempotencyKey: `invoice:${invoice.id}:pix:${attempt}`,
        customerId: invoice.customer.id,
        invoiceId: invoice.id,
        amount: invoice.due,
        currency: "BRL",
        createdAt: now(),
        display: { invoiceNumber: invoice.number },
      },
    });
    return { charge, invoice, fresh: true };
  });
  if (!prepared.fresh) return prepared.charge;
  const { charge, invoice } = prepared;
  try {
    // PUT is idempotent on txid at the PSP: a retry of this request creates nothing new.
    const cob = await pixApiClient(pix).putCob(charge.providerRef, {
      calendario: { expiracao: expiry },
      valor: { original: reais(charge.amount) },
      chave: pix.config.key,
      solicitacaoPagador: `Fatura ${invoice.number ?? ""}`.trim().slice(0, 140),
    });
    return db.railCharge.update({
      where: { id: charge.id },
      data: {
        display: {
          invoiceNumber: invoice.number,
          copiaECola: cob.pixCopiaECola ?? null,
          location: cob.location ?? null,
          expiresAt: new Date(charge.createdAt.getTime() + expiry * 1000).toISOString(),
        },
      },
    });
  } catch (e) {
    await db.railCharge.update({
      where: { id: charge.id },
      data: { status: "FAILED", failureReason: e instanceof Error ? e.message : "request failed" },
    });
    throw e;
  }
}
