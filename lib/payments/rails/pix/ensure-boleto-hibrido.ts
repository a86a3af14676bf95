// Boleto híbrido through the PSP's Pix API: a Pix charge with a due date (`PUT /cobv/{txid}`),
// the Banco Central's standard shape for it — the invoice's open amount, due on the invoice's
// due date, payable `validadeAposVencimento` days after it with the ISP's multa (percent, once)
// and juros (percent a month, calendar days), naming the payer by CPF/CNPJ as cobv requires.
// Issued the first time the invoice's ways to pay are shown (portal, pay-options API) and shown
// again after that; a new one only when the open amount changed. It is settled like every Pix
// charge: the `/pix` webhook (or the status query, `GET /cobv/{txid}`) matches it by txid, once.
// A PSP that refuses or is down leaves the invoice's other ways to pay standing.
import "server-only";
import { randomBytes } from "node:crypto";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { logger } from "@/lib/log";
import { getSettings } from "@/lib/settings/get-settings";
import { now } from "@/lib/time/clock";
import { dateInZone, fromDbDate, toDbDate } from "@/lib/time/dates";
import { loadPix, pixIsDynamic, type LoadedPix } from "../load-rail";
import { reais } from "./create-pix-charge";
import { devedorOf } from "./devedor";
import { pixApiClient } from "./pix-api-client";

export type EnsureBoletoHibridoOptions = { actor: Actor; invoiceId: string };

export type BoletoHibrido = {
  txid: string;
  copiaECola: string;
  location: string | null;
  dueDate: string;
};

/** 26–35 letters and digits; `lmv` marks ours as cobv (the cob ones are `lm` + hex). */
const newTxid = () => `lmv${randomBytes(15).toString("hex")}`;

export const boletoHibridoOffered = (pix: LoadedPix) =>
  pix.enabled && pixIsDynamic(pix) && Boolean(pix.config.boletoHibrido && pix.config.key);

function cobvBody(pix: LoadedPix, p: { due: number; dueDate: string; number: string | null }) {
  const c = pix.config;
  const positive = (v: string | undefined) => (v && Number(v) > 0 ? v : null);
  const fine = positive(c.finePercent);
  const interest = positive(c.interestMonthlyPercent);
  return {
    calendario: {
      dataDeVencimento: p.dueDate,
      validadeAposVencimento: c.daysPayableAfterDue ?? 30,
    },
    valor: {
      original: reais(p.due),
      ...(fine && { multa: { modalidade: 2, valorPerc: fine } }),
      ...(interest && { juros: { modalidade: 3, valorPerc: interest } }),
    },
    chave: c.key,
    solicitacaoPagador: `Fatura ${p.number ?? ""}`.trim().slice(0, 140),
  };
}

/** The invoice's boleto híbrido Pix, issued now if needed; null where it does not apply. */
export async function ensureBoletoHibrido(
  opts: EnsureBoletoHibridoOptions,
): Promise<BoletoHibrido | null> {
  const pix = await loadPix();
  if (!boletoHibridoOffered(pix)) return null;
  const { timeZone } = await getSettings();
  const today = dateInZone(now(), timeZone);
  const prepared = await db.$transaction(async (tx) => {
    // The invoice row is locked so two page loads issue one charge.
    const [inv] = await tx.$queryRawUnsafe<
      {
        id: string;
        number: string | null;
        status: string;
        currency: string;
        due: number;
        dueDate: Date;
        customerId: string;
        taxNumber: string | null;
        idNumber: string | null;
        name: string;
      }[]
    >(
      `SELECT i.id, i.number, i.status::text AS status, i.currency,
              (i.total - i."amountPaid" - i."amountCredited")::int AS due, i."dueDate",
              i."customerId", c."taxNumber", c."idNumber",
              COALESCE(NULLIF(c."companyName", ''), c."firstName" || ' ' || c."lastName") AS name
         FROM "Invoice" i JOIN "Customer" c ON c.id = i."customerId"
        WHERE i.id = $1 FOR UPDATE OF i`,
      opts.invoiceId,
    );
    if (!inv) return null;
    assertCustomerAccess(opts.actor, inv.customerId, "billing:read");
    const dueDate = fromDbDate(inv.dueDate);
    // The API refuses a due date before the charge's creation: overdue invoices get none.
    if (inv.currency !== "BRL" || !["OPEN", "PARTIALLY_PAID"].includes(inv.status)) return null;
    if (inv.due <= 0 || dueDate < today) return null;
    const devedor = devedorOf(inv);
    if (!devedor) return null;
    const live = await tx.railCharge.findMany({
      where: { invoiceId: inv.id, rail: "PIX", status: "PENDING", dueDate: { not: null } },
    });
    const same = live.find((c) => c.amount === inv.due);
    if (same) return { charge: same, fresh: false, inv, devedor, dueDate };
    // The open amount changed (part paid): the old code stays payable (a payment on it is still
    // matched by txid) but is no longer shown.
    if (live.length)
      await tx.railCharge.updateMany({
        where: { id: { in: live.map((c) => c.id) } },
        data: { status: "EXPIRED", failureReason: "replaced: the open amount changed" },
      });
    const attempt = (await tx.railCharge.count({ where: { invoiceId: inv.id, rail: "PIX" } })) + 1;
    const charge = await tx.railCharge.create({
      data: {
        rail: "PIX",
        providerRef: newTxid(),
        idempotencyKey: `invoice:${inv.id}:cobv:${attempt}`,
        customerId: inv.customerId,
        invoiceId: inv.id,
        amount: inv.due,
        currency: "BRL",
        dueDate: toDbDate(dueDate),
        createdAt: now(),
        display: { invoiceNumber: inv.number, dueDate },
      },
    });
    return { charge, fresh: true, inv, devedor, dueDate };
  });
  if (!prepared) return null;
  const { charge, inv, devedor, dueDate } = prepared;
  const shown = charge.display as { copiaECola?: string; location?: string | null };
  if (!prepared.fresh)
    return shown.copiaECola
      ? {
          txid: charge.providerRef,
          copiaECola: shown.copiaECola,
          location: shown.location ?? null,
          dueDate,
        }
      : null;
  try {
    // PUT is idempotent on txid at the PSP: a retry creates nothing new.
    const cobv = await pixApiClient(pix).putCobv(charge.providerRef, {
      ...cobvBody(pix, { due: inv.due, dueDate, number: inv.number }),
      devedor,
    });
    await db.railCharge.update({
      where: { id: charge.id },
      data: {
        display: {
          invoiceNumber: inv.number,
          dueDate,
          copiaECola: cobv.pixCopiaECola ?? null,
          location: cobv.location ?? null,
        },
      },
    });
    if (!cobv.pixCopiaECola) return null;
    return {
      txid: charge.providerRef,
      copiaECola: cobv.pixCopiaECola,
      location: cobv.location ?? null,
      dueDate,
    };
  } catch (e) {
    logger.warn({ err: e, invoiceId: inv.id }, "boleto híbrido (cobv) not issued");
    await db.railCharge.update({
      where: { id: charge.id },
      data: { status: "FAILED", failureReason: e instanceof Error ? e.message : "request failed" },
    });
    return null;
  }
}
