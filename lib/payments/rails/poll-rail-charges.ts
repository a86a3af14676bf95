// The sweep behind `rails.poll-charges`: first it applies STK callbacks that arrived before their
// charge knew its CheckoutRequestID (stored, unprocessed), then it asks the provider about charges
// still pending a minute after creation, backing off with the number of queries already made
// (1, 2, 4 … minutes, at most hourly). An M-PESA prompt unanswered after a day is expired (the
// phone's prompt lasts about a minute). Idempotent: settled charges are not pending any more and
// a payment is recorded once per charge. Pix refunds still pending are asked about too.
import "server-only";
import { db } from "@/lib/db";
import { logger } from "@/lib/log";
import { now } from "@/lib/time/clock";
import { applyStkResult } from "./mpesa/apply-stk-result";
import { stkResultOf } from "./mpesa/handle-stk-callback";
import type { StkCallback } from "./mpesa/daraja-callback-schema";
import { RAILS } from "./rail";
import { markProviderEvent } from "./store-provider-event";
import { pollRailRefunds } from "./refunds/poll-rail-refunds";

const BATCH = 100;

async function replayStoredCallbacks() {
  const events = await db.webhookEvent.findMany({
    where: {
      source: "mpesa",
      type: "stk.callback",
      processedAt: null,
      receivedAt: { gt: new Date(now().getTime() - 2 * 86_400_000) },
    },
    take: BATCH,
  });
  let replayed = 0;
  for (const e of events) {
    const applied = await applyStkResult(stkResultOf(e.payload as StkCallback));
    if (applied) {
      await markProviderEvent(e.id);
      replayed++;
    }
  }
  return replayed;
}

export async function pollRailCharges() {
  const replayed = await replayStoredCallbacks();
  const at = now().getTime();
  const pending = await db.railCharge.findMany({
    where: { status: "PENDING", createdAt: { lt: new Date(at - 60_000) } },
    orderBy: { createdAt: "asc" },
    take: BATCH,
  });
  const result = { replayed, queried: 0, paid: 0, failed: 0, expired: 0, refundsSettled: 0 };
  result.refundsSettled = (await pollRailRefunds()).settled;
  for (const charge of pending) {
    const wait = Math.min(2 ** charge.queries, 60) * 60_000;
    const age = at - charge.createdAt.getTime();
    if (charge.queries > 0 && age < wait) continue;
    if (charge.rail === "MPESA" && age > 86_400_000) {
      await db.railCharge.updateMany({
        where: { id: charge.id, status: "PENDING" },
        data: { status: "EXPIRED", failureReason: "no answer from M-PESA within a day" },
      });
      result.expired++;
      continue;
    }
    result.queried++;
    await db.railCharge.update({ where: { id: charge.id }, data: { queries: { increment: 1 } } });
    try {
      const status = await RAILS[charge.rail].queryCharge(charge);
      if (status === "PAID") result.paid++;
      if (status === "FAILED") result.failed++;
      if (status === "EXPIRED") result.expired++;
    } catch (e) {
      logger.warn({ err: e, chargeId: charge.id }, "rail status query failed");
    }
  }
  return result;
}
