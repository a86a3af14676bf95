import { apiOperation } from "@/lib/http/api-operation";
import { disconnectSubscription } from "@/lib/http/openapi/network";
import { disconnectService } from "@/lib/network/disconnect-service";

export const POST = apiOperation(disconnectSubscription, async ({ actor, params }) => {
  const { sessions } = await disconnectService({ actor, subscriptionId: params.id });
  return {
    sessions: sessions.map(({ acctSessionId, nasIp, result, errorCause, error }) => ({
      acctSessionId,
      nasIp,
      result,
      errorCause,
      error,
    })),
  };
});
