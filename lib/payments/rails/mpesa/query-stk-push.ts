// The fallback when no STK callback came: Daraja's STK push query. ResultCode 0 pays (the same
// way the callback would, once), other codes fail the attempt; "still being processed" (an HTTP
// error with errorCode 500.001.1001) leaves it pending.
import "server-only";
import { AppError } from "@/lib/errors";
import { now } from "@/lib/time/clock";
import type { LoadedMpesa } from "../load-rail";
import { applyStkResult } from "./apply-stk-result";
import { darajaClient } from "./daraja-client";

export async function queryStkPush(mpesa: LoadedMpesa, checkoutRequestId: string) {
  let r;
  try {
    r = await darajaClient(mpesa, now).stkQuery(checkoutRequestId);
  } catch (e) {
    if (e instanceof AppError && e.code === "UNPROCESSABLE") return "PENDING" as const;
    throw e;
  }
  if (r.ResultCode === undefined) return "PENDING" as const;
  const applied = await applyStkResult({
    checkoutRequestId,
    resultCode: Number(r.ResultCode),
    resultDesc: r.ResultDesc ?? "",
  });
  return applied?.status ?? ("PENDING" as const);
}
