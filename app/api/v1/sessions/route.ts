import { apiOperation } from "@/lib/http/api-operation";
import { listSessionsOperation } from "@/lib/http/openapi/network";
import { listSessions } from "@/lib/network/list-sessions";

export const GET = apiOperation(listSessionsOperation, async ({ actor, query }) => ({
  data: await listSessions({ actor, ...query }),
}));
