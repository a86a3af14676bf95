// Public: lets an ISP embed the coverage check on its own website. Rate-limited per IP.
import { apiOperation } from "@/lib/http/api-operation";
import { checkFeasibility as op } from "@/lib/http/openapi/coverage";
import { checkFeasibility } from "@/lib/coverage/check-feasibility";
import { enforceRateLimit } from "@/lib/rate-limit/hit-rate-limit";

export const GET = apiOperation(op, async ({ ip, query }) => {
  await enforceRateLimit(`feasibility:ip:${ip}`, 120, 60);
  return checkFeasibility(query);
});
