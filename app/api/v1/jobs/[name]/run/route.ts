import { apiOperation, reply } from "@/lib/http/api-operation";
import { runJobOperation } from "@/lib/http/openapi/jobs";
import { runJobNow } from "@/lib/jobs/run-job-now";

export const POST = apiOperation(runJobOperation, async ({ actor, params, body }) => {
  const { queued, ...outcome } = await runJobNow({
    actor,
    name: params.name,
    payload: body.payload,
    trigger: "api",
  });
  return queued ? reply(202, outcome) : outcome;
});
