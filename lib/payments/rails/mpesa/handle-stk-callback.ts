// Daraja's STK push callback: verified by the token in its URL, stored first (one row per
// CheckoutRequestID, so a repeat is a no-op), then applied. A callback that arrives before the
// charge row knows its CheckoutRequestID stays stored and unprocessed; the status-query job
// applies it on its next pass.
import "server-only";
import { markProviderEvent, storeProviderEvent } from "../store-provider-event";
import { verifyCallbackToken } from "../verify-callback-token";
import { applyStkResult } from "./apply-stk-result";
import type { StkCallback } from "./daraja-callback-schema";

export type HandleStkCallbackOptions = { token: string; callback: StkCallback };

export const stkResultOf = (cb: StkCallback) => {
  const meta = Object.fromEntries(
    (cb.CallbackMetadata?.Item ?? []).map((i) => [i.Name, i.Value] as const),
  );
  return {
    checkoutRequestId: cb.CheckoutRequestID,
    resultCode: cb.ResultCode,
    resultDesc: cb.ResultDesc,
    receiptNumber:
      meta.MpesaReceiptNumber !== undefined ? String(meta.MpesaReceiptNumber) : undefined,
    shillings: meta.Amount !== undefined ? Math.round(Number(meta.Amount)) : undefined,
  };
};

export async function handleStkCallback(opts: HandleStkCallbackOptions) {
  await verifyCallbackToken("MPESA", opts.token);
  const event = await storeProviderEvent({
    source: "mpesa",
    externalId: opts.callback.CheckoutRequestID,
    type: "stk.callback",
    payload: opts.callback,
  });
  if (!event.processed) {
    const applied = await applyStkResult(stkResultOf(opts.callback));
    await markProviderEvent(event.id, applied ? null : "no charge with this CheckoutRequestID yet");
  }
  return { ResultCode: 0, ResultDesc: "Accepted" };
}
