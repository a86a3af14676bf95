import { unstable_rethrow } from "next/navigation";
import { toAppError } from "@/lib/http/error-response";
import type { ActionResult } from "@/components/storefront/action-result";
import { syncClock } from "@/lib/time/sync-clock";

/** Known errors become messages with field errors; anything else is logged, never shown raw. */
export async function runAction<T>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    await syncClock(); // checkout has no session: the sandbox clock is synced here
    return { ok: true, data: await fn() };
  } catch (e) {
    unstable_rethrow(e);
    const known = toAppError(e);
    if (known) return { ok: false, message: known.message, fields: known.fields };
    console.error("[checkout] unexpected error", e);
    return {
      ok: false,
      message: "Something went wrong on our side. It has been logged; please try again.",
    };
  }
}
