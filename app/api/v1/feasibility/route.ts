// Public: lets an ISP embed the coverage check on its own website. Rate-limited per IP.
import { checkFeasibility, feasibilityQuerySchema } from "@/lib/coverage/check-feasibility";
import { publicApiRoute } from "@/lib/http/api-route";
import { clientIp } from "@/lib/http/client-ip";
import { enforceRateLimit } from "@/lib/rate-limit/hit-rate-limit";

export const GET = publicApiRoute(async ({ req }) => {
  const query = feasibilityQuerySchema.parse(Object.fromEntries(req.nextUrl.searchParams));
  await enforceRateLimit(`feasibility:ip:${clientIp(req.headers) ?? "unknown"}`, 120, 60);
  return checkFeasibility(query);
});
