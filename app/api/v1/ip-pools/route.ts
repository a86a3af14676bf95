import { apiOperation } from "@/lib/http/api-operation";
import { createIpPoolOperation, listIpPoolsOperation } from "@/lib/http/openapi/network";
import { createIpPool } from "@/lib/network/create-ip-pool";
import { listIpPools } from "@/lib/network/list-ip-pools";

export const GET = apiOperation(listIpPoolsOperation, async ({ actor }) => ({
  data: await listIpPools({ actor }),
}));

export const POST = apiOperation(createIpPoolOperation, async ({ actor, body }) =>
  createIpPool({ actor, input: body }),
);
