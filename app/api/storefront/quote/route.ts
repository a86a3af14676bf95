// Prices a basket for the checkout's summary. The same server-side quote is recomputed at
// placement; nothing the browser shows is trusted later.
import { apiOperation } from "@/lib/http/api-operation";
import { quoteBasket as op } from "@/lib/http/openapi/storefront";
import { enforceRateLimit } from "@/lib/rate-limit/hit-rate-limit";
import { quoteBasket } from "@/lib/orders/quote-basket";

export const GET = apiOperation(op, async ({ ip, query }) => {
  const addonCodes = (query.addons ?? "").split(",").filter(Boolean);
  await enforceRateLimit(`quote:ip:${ip}`, 240, 60);
  return quoteBasket({ basket: { planCode: query.plan, addonCodes } });
});
