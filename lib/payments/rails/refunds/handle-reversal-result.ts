// Daraja's answer to a reversal request, posted to its ResultURL: stored first (by
// ConversationID), then ResultCode 0 books the refund once and anything else (including a queue
// time-out) marks it failed, freeing the amount. The token in the URL says it is ours.
import "server-only";
import { db } from "@/lib/db";
import type { ReversalResult } from "../mpesa/daraja-callback-schema";
import { markProviderEvent, storeProviderEvent } from "../store-provider-event";
import { verifyCallbackToken } from "../verify-callback-token";
import { settleRailRefund } from "./settle-rail-refund";

export type HandleReversalResultOptions = { token: string; body: ReversalResult };

export async function handleReversalResult(opts: HandleReversalResultOptions) {
  await verifyCallbackToken("MPESA", opts.token);
  const r = opts.body.Result;
  const event = await storeProviderEvent({
    source: "mpesa",
    externalId: `reversal:${r.ConversationID}`,
    type: "reversal.result",
    payload: opts.body,
  });
  if (!event.processed) {
    const ours = await db.railRefund.findUnique({
      where: { rail_providerRef: { rail: "MPESA", providerRef: r.ConversationID } },
      select: { id: true },
    });
    if (ours)
      await settleRailRefund(
        ours.id,
        r.ResultCode === 0
          ? { done: true }
          : { done: false, reason: `${r.ResultCode} ${r.ResultDesc}` },
      );
    await markProviderEvent(event.id, ours ? null : "no reversal with this ConversationID");
  }
  return { ResultCode: 0, ResultDesc: "Accepted" };
}
