// The fallback when no webhook came: `GET /cob/{txid}` (`GET /cobr/{txid}` for Pix Automático,
// `GET /cobv/{txid}` for a boleto híbrido). A CONCLUIDA charge carries the Pix that
// paid it, applied exactly as the webhook's would be; a removed charge, or one past its expiry
// still unpaid, expires.
import "server-only";
import { db } from "@/lib/db";
import { getSettings } from "@/lib/settings/get-settings";
import { now } from "@/lib/time/clock";
import { addDays, dateInZone } from "@/lib/time/dates";
import type { LoadedPix } from "../load-rail";
import { applyPix } from "./apply-pix";
import { applyCobr } from "./automatico/apply-cobr";
import { pixApiClient } from "./pix-api-client";

/** A boleto híbrido's `cobv`: payable until removed or past its validity after the due date. */
async function queryCobv(pix: LoadedPix, charge: { id: string; providerRef: string }) {
  const cobv = await pixApiClient(pix).getCobv(charge.providerRef);
  if (cobv.status === "CONCLUIDA") {
    for (const p of cobv.pix ?? []) await applyPix({ ...p, txid: p.txid ?? cobv.txid });
    return "PAID" as const;
  }
  const lastDay = addDays(cobv.calendario.dataDeVencimento, cobv.calendario.validadeAposVencimento);
  const { timeZone } = await getSettings();
  if (cobv.status === "ATIVA" && dateInZone(now(), timeZone) <= lastDay) return "PENDING" as const;
  await db.railCharge.updateMany({
    where: { id: charge.id, status: "PENDING" },
    data: { status: "EXPIRED", failureReason: cobv.status },
  });
  return "EXPIRED" as const;
}

export async function queryPixCharge(
  pix: LoadedPix,
  charge: { id: string; providerRef: string; recurrenceId: string | null; dueDate?: Date | null },
) {
  if (charge.dueDate) return queryCobv(pix, charge);
  if (charge.recurrenceId) {
    // A Pix Automático collection: `GET /cobr/{txid}`; it stays pending until its due date.
    const cobr = await pixApiClient(pix).getCobr(charge.providerRef);
    return cobr ? (await applyCobr(cobr)).outcome : ("PENDING" as const);
  }
  const cob = await pixApiClient(pix).getCob(charge.providerRef);
  if (cob.status === "CONCLUIDA") {
    for (const p of cob.pix ?? []) await applyPix({ ...p, txid: p.txid ?? cob.txid });
    return "PAID" as const;
  }
  const expired =
    cob.status !== "ATIVA" ||
    new Date(cob.calendario.criacao).getTime() + cob.calendario.expiracao * 1000 < now().getTime();
  if (!expired) return "PENDING" as const;
  await db.railCharge.updateMany({
    where: { id: charge.id, status: "PENDING" },
    data: { status: "EXPIRED", failureReason: cob.status },
  });
  return "EXPIRED" as const;
}
