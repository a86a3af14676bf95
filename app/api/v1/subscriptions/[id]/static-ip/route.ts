import { apiOperation } from "@/lib/http/api-operation";
import { assignStaticIpOperation, releaseStaticIpOperation } from "@/lib/http/openapi/network";
import { assignStaticIp } from "@/lib/network/assign-static-ip";
import { releaseStaticIp } from "@/lib/network/release-static-ip";

export const POST = apiOperation(assignStaticIpOperation, async ({ actor, params, body }) =>
  assignStaticIp({ actor, subscriptionId: params.id, input: body }),
);

export const DELETE = apiOperation(releaseStaticIpOperation, async ({ actor, params }) =>
  releaseStaticIp({ actor, subscriptionId: params.id }),
);
