import { apiOperation } from "@/lib/http/api-operation";
import type { StoredQuote } from "@/lib/orders/build-quote";
import { listOrders as op } from "@/lib/http/openapi/orders";
import { listOrders } from "@/lib/orders/list-orders";

export const GET = apiOperation(op, async ({ actor, query }) => {
  const { orders, counts } = await listOrders({
    actor,
    status: query.status,
    q: query.q,
    take: query.limit,
  });
  return { data: orders.map((o) => ({ ...o, quote: o.quote as unknown as StoredQuote })), counts };
});
