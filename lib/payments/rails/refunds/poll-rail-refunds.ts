// The fallback for a lost devolução notification: asks the PSP (`GET /pix/{e2eid}/devolucao/{id}`)
// about Pix refunds pending for over a minute. M-PESA reversals have no such query here: their
// result (or queue time-out) callback settles them.
import "server-only";
import { db } from "@/lib/db";
import { logger } from "@/lib/log";
import { now } from "@/lib/time/clock";
import { loadPix } from "../load-rail";
import { pixApiClient } from "../pix/pix-api-client";
import { settleRailRefund } from "./settle-rail-refund";

export async function pollRailRefunds() {
  const pending = await db.railRefund.findMany({
    where: {
      rail: "PIX",
      status: "PENDING",
      createdAt: { lt: new Date(now().getTime() - 60_000) },
    },
    include: { payment: { select: { externalId: true } } },
    orderBy: { createdAt: "asc" },
    take: 100,
  });
  let settled = 0;
  if (!pending.length) return { settled };
  const client = pixApiClient(await loadPix());
  for (const r of pending) {
    try {
      const dev = await client.getDevolucao(r.payment.externalId!.slice(4), r.providerRef!);
      if (dev?.status === "DEVOLVIDO")
        settled += Number((await settleRailRefund(r.id, { done: true })) === "DONE");
      if (dev?.status === "NAO_REALIZADO") {
        await settleRailRefund(r.id, { done: false, reason: dev.motivo ?? "NAO_REALIZADO" });
        settled++;
      }
    } catch (e) {
      logger.warn({ err: e, railRefundId: r.id }, "pix devolução status query failed");
    }
  }
  return { settled };
}
