// A recurrence as the PSP reports it (GET /rec/{idRec}), applied to our copy: APROVADA makes the
// customer an automatic payer; REJEITADA, EXPIRADA and CANCELADA end it — the method becomes
// unusable and any collection still scheduled under it fails into dunning (the PSP cancels them
// too; whichever word arrives first counts once).
import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/time/clock";
import type { Rec } from "../pix-api-client";
import { failCobrTx } from "./fail-cobr-tx";

const ENDED = new Set(["REJEITADA", "EXPIRADA", "CANCELADA"]);

export const recEndReason = (rec: Rec) => {
  const end = rec.encerramento?.cancelamento ?? rec.encerramento?.rejeicao;
  if (!end) return rec.status.toLowerCase();
  const by = "solicitante" in end ? ` by ${String(end.solicitante)}` : "";
  return `${rec.status.toLowerCase()}${by}: ${end.codigo} ${end.descricao}`.slice(0, 500);
};

/** Returns null when applied, else why it could not be. */
export async function applyRec(rec: Rec): Promise<string | null> {
  return db.$transaction(async (tx) => {
    const ours = await tx.pixRecurrence.findUnique({ where: { idRec: rec.idRec } });
    if (!ours) return `no recurrence "${rec.idRec}" here`;
    await tx.$queryRawUnsafe(`SELECT id FROM "Customer" WHERE id = $1 FOR UPDATE`, ours.customerId);
    const current = await tx.pixRecurrence.findUniqueOrThrow({ where: { id: ours.id } });
    // An ended recurrence never comes back (the API has no transition out of them).
    if (current.status === rec.status || ENDED.has(current.status)) return null;
    const ended = ENDED.has(rec.status);
    await tx.pixRecurrence.update({
      where: { id: ours.id },
      data: {
        status: rec.status,
        statusChangedAt: now(),
        ...(ended ? { usable: false, endReason: recEndReason(rec) } : {}),
      },
    });
    if (ended) {
      const pending = await tx.railCharge.findMany({
        where: { recurrenceId: ours.id, status: "PENDING" },
        select: { id: true },
      });
      for (const c of pending)
        await failCobrTx(tx, c.id, `authorisation ${rec.status.toLowerCase()}`);
    }
    return null;
  });
}
