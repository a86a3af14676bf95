import { apiRoute } from "@/lib/http/api-route";
import { getOrder } from "@/lib/orders/get-order";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  const {
    canSeePayment: _a,
    canRevealAccount: _b,
    ...order
  } = await getOrder({ actor, id: params.id });
  return order;
});
