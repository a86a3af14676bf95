import { unstable_rethrow } from "next/navigation";
import { toAppError } from "./error-response";
import type { FormState } from "./form-state";
import { syncClock } from "@/lib/time/sync-clock";

/** Runs a server action's body: redirects pass through, known errors become form messages, others are logged. */
export async function runFormAction(
  values: Record<string, string>,
  fn: () => Promise<Omit<FormState, "status"> | string | void>,
): Promise<FormState> {
  try {
    await syncClock(); // public actions (sign-up, password reset) have no session to sync it
    const result = await fn();
    return typeof result === "string"
      ? { status: "ok", message: result }
      : { status: "ok", ...result };
  } catch (e) {
    unstable_rethrow(e);
    const known = toAppError(e);
    if (known) return { status: "error", message: known.message, fields: known.fields, values };
    console.error("[server action] unexpected error", e);
    return {
      status: "error",
      message: "Something went wrong on our side. It has been logged.",
      values,
    };
  }
}
