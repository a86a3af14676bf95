// Address suggestions for the coverage page's search box.
import { apiOperation } from "@/lib/http/api-operation";
import { searchAddresses as op } from "@/lib/http/openapi/storefront";
import { searchAddresses } from "@/lib/coverage/search-addresses";
import { enforceRateLimit } from "@/lib/rate-limit/hit-rate-limit";

export const GET = apiOperation(op, async ({ ip, query }) => {
  await enforceRateLimit(`address-search:ip:${ip}`, 240, 60);
  return { matches: await searchAddresses(query) };
});
