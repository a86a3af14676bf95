import { apiOperation } from "@/lib/http/api-operation";
import type { StoredQuote } from "@/lib/orders/build-quote";
import { getOrder as op } from "@/lib/http/openapi/orders";
import { getOrder } from "@/lib/orders/get-order";
import { fromDbDateOrNull } from "@/lib/time/dates";

export const GET = apiOperation(op, async ({ actor, params }) => {
  // The page's flags and the checkout's idempotency key are not part of the API.
  const {
    canSeePayment: _a,
    canRevealAccount: _b,
    idempotencyKey: _c,
    checkoutHash: _d,
    heldForUser: _e,
    quote,
    subscriptions,
    ...order
  } = await getOrder({ actor, id: params.id });
  return {
    ...order,
    quote: quote as unknown as StoredQuote,
    subscriptions: subscriptions.map((s) => ({
      ...s,
      startDate: fromDbDateOrNull(s.startDate),
      nextBillDate: fromDbDateOrNull(s.nextBillDate),
    })),
  };
});
