// The devoluções a Pix webhook lists (`pix[].devolucoes`): each one that is ours and pending is
// confirmed with the PSP (`GET /pix/{e2eid}/devolucao/{id}`) and settled — DEVOLVIDO books the
// refund once, NAO_REALIZADO frees the amount.
import "server-only";
import { db } from "@/lib/db";
import type { pixApiClient } from "../pix/pix-api-client";
import { settleRailRefund } from "./settle-rail-refund";

export async function applyDevolucoes(
  client: ReturnType<typeof pixApiClient>,
  e2eid: string,
  devolucoes: unknown,
) {
  if (!Array.isArray(devolucoes)) return;
  for (const d of devolucoes as { id?: unknown }[]) {
    if (typeof d?.id !== "string") continue;
    const ours = await db.railRefund.findUnique({
      where: { rail_providerRef: { rail: "PIX", providerRef: d.id } },
      select: { id: true, status: true },
    });
    if (!ours || ours.status !== "PENDING") continue;
    const dev = await client.getDevolucao(e2eid, d.id);
    if (dev?.status === "DEVOLVIDO") await settleRailRefund(ours.id, { done: true });
    if (dev?.status === "NAO_REALIZADO")
      await settleRailRefund(ours.id, { done: false, reason: dev.motivo ?? "NAO_REALIZADO" });
  }
}
