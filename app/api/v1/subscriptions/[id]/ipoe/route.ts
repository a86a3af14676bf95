import { apiOperation } from "@/lib/http/api-operation";
import { setIpoeOperation, unsetIpoeOperation } from "@/lib/http/openapi/network";
import { setIpoeIdentity } from "@/lib/network/set-ipoe-identity";

export const PUT = apiOperation(setIpoeOperation, async ({ actor, params, body }) =>
  setIpoeIdentity({ actor, subscriptionId: params.id, identity: body }),
);

export const DELETE = apiOperation(unsetIpoeOperation, async ({ actor, params }) =>
  setIpoeIdentity({ actor, subscriptionId: params.id, identity: null }),
);
