// What a PaymentIntent's state means for our books. Stripe moves an intent forward
// (requires_payment_method ↔ requires_action → processing → succeeded), and a failed off-session
// confirmation leaves it requires_payment_method with `last_payment_error`.
import type Stripe from "stripe";

export type IntentOutcome =
  | { kind: "succeeded"; amount: number }
  | { kind: "failed"; reason: string; authenticationRequired: boolean }
  | { kind: "requires_action" }
  | { kind: "pending" };

export function intentOutcome(intent: Stripe.PaymentIntent): IntentOutcome {
  if (intent.status === "succeeded")
    return { kind: "succeeded", amount: intent.amount_received || intent.amount };
  if (intent.status === "requires_action") return { kind: "requires_action" };
  const error = intent.last_payment_error;
  if (intent.status === "canceled")
    return {
      kind: "failed",
      reason: `canceled${intent.cancellation_reason ? `: ${intent.cancellation_reason}` : ""}`,
      authenticationRequired: false,
    };
  if (intent.status === "requires_payment_method" && error) {
    const code = error.decline_code ?? error.code ?? "declined";
    return {
      kind: "failed",
      reason: error.message ? `${code}: ${error.message}` : code,
      authenticationRequired: error.code === "authentication_required",
    };
  }
  return { kind: "pending" };
}
