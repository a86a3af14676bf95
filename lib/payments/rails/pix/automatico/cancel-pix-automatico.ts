// The customer (or staff for them) withdraws the Pix Automático authorisation: `PATCH
// /rec/{idRec}` with status CANCELADA at the PSP, then the same transition the `/rec` webhook
// applies (collections still scheduled fail; the customer pays by hand again). Audited.
import "server-only";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { now } from "@/lib/time/clock";
import { loadPix } from "../../load-rail";
import { pixApiClient } from "../pix-api-client";
import { applyRec } from "./apply-rec";

export type CancelPixAutomaticoOptions = { actor: Actor; customerId: string };

export async function cancelPixAutomatico(opts: CancelPixAutomaticoOptions) {
  assertCustomerAccess(opts.actor, opts.customerId, "customers:write");
  const live = await db.pixRecurrence.findFirst({
    where: { customerId: opts.customerId, status: { in: ["CRIADA", "APROVADA"] } },
    orderBy: { createdAt: "desc" },
  });
  if (!live) throw new AppError("CONFLICT", "There is no Pix Automático authorisation to cancel.");
  const customerCancels = opts.actor.kind === "user" && opts.actor.role === "CUSTOMER";
  if (live.idRec) {
    const rec = await pixApiClient(await loadPix()).patchRec(live.idRec, { status: "CANCELADA" });
    await applyRec({
      ...rec,
      idRec: live.idRec,
      status: "CANCELADA",
      encerramento: rec.encerramento ?? {
        cancelamento: {
          solicitante: "USUARIO_RECEBEDOR",
          codigo: "SLCR",
          descricao: customerCancels ? "cancelled by the customer" : "cancelled by staff",
        },
      },
    });
  } else {
    await db.pixRecurrence.update({
      where: { id: live.id },
      data: { status: "CANCELADA", usable: false, endReason: "cancelled", statusChangedAt: now() },
    });
  }
  await recordAudit({
    actor: opts.actor,
    action: "pix_automatico.cancel",
    entityType: "PixRecurrence",
    entityId: live.id,
    customerId: opts.customerId,
  });
  return { cancelled: true };
}
