// A recurring charge as the PSP reports it (GET /cobr/{txid}). CONCLUIDA carries the Pix that paid
// it, booked through the same path as any received Pix (apply-pix.ts: the charge locked and
// linked, `pix:<endToEndId>` unique), so the `/cobr` webhook, the `/pix` webhook and the status
// query settle it once between them. REJEITADA, CANCELADA and EXPIRADA fail it into dunning.
import "server-only";
import { db } from "@/lib/db";
import { applyPix } from "../apply-pix";
import type { CobR } from "../pix-api-client";
import { failCobrTx } from "./fail-cobr-tx";

export type CobrOutcome = "PAID" | "FAILED" | "PENDING";

const reasonOf = (c: CobR) => {
  const end = c.encerramento?.rejeicao ?? c.encerramento?.cancelamento;
  return end ? `${c.status} ${end.codigo} ${end.descricao}` : c.status;
};

export async function applyCobr(
  cobr: CobR,
): Promise<{ outcome: CobrOutcome; error: string | null }> {
  const charge = await db.railCharge.findUnique({
    where: { rail_providerRef: { rail: "PIX", providerRef: cobr.txid } },
    select: { id: true, recurrenceId: true },
  });
  if (!charge?.recurrenceId)
    return { outcome: "PENDING", error: `no recurring charge "${cobr.txid}" here` };
  if (cobr.status === "CONCLUIDA") {
    for (const p of cobr.pix ?? []) {
      const error = await applyPix({ ...p, txid: p.txid ?? cobr.txid });
      if (error) return { outcome: "PENDING", error };
    }
    return { outcome: "PAID", error: null };
  }
  if (cobr.status === "REJEITADA" || cobr.status === "CANCELADA" || cobr.status === "EXPIRADA") {
    await db.$transaction((tx) => failCobrTx(tx, charge.id, reasonOf(cobr)));
    return { outcome: "FAILED", error: null };
  }
  return { outcome: "PENDING", error: null };
}
