// Prices a basket for the checkout's summary. The same server-side quote is recomputed at
// placement; nothing the browser shows is trusted later.
import { publicApiRoute } from "@/lib/http/api-route";
import { quoteBasket } from "@/lib/orders/quote-basket";

export const GET = publicApiRoute(async ({ req }) => {
  const p = req.nextUrl.searchParams;
  const addonCodes = (p.get("addons") ?? "").split(",").filter(Boolean);
  return quoteBasket({ basket: { planCode: p.get("plan") ?? "", addonCodes } });
});
