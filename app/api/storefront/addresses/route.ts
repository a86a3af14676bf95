// Address suggestions for the coverage page's search box.
import { addressQuerySchema, searchAddresses } from "@/lib/coverage/search-addresses";
import { publicApiRoute } from "@/lib/http/api-route";
import { clientIp } from "@/lib/http/client-ip";
import { enforceRateLimit } from "@/lib/rate-limit/hit-rate-limit";

export const GET = publicApiRoute(async ({ req }) => {
  const query = addressQuerySchema.parse({ q: req.nextUrl.searchParams.get("q") ?? "" });
  await enforceRateLimit(`address-search:ip:${clientIp(req.headers) ?? "unknown"}`, 240, 60);
  return { matches: await searchAddresses(query) };
});
