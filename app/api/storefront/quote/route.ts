// Prices a basket for the checkout's summary. The same server-side quote is recomputed at
// placement; nothing the browser shows is trusted later.
import { publicApiRoute } from "@/lib/http/api-route";
import { clientIp } from "@/lib/http/client-ip";
import { enforceRateLimit } from "@/lib/rate-limit/hit-rate-limit";
import { quoteBasket } from "@/lib/orders/quote-basket";

export const GET = publicApiRoute(async ({ req }) => {
  const p = req.nextUrl.searchParams;
  const addonCodes = (p.get("addons") ?? "").split(",").filter(Boolean);
  await enforceRateLimit(`quote:ip:${clientIp(req.headers) ?? "unknown"}`, 240, 60);
  return quoteBasket({ basket: { planCode: p.get("plan") ?? "", addonCodes } });
});
